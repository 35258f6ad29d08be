package dev.diffo.admin.migration;

import jakarta.inject.Inject;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The per-instance browser of one remedy: a thin binding of {@link InstanceRemediesViewModel}. */
public class InstanceRemediesView {

    private final InstanceRemediesViewModel viewModel;

    @FXML
    private Label note;
    @FXML
    private TextField instanceFilter;
    @FXML
    private Button moreInstances;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private TableView<InstanceRemediesViewModel.InstanceChoice> instanceTable;
    @FXML
    private TableColumn<InstanceRemediesViewModel.InstanceChoice, String> nameColumn;
    @FXML
    private TableColumn<InstanceRemediesViewModel.InstanceChoice, String> uuidColumn;
    @FXML
    private TableColumn<InstanceRemediesViewModel.InstanceChoice, InstanceRemediesViewModel.InstanceChoice> remedyColumn;
    @FXML
    private Label placeholder;
    @FXML
    private Label error;

    @Inject
    public InstanceRemediesView(InstanceRemediesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    InstanceRemediesViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        note.textProperty().bind(viewModel.noteProperty());
        instanceFilter.textProperty().bindBidirectional(viewModel.containingProperty());
        moreInstances.visibleProperty().bind(viewModel.moreInstancesProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        instanceTable.setItems(viewModel.instanceChoicesProperty());
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        uuidColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().uuid()));
        remedyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        remedyColumn.setCellFactory(column -> new RemedyCell());
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
    }

    @FXML
    private void find() {
        viewModel.find();
    }

    @FXML
    private void more() {
        viewModel.more();
    }

    /** A choice box bound to one instance's own remedy. */
    private static final class RemedyCell extends TableCell<InstanceRemediesViewModel.InstanceChoice, InstanceRemediesViewModel.InstanceChoice> {
        private final ChoiceBox<String> box = new ChoiceBox<>();
        private InstanceRemediesViewModel.InstanceChoice bound;

        @Override
        protected void updateItem(InstanceRemediesViewModel.InstanceChoice item, boolean empty) {
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
}
