package dev.diffo.admin.migration;

import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.ui.Decorations;
import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

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
    @FXML
    private Label rowsTitle;
    @FXML
    private ToggleButton rawJsonToggle;
    @FXML
    private Button copyAllButton;
    @FXML
    private TableView<OutcomeRow> outcomeTable;
    @FXML
    private TableColumn<OutcomeRow, String> instanceColumn;
    @FXML
    private TableColumn<OutcomeRow, String> characteristicColumn;
    @FXML
    private TableColumn<OutcomeRow, String> fieldColumn;
    @FXML
    private TableColumn<OutcomeRow, String> beforeColumn;
    @FXML
    private TableColumn<OutcomeRow, String> afterColumn;
    @FXML
    private TableColumn<OutcomeRow, String> outcomeColumn;
    @FXML
    private TableColumn<OutcomeRow, String> reasonColumn;
    @FXML
    private TableColumn<OutcomeRow, String> rawBeforeColumn;
    @FXML
    private TableColumn<OutcomeRow, String> rawAfterColumn;

    @Inject
    public ExecutionView(ExecutionViewModel viewModel, WizardStatus status) {
        this.viewModel = viewModel;
        this.status = status;
    }

    @FXML
    private void initialize() {
        SpinnerValueFactory.IntegerSpinnerValueFactory sizes = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, MigrationPlan.MAX_BATCH_SIZE,
                viewModel.batchSizeProperty().get(), 1_000);
        // text that is no number commits as the size it replaced (the spinner does not throw); the ViewModel says why
        sizes.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer size) {
                return size == null ? "" : size.toString();
            }

            @Override
            public Integer fromString(String text) {
                return Objects.requireNonNullElse(ExecutionViewModel.batchSizeOf(text), sizes.getValue());
            }
        });
        batchSizeSpinner.setValueFactory(sizes);
        batchSizeSpinner.setEditable(true);
        sizes.valueProperty().subscribe(size -> {
            if (size != null) {
                viewModel.batchSizeProperty().set(size);
            }
        });
        // what is typed is judged as it is typed, and a bad size is decorated (its tooltip says why) while Run waits
        batchSizeSpinner.getEditor().textProperty().bindBidirectional(viewModel.batchSizeTextProperty());
        new Decorations().error(batchSizeSpinner.getEditor(), viewModel.batchSizeMessageProperty());
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
        // the dry run's and the verify step's table: sortable by any column, several rows copied as TSV with Ctrl+C
        SortedList<OutcomeRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(outcomeTable.comparatorProperty());
        outcomeTable.setItems(sorted);
        outcomeTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        column(instanceColumn, OutcomeRow::instance);
        column(characteristicColumn, OutcomeRow::characteristic);
        column(fieldColumn, OutcomeRow::field);
        column(beforeColumn, OutcomeRow::before);
        column(afterColumn, OutcomeRow::after);
        column(outcomeColumn, OutcomeRow::outcome);
        column(reasonColumn, OutcomeRow::reason);
        column(rawBeforeColumn, OutcomeRow::rawBefore);
        column(rawAfterColumn, OutcomeRow::rawAfter);
        rawJsonToggle.selectedProperty().bindBidirectional(viewModel.showRawJsonProperty());
        rawBeforeColumn.visibleProperty().bind(viewModel.showRawJsonProperty());
        rawAfterColumn.visibleProperty().bind(viewModel.showRawJsonProperty());
        rowsTitle.textProperty().bind(viewModel.rowsTitleProperty());
        copyAllButton.disableProperty().bind(Bindings.isEmpty(viewModel.rows()));
        outcomeTable.setOnKeyPressed(key -> {
            if (COPY.match(key)) {
                copy(viewModel.copyText(List.copyOf(outcomeTable.getSelectionModel().getSelectedItems())));
                key.consume();
            }
        });
        outcomeTable.setRowFactory(table -> {
            TableRow<OutcomeRow> row = new TableRow<>();
            row.itemProperty().subscribe(item -> row.setTooltip(item == null || item.change().isEmpty() ? null : new Tooltip(item.change())));
            return row;
        });
    }

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private static void column(TableColumn<OutcomeRow, String> column, Function<OutcomeRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void copyAll() {
        copy(viewModel.copyAllText());
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
