package dev.diffo.admin.migration;

import dev.diffo.admin.domain.Specification;
import jakarta.inject.Inject;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The migration wizard's screen; bindings only, the steps are in {@link MigrationViewModel}. */
public class MigrationView {

    private final MigrationViewModel viewModel;

    @FXML
    private ComboBox<Specification> sourceChoice;
    @FXML
    private ComboBox<Specification> targetChoice;
    @FXML
    private TextField rspField;
    @FXML
    private Button checkButton;
    @FXML
    private Button reloadButton;
    @FXML
    private Label checkSummary;
    @FXML
    private VBox remedyRows;
    @FXML
    private Button dryRunButton;
    @FXML
    private Button runButton;
    @FXML
    private Button pauseButton;
    @FXML
    private Button undoButton;
    @FXML
    private Button exportButton;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressMessage;
    @FXML
    private TextArea report;

    @Inject
    public MigrationView(MigrationViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        StringConverter<Specification> names = new StringConverter<>() {
            @Override
            public String toString(Specification s) {
                return s == null ? "" : String.format("%s %s (%,d instance%s%s)", s.name(), s.version(), s.instanceCount(),
                        s.instanceCount() == 1 ? "" : "s", s.status().acceptsNewInstances() ? "" : ", " + s.status().stored());
            }

            @Override
            public Specification fromString(String text) {
                return null;
            }
        };
        sourceChoice.setConverter(names);
        targetChoice.setConverter(names);
        sourceChoice.setItems(viewModel.sourcesProperty());
        targetChoice.setItems(viewModel.targetsProperty());
        sourceChoice.valueProperty().bindBidirectional(viewModel.sourceProperty());
        targetChoice.valueProperty().bindBidirectional(viewModel.targetProperty());
        rspField.textProperty().bindBidirectional(viewModel.rspProperty());
        checkButton.disableProperty().bind(viewModel.canCheckProperty().not());
        reloadButton.disableProperty().bind(viewModel.busyProperty());
        checkSummary.textProperty().bind(viewModel.checkSummaryProperty());
        dryRunButton.disableProperty().bind(viewModel.canRunProperty().not());
        runButton.disableProperty().bind(viewModel.canRunProperty().not());
        pauseButton.disableProperty().bind(viewModel.runningProperty().not());
        undoButton.disableProperty().bind(viewModel.lastRunProperty().isNull().or(viewModel.busyProperty()));
        exportButton.disableProperty().bind(viewModel.lastRunProperty().isNull().or(viewModel.busyProperty()));
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressMessage.textProperty().bind(viewModel.progressMessageProperty());
        report.textProperty().bind(viewModel.reportProperty());
        viewModel.remediesProperty().addListener((ListChangeListener<MigrationViewModel.Remedy>) change -> {
            while (change.next()) {
                if (!change.wasUpdated()) {
                    showRemedies(change.getList());
                    return;
                }
            }
        });
    }

    /** Rebuilt when the check gives new remedies; a choice made in a row only updates the list. */
    private void showRemedies(List<? extends MigrationViewModel.Remedy> remedies) {
        remedyRows.getChildren().clear();
        for (int i = 0; i < remedies.size(); i++) {
            MigrationViewModel.Remedy remedy = remedies.get(i);
            ChoiceBox<String> choice = new ChoiceBox<>();
            choice.setId("remedy-" + i);
            choice.getItems().setAll(remedy.options());
            choice.valueProperty().bindBidirectional(remedy.choice());
            remedyRows.getChildren().add(new HBox(10, new Label("3. " + remedy.describe() + ": map to"), choice));
        }
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void check() {
        viewModel.check();
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
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the run's results");
        chooser.setInitialFileName("migration-" + viewModel.lastRunProperty().get().uuid() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File file = chooser.showSaveDialog(exportButton.getScene().getWindow());
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }
}
