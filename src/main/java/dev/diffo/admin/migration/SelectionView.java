package dev.diffo.admin.migration;

import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.ui.SpecificationConverter;
import jakarta.inject.Inject;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The wizard's first step: source, target, RSP and name filter, bound to {@link SelectionViewModel}. */
public class SelectionView {

    private final SelectionViewModel viewModel;
    private final WizardStatus status;

    @FXML
    private ComboBox<Specification> sourceChoice;
    @FXML
    private ComboBox<Specification> targetChoice;
    @FXML
    private Button reloadButton;
    @FXML
    private ComboBox<Rsp.Share> rspChoice;
    @FXML
    private TextField nameFilterField;
    @FXML
    private Label selectionCount;
    @FXML
    private Label rspsNote;

    @Inject
    public SelectionView(SelectionViewModel viewModel, WizardStatus status) {
        this.viewModel = viewModel;
        this.status = status;
    }

    @FXML
    private void initialize() {
        // an RSP operator's choice shows no count of every RSP's instances (its own are in the RSP list and the selection)
        sourceChoice.converterProperty().bind(viewModel.rspFixedProperty().map(SpecificationConverter::forScope));
        targetChoice.converterProperty().bind(viewModel.rspFixedProperty().map(SpecificationConverter::forScope));
        sourceChoice.setItems(viewModel.sourcesProperty());
        targetChoice.setItems(viewModel.targetsProperty());
        sourceChoice.valueProperty().bindBidirectional(viewModel.sourceProperty());
        targetChoice.valueProperty().bindBidirectional(viewModel.targetProperty());
        reloadButton.disableProperty().bind(status.busyProperty());
        rspChoice.setItems(viewModel.rspsProperty());
        rspChoice.valueProperty().subscribe(chosen -> {
            if (chosen != null) {
                viewModel.rspProperty().set(chosen.rsp().key());
            }
        });
        // the list follows the view model's RSP (kept across reloads) by key
        viewModel.rspProperty().subscribe(key -> selectChosenRsp());
        viewModel.rspsProperty().addListener((ListChangeListener<Rsp.Share>) change -> selectChosenRsp());
        rspsNote.textProperty().bind(viewModel.rspsNoteProperty());
        rspChoice.disableProperty().bind(viewModel.rspFixedProperty());
        nameFilterField.textProperty().bindBidirectional(viewModel.nameFilterProperty());
        selectionCount.textProperty().bind(viewModel.selectionCountProperty());
    }

    private void selectChosenRsp() {
        rspChoice.setValue(viewModel.rspsProperty().stream()
                .filter(s -> s.rsp().key().equalsIgnoreCase(viewModel.rspProperty().get())).findFirst().orElse(null));
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }
}
