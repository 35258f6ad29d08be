package dev.diffo.admin.versioning;

import jakarta.inject.Inject;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;

/** The "Record allowed values…" dialog's content; a thin binding of {@link RecordRulesViewModel}. */
public class RecordRulesView {

    private final RecordRulesViewModel viewModel;

    @FXML
    private Label heading;
    @FXML
    private ListView<RecordRulesViewModel.Tick> ticks;
    @FXML
    private TextArea extra;
    @FXML
    private TextField reason;
    @FXML
    private Label validation;
    @FXML
    private TextArea preview;
    @FXML
    private Label error;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button recordButton;

    @Inject
    public RecordRulesView(RecordRulesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    RecordRulesViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(viewModel.headingProperty());
        ticks.setItems(viewModel.ticksProperty());
        ticks.setCellFactory(CheckBoxListCell.forListView(RecordRulesViewModel.Tick::allowed));
        extra.textProperty().bindBidirectional(viewModel.extraProperty());
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        validation.textProperty().bind(viewModel.validationProperty());
        preview.textProperty().bind(viewModel.previewProperty());
        error.textProperty().bind(viewModel.errorProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        recordButton.disableProperty().bind(viewModel.canSaveProperty().not());
    }

    @FXML
    private void save() {
        viewModel.save();
    }
}
