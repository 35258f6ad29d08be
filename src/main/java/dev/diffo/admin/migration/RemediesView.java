package dev.diffo.admin.migration;

import dev.diffo.admin.common.Views;
import dev.diffo.admin.ui.Decorations;
import jakarta.inject.Inject;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The wizard's second step: the check, a row per remedy, the relabel offer; bound to {@link RemediesViewModel}. */
public class RemediesView {

    private final RemediesViewModel viewModel;
    private final Views views;

    @FXML
    private Button checkButton;
    @FXML
    private Button recordTargetRulesButton;
    @FXML
    private Button cancelCheckButton;
    @FXML
    private Label checkSummary;
    @FXML
    private GridPane remedyRows;
    @FXML
    private Label perInstanceSummary;
    @FXML
    private Label labelNote;
    @FXML
    private CheckBox relabelCheck;

    @Inject
    public RemediesView(RemediesViewModel viewModel, Views views) {
        this.viewModel = viewModel;
        this.views = views;
    }

    @FXML
    private void initialize() {
        checkButton.disableProperty().bind(viewModel.canCheckProperty().not());
        cancelCheckButton.visibleProperty().bind(viewModel.checkingProperty());
        cancelCheckButton.managedProperty().bind(cancelCheckButton.visibleProperty());
        recordTargetRulesButton.visibleProperty().bind(viewModel.canRecordTargetRulesProperty());
        recordTargetRulesButton.managedProperty().bind(recordTargetRulesButton.visibleProperty());
        checkSummary.textProperty().bind(viewModel.checkSummaryProperty());
        perInstanceSummary.textProperty().bind(viewModel.perInstanceSummaryProperty());
        labelNote.textProperty().bind(viewModel.labelNoteProperty());
        relabelCheck.textProperty().bind(viewModel.relabelOfferProperty());
        relabelCheck.selectedProperty().bindBidirectional(viewModel.relabelProperty());
        relabelCheck.visibleProperty().bind(viewModel.relabelOfferProperty().isNotEmpty());
        relabelCheck.managedProperty().bind(relabelCheck.visibleProperty());
        // empty parts take no room
        for (Label label : List.of(checkSummary, perInstanceSummary, labelNote)) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
        remedyRows.visibleProperty().bind(Bindings.isNotEmpty(remedyRows.getChildren()));
        remedyRows.managedProperty().bind(remedyRows.visibleProperty());
        viewModel.remediesProperty().addListener((ListChangeListener<RemedyChoice>) change -> {
            while (change.next()) {
                if (!change.wasUpdated()) {
                    showRemedies(change.getList());
                    return;
                }
            }
        });
    }

    /** Rebuilt when the check gives new remedies (a row each, aligned); a choice made in a row only updates the list. */
    private void showRemedies(List<? extends RemedyChoice> remedies) {
        remedyRows.getChildren().clear();
        // one support per check: the rows of an older check are not validated any more
        Decorations decorations = new Decorations().shownAtOnce();
        for (int i = 0; i < remedies.size(); i++) {
            RemedyChoice remedy = remedies.get(i);
            ChoiceBox<String> choice = new ChoiceBox<>();
            choice.setId("remedy-" + i);
            choice.getItems().setAll(remedy.options());
            choice.setMaxWidth(Double.MAX_VALUE);
            choice.valueProperty().bindBidirectional(remedy.choice());
            Button own = new Button("Per instance…");
            own.setId("perInstance-" + i);
            own.setOnAction(e -> showInstances(remedy));
            remedyRows.addRow(i, new Label(remedy.describe() + ": map to"), choice, own);
            // a value with no remedy yet is decorated (its tooltip says what to choose): Run waits for it
            decorations.error(choice, remedy.message());
        }
    }

    /** The per-instance browser of one remedy, in a window of its own beside the wizard. */
    private void showInstances(RemedyChoice remedy) {
        Views.Loaded<InstanceRemediesView> browser = views.loadView(InstanceRemediesView.class);
        InstanceRemediesViewModel model = browser.controller().viewModel();
        model.start(remedy);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.titleProperty().bind(model.titleProperty());
        dialog.headerTextProperty().bind(model.headingProperty());
        dialog.setResizable(true);
        dialog.getDialogPane().setContent((Parent) browser.root());
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().addAll(remedyRows.getScene().getStylesheets());
        dialog.initOwner(remedyRows.getScene().getWindow());
        dialog.show();
    }

    @FXML
    private void check() {
        viewModel.check();
    }

    @FXML
    private void cancelCheck() {
        viewModel.cancelCheck();
    }

    @FXML
    private void recordTargetRules() {
        viewModel.recordTargetRules();
    }
}
