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
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private ComboBox<dev.diffo.admin.domain.Rsp.Share> rspChoice;
    @FXML
    private Label rspsNote;
    @FXML
    private Button recordTargetRulesButton;
    @FXML
    private TextField nameFilterField;
    @FXML
    private Label selectionCount;
    @FXML
    private Spinner<Integer> batchSizeSpinner;
    @FXML
    private Label perInstanceSummary;
    @FXML
    private Label labelNote;
    @FXML
    private javafx.scene.control.CheckBox relabelCheck;
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
    private Button resumeButton;
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
        rspChoice.setItems(viewModel.rspsProperty());
        rspChoice.valueProperty().subscribe(chosen -> {
            if (chosen != null) {
                viewModel.rspProperty().set(chosen.rsp().key());
            }
        });
        // the list follows the view model's RSP (kept across reloads) by key
        Runnable selectChosen = () -> rspChoice.setValue(viewModel.rspsProperty().stream()
                .filter(s -> s.rsp().key().equalsIgnoreCase(viewModel.rspProperty().get())).findFirst().orElse(null));
        viewModel.rspProperty().subscribe(key -> selectChosen.run());
        viewModel.rspsProperty().addListener((ListChangeListener<dev.diffo.admin.domain.Rsp.Share>) change -> selectChosen.run());
        rspsNote.textProperty().bind(viewModel.rspsNoteProperty());
        recordTargetRulesButton.visibleProperty().bind(viewModel.canRecordTargetRulesProperty());
        recordTargetRulesButton.managedProperty().bind(recordTargetRulesButton.visibleProperty());
        nameFilterField.textProperty().bindBidirectional(viewModel.nameFilterProperty());
        selectionCount.textProperty().bind(viewModel.selectionCountProperty());
        perInstanceSummary.textProperty().bind(viewModel.perInstanceSummaryProperty());
        labelNote.textProperty().bind(viewModel.labelNoteProperty());
        relabelCheck.textProperty().bind(viewModel.relabelOfferProperty());
        relabelCheck.selectedProperty().bindBidirectional(viewModel.relabelProperty());
        relabelCheck.visibleProperty().bind(viewModel.relabelOfferProperty().isNotEmpty());
        relabelCheck.managedProperty().bind(relabelCheck.visibleProperty());
        // empty steps take no room
        for (Label label : List.of(checkSummary, perInstanceSummary, labelNote)) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
        remedyRows.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(remedyRows.getChildren()));
        remedyRows.managedProperty().bind(remedyRows.visibleProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory sizes = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, dev.diffo.admin.domain.MigrationPlan.MAX_BATCH_SIZE,
                viewModel.batchSizeProperty().get(), 1_000);
        batchSizeSpinner.setValueFactory(sizes);
        batchSizeSpinner.setEditable(true);
        sizes.valueProperty().subscribe(size -> {
            if (size != null) {
                viewModel.batchSizeProperty().set(size);
            }
        });
        batchSizeSpinner.disableProperty().bind(viewModel.busyProperty());
        checkButton.disableProperty().bind(viewModel.canCheckProperty().not());
        reloadButton.disableProperty().bind(viewModel.busyProperty());
        checkSummary.textProperty().bind(viewModel.checkSummaryProperty());
        dryRunButton.disableProperty().bind(viewModel.canRunProperty().not());
        runButton.disableProperty().bind(viewModel.canRunProperty().not());
        pauseButton.disableProperty().bind(viewModel.runningProperty().not());
        undoButton.disableProperty().bind(viewModel.lastRunProperty().isNull().or(viewModel.busyProperty()));
        resumeButton.disableProperty().bind(viewModel.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.lastRunProperty().get() == null || !viewModel.lastRunProperty().get().status().resumable(), viewModel.lastRunProperty())));
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
            Button own = new Button("Per instance…");
            own.setId("perInstance-" + i);
            own.setOnAction(e -> showInstances(remedy));
            HBox row = new HBox(10, new Label("3. " + remedy.describe() + ": map to"), choice, own);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            remedyRows.getChildren().add(row);
        }
    }

    /** The instances carrying one offending value, each with its own remedy (a page at a time, filtered by name). */
    private void showInstances(MigrationViewModel.Remedy remedy) {
        TextField containing = new TextField();
        containing.setId("instanceFilter");
        containing.setPromptText("name contains…");
        Button find = new Button("Find");
        find.setId("findInstances");
        find.setDefaultButton(true);
        find.setOnAction(e -> viewModel.showInstances(remedy, containing.getText()));
        TableView<MigrationViewModel.InstanceChoice> table = new TableView<>(viewModel.instanceChoicesProperty());
        table.setId("instanceTable");
        table.setPlaceholder(new Label("No instance with " + remedy.offence() + " matches."));
        TableColumn<MigrationViewModel.InstanceChoice, String> name = new TableColumn<>("Instance");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(220);
        TableColumn<MigrationViewModel.InstanceChoice, String> uuid = new TableColumn<>("Id");
        uuid.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().uuid()));
        uuid.setPrefWidth(290);
        TableColumn<MigrationViewModel.InstanceChoice, MigrationViewModel.InstanceChoice> own = new TableColumn<>("Own remedy");
        own.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        own.setCellFactory(column -> new RemedyCell());
        own.setPrefWidth(190);
        table.getColumns().setAll(List.of(name, uuid, own));
        Button more = new Button("More…");
        more.setId("moreInstances");
        more.visibleProperty().bind(viewModel.moreInstancesProperty());
        more.setOnAction(e -> viewModel.moreInstances());
        Label note = new Label("Each instance follows its group's remedy (" + remedy.offence() + " → " + remedy.choice().get()
                + ") unless you choose otherwise here.");
        note.setWrapText(true);
        HBox search = new HBox(8, containing, find, more);
        VBox content = new VBox(8, note, search, table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        content.setPrefSize(760, 420);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Per-instance remedies: " + remedy.offence());
        dialog.setHeaderText(remedy.describe());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().addAll(remedyRows.getScene().getStylesheets());
        dialog.initOwner(remedyRows.getScene().getWindow());
        viewModel.showInstances(remedy, "");
        dialog.show();
    }

    /** A choice box bound to one instance's own remedy. */
    private static final class RemedyCell extends TableCell<MigrationViewModel.InstanceChoice, MigrationViewModel.InstanceChoice> {
        private final ChoiceBox<String> box = new ChoiceBox<>();
        private MigrationViewModel.InstanceChoice bound;

        @Override
        protected void updateItem(MigrationViewModel.InstanceChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.valueProperty().unbindBidirectional(bound.choice());
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            box.getItems().setAll(item.options());
            box.valueProperty().bindBidirectional(item.choice());
            box.setId("instanceChoice-" + item.name());
            bound = item;
            setGraphic(box);
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
    private void resume() {
        viewModel.resume();
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void recordTargetRules() {
        viewModel.recordTargetRules();
    }
}
