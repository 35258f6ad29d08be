package dev.diffo.admin.catalogue;

import dev.diffo.admin.domain.InstanceQuery.Sort;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.ui.SpecificationConverter;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import dev.diffo.admin.ui.Decorations;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/** The instances table and the create form; bindings only, the behaviour is in {@link InstancesViewModel}. */
public class InstancesView {

    private final InstancesViewModel viewModel;

    @FXML
    private ComboBox<Specification> specificationChoice;
    @FXML
    private Label summary;
    @FXML
    private ProgressIndicator instancesBusy;
    @FXML
    private TextField nameField;
    @FXML
    private TextField instancesRspField;
    @FXML
    private ComboBox<String> valueKeyChoice;
    @FXML
    private TextField valueField;
    @FXML
    private Button searchButton;
    @FXML
    private ChoiceBox<Integer> pageSizeChoice;
    @FXML
    private Label message;
    @FXML
    private TableView<InstanceRow> table;
    @FXML
    private TableColumn<InstanceRow, String> nameColumn;
    @FXML
    private TableColumn<InstanceRow, String> idColumn;
    @FXML
    private TableColumn<InstanceRow, String> rspColumn;
    @FXML
    private TableColumn<InstanceRow, String> stateColumn;
    @FXML
    private TableColumn<InstanceRow, String> valuesColumn;
    @FXML
    private TableColumn<InstanceRow, String> createdColumn;
    @FXML
    private TableColumn<InstanceRow, String> storedValuesColumn;
    @FXML
    private ToggleButton instancesRawJsonToggle;
    @FXML
    private Label placeholder;
    @FXML
    private MenuItem showInGraphItem;
    @FXML
    private MenuItem copyIdItem;
    @FXML
    private Label createTarget;
    @FXML
    private TextField newNameField;
    @FXML
    private VBox valueFields;
    @FXML
    private Button createInstanceButton;
    @FXML
    private Label createMessage;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;

    @Inject
    public InstancesView(InstancesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindFilters();
        bindTable();
        bindCreateForm();
    }

    /** The version to list, the filters and the page size. */
    private void bindFilters() {
        specificationChoice.converterProperty().bind(viewModel.rspFixedProperty().map(SpecificationConverter::forScope));
        specificationChoice.setItems(viewModel.specificationsProperty());
        specificationChoice.valueProperty().bindBidirectional(viewModel.specificationProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        instancesBusy.visibleProperty().bind(viewModel.busyProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameFilterProperty());
        instancesRspField.textProperty().bindBidirectional(viewModel.rspFilterProperty());
        instancesRspField.disableProperty().bind(viewModel.rspFixedProperty());
        instancesRspField.promptTextProperty().bind(viewModel.rspPromptProperty());
        valueKeyChoice.setItems(viewModel.valueKeysProperty());
        valueKeyChoice.valueProperty().bindBidirectional(viewModel.valueKeyProperty());
        valueField.textProperty().bindBidirectional(viewModel.valueFilterProperty());
        searchButton.disableProperty().bind(viewModel.specificationProperty().isNull());
        pageSizeChoice.getItems().setAll(50, 100, 500, 1_000);
        pageSizeChoice.valueProperty().set(viewModel.pageSizeProperty().get());
        pageSizeChoice.valueProperty().subscribe(size -> {
            if (size != null && size != viewModel.pageSizeProperty().get()) {
                viewModel.pageSizeProperty().set(size);
                viewModel.search();
            }
        });
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
    }

    /** The page of instances: columns, cells, the graph's order on a header click, paging and the row menu. */
    private void bindTable() {
        column(nameColumn, InstanceRow::name);
        column(idColumn, InstanceRow::uuid);
        column(rspColumn, r -> r.owner() == null ? null : r.owner().display());
        // which way each RSP was found (the party in the RSP role, or the name prefix), on hover
        rspColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                InstanceRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null || row.owner() == null ? null : new javafx.scene.control.Tooltip(row.owner().display() + ", found " + row.owner().how()));
            }
        });
        column(stateColumn, InstanceRow::state);
        column(valuesColumn, InstanceRow::valuesText);
        column(createdColumn, InstanceRow::createdAtDisplay);
        // the values as fields, and one click away the JSON diffo stored (a column of its own)
        column(storedValuesColumn, InstanceRow::storedText);
        instancesRawJsonToggle.selectedProperty().bindBidirectional(viewModel.showRawJsonProperty());
        storedValuesColumn.visibleProperty().bind(viewModel.showRawJsonProperty());
        // the whole JSON on hover (a long value is cut at the column's edge)
        storedValuesColumn.setCellFactory(dev.diffo.admin.ui.Cells.wholeTextOnHover());
        idColumn.getStyleClass().add("mono");
        // a long id is cut in the middle (both ends stay readable); the whole id is in the tooltip, and Copy id copies it
        idColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty ? null : id);
                setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
                setTooltip(empty || id == null ? null : new javafx.scene.control.Tooltip(id));
            }
        });
        table.setItems(viewModel.rowsProperty());
        viewModel.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        // the order is the graph's, page by page: a header click asks for a new first page instead of sorting the rows shown
        Map<TableColumn<InstanceRow, String>, Sort> sorts = Map.of(nameColumn, Sort.NAME, idColumn, Sort.ID, stateColumn, Sort.STATE, createdColumn, Sort.CREATED);
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty() && sorts.containsKey(t.getSortOrder().getFirst())) {
                TableColumn<InstanceRow, ?> first = t.getSortOrder().getFirst();
                viewModel.sortBy(sorts.get(first), first.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        table.getSortOrder().setAll(nameColumn);
        placeholder.textProperty().bind(viewModel.summaryProperty());
        showInGraphItem.disableProperty().bind(viewModel.canShowInGraphProperty().not());
        copyIdItem.disableProperty().bind(viewModel.selectedProperty().isNull());
        previousButton.disableProperty().bind(viewModel.canPreviousProperty().not());
        nextButton.disableProperty().bind(viewModel.canNextProperty().not());
    }

    /** The new-instance form: a name and one field per value the version allows. */
    private void bindCreateForm() {
        createTarget.textProperty().bind(viewModel.specificationProperty().map(s -> s.status().acceptsNewInstances()
                ? "On " + s.name() + " " + s.version() + ", with the values it allows."
                : s.name() + " " + s.version() + " is " + s.status().stored() + ": it takes no new instances.").orElse("Choose a specification version."));
        newNameField.textProperty().bindBidirectional(viewModel.form().newNameProperty());
        newNameField.disableProperty().bind(viewModel.form().canEditNewProperty().not());
        // a refused create marks the name field with the refusal (a taken or invalid name, a frozen version…)
        new Decorations().error(newNameField, viewModel.form().createFailedProperty()
                .flatMap(failed -> failed ? viewModel.form().createMessageProperty() : new javafx.beans.property.SimpleStringProperty("")));
        valueFields.disableProperty().bind(viewModel.form().canEditNewProperty().not());
        createInstanceButton.disableProperty().bind(viewModel.form().canCreateProperty().not());
        createMessage.textProperty().bind(viewModel.form().createMessageProperty());
        viewModel.form().createFailedProperty().subscribe(failed -> {
            createMessage.getStyleClass().remove("failed");
            if (failed) {
                createMessage.getStyleClass().add("failed");
            }
        });
        viewModel.form().newValuesProperty().addListener((ListChangeListener<NewInstanceViewModel.ValueField>) change -> showValueFields());
        showValueFields();
    }

    private static void column(TableColumn<InstanceRow, String> column, Function<InstanceRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private void showValueFields() {
        valueFields.getChildren().clear();
        for (NewInstanceViewModel.ValueField field : viewModel.form().newValuesProperty()) {
            Label label = new Label(field.key() + (field.required() ? " *" : ""));
            label.getStyleClass().add("field-label");
            String id = "value-" + field.key().replace('.', '-');
            if (field.allowed().isEmpty()) {
                TextField text = new TextField();
                text.setId(id);
                text.setPromptText(field.prompt());
                text.textProperty().bindBidirectional(field.value());
                valueFields.getChildren().addAll(label, text);
            } else {
                ComboBox<String> choice = new ComboBox<>();
                choice.setId(id);
                choice.setMaxWidth(Double.MAX_VALUE);
                choice.getItems().add("");
                choice.getItems().addAll(field.allowed());
                choice.setPromptText(field.prompt());
                choice.valueProperty().bindBidirectional(field.value());
                valueFields.getChildren().addAll(label, choice);
            }
        }
    }

    @FXML
    private void search() {
        viewModel.search();
    }

    @FXML
    private void clear() {
        viewModel.nameFilterProperty().set("");
        viewModel.rspFilterProperty().set("");
        viewModel.valueKeyProperty().set(null);
        viewModel.valueFilterProperty().set("");
        viewModel.search();
    }

    @FXML
    private void previous() {
        viewModel.previous();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void create() {
        viewModel.form().create();
    }

    @FXML
    private void showInGraph() {
        viewModel.showSelectedInGraph();
    }

    @FXML
    private void copyId() {
        InstanceRow row = viewModel.selectedProperty().get();
        if (row != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.uuid());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
