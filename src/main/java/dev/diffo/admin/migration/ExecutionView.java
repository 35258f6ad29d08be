package dev.diffo.admin.migration;

import dev.diffo.admin.domain.MigrationPlan;
import jakarta.inject.Inject;
import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;

/** The wizard's last step: batch size, dry run, run, pause, resume, export and undo, bound to {@link ExecutionViewModel}. */
public class ExecutionView {

    private final ExecutionViewModel viewModel;
    private final WizardStatus status;

    @FXML
    private Spinner<Integer> batchSizeSpinner;
    @FXML
    private Button dryRunButton;
    @FXML
    private Button runButton;
    @FXML
    private Button pauseButton;
    @FXML
    private Button resumeButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button undoButton;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressMessage;
    @FXML
    private TextArea report;

    @Inject
    public ExecutionView(ExecutionViewModel viewModel, WizardStatus status) {
        this.viewModel = viewModel;
        this.status = status;
    }

    @FXML
    private void initialize() {
        SpinnerValueFactory.IntegerSpinnerValueFactory sizes = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, MigrationPlan.MAX_BATCH_SIZE,
                viewModel.batchSizeProperty().get(), 1_000);
        batchSizeSpinner.setValueFactory(sizes);
        batchSizeSpinner.setEditable(true);
        sizes.valueProperty().subscribe(size -> {
            if (size != null) {
                viewModel.batchSizeProperty().set(size);
            }
        });
        batchSizeSpinner.disableProperty().bind(status.busyProperty());
        dryRunButton.disableProperty().bind(viewModel.canRunProperty().not());
        runButton.disableProperty().bind(viewModel.canRunProperty().not());
        pauseButton.disableProperty().bind(viewModel.runningProperty().not());
        resumeButton.disableProperty().bind(viewModel.canResumeProperty().not());
        exportButton.disableProperty().bind(viewModel.canExportProperty().not());
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressMessage.textProperty().bind(viewModel.progressMessageProperty());
        report.textProperty().bind(viewModel.reportProperty());
    }

    @FXML
    private void dryRun() {
        viewModel.dryRun();
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void pause() {
        viewModel.pause();
    }

    @FXML
    private void resume() {
        viewModel.resume();
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the run's results");
        chooser.setInitialFileName("migration-" + viewModel.lastRunProperty().get().uuid() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(exportButton.getScene().getWindow());
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }
}
