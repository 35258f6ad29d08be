package dev.diffo.admin.versioning;

import dev.diffo.admin.common.Views;
import jakarta.inject.Inject;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;

/** The catalogue manager's action bar; opens the editor dialog when the ViewModel asks for it. */
public class VersioningView {

    private final VersioningViewModel viewModel;
    private final Views views;

    @FXML
    private Button createButton;
    @FXML
    private Button patchButton;
    @FXML
    private Button minorButton;
    @FXML
    private Button majorButton;
    @FXML
    private Button freezeButton;
    @FXML
    private Button unfreezeButton;
    @FXML
    private Button withdrawButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Label allowedValues;
    @FXML
    private Button recordRulesButton;

    @Inject
    public VersioningView(VersioningViewModel viewModel, Views views) {
        this.viewModel = viewModel;
        this.views = views;
    }

    @FXML
    private void initialize() {
        createButton.disableProperty().bind(viewModel.canCreateProperty().not());
        patchButton.disableProperty().bind(viewModel.canEditProperty().not());
        minorButton.disableProperty().bind(viewModel.canEditProperty().not());
        majorButton.disableProperty().bind(viewModel.canEditProperty().not());
        freezeButton.disableProperty().bind(viewModel.canFreezeProperty().not());
        unfreezeButton.disableProperty().bind(viewModel.canUnfreezeProperty().not());
        withdrawButton.disableProperty().bind(viewModel.canWithdrawProperty().not());
        deleteButton.disableProperty().bind(viewModel.canDeleteProperty().not());
        allowedValues.textProperty().bind(viewModel.rulesTextProperty().map(t -> t.isEmpty() ? "select a specification version" : t));
        recordRulesButton.disableProperty().bind(viewModel.canDeleteProperty().not());
        viewModel.recordRequestProperty().subscribe(request -> {
            if (request != null) {
                viewModel.recordRequestHandled();
                openRecordRules(request);
            }
        });
        viewModel.editRequestProperty().subscribe(request -> {
            if (request != null) {
                viewModel.editRequestHandled();
                openEditor(request);
            }
        });
    }

    private void openEditor(VersioningViewModel.EditRequest request) {
        Views.Loaded<SpecEditorView> editor = views.loadView(SpecEditorView.class);
        SpecEditorViewModel editorModel = editor.controller().viewModel();
        editorModel.start(request.mode(), request.specification(), request.rules());
        Dialog<ButtonType> dialog = editorDialog((Parent) editor.root(), editor.controller(), createButton.getScene().getWindow(),
                createButton.getScene().getStylesheets());
        editorModel.savedProperty().subscribe(saved -> {
            if (saved != null) {
                viewModel.saved(saved);
                dialog.close();
            }
        });
        dialog.show();
    }

    private void openRecordRules(VersioningViewModel.RecordRequest request) {
        Views.Loaded<RecordRulesView> content = views.loadView(RecordRulesView.class);
        RecordRulesViewModel model = content.controller().viewModel();
        model.start(request.specification(), request.recorded(), request.inUse());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(createButton.getScene().getWindow());
        dialog.setTitle("Record allowed values");
        dialog.setHeaderText("Record what " + request.specification().name() + " " + request.specification().version() + " allows");
        dialog.setResizable(true);
        dialog.getDialogPane().setContent((Parent) content.root());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().addAll(createButton.getScene().getStylesheets());
        model.savedProperty().subscribe(saved -> {
            if (saved != null) {
                viewModel.saved(saved);
                dialog.close();
            }
        });
        dialog.show();
    }

    @FXML
    private void recordRules() {
        viewModel.recordRules();
    }

    /** The editor's dialog, not shown yet: it grows when a validation, a diff or an error appears, within the screen. */
    static Dialog<ButtonType> editorDialog(Parent editor, SpecEditorView editorView, javafx.stage.Window owner, java.util.List<String> stylesheets) {
        SpecEditorViewModel editorModel = editorView.viewModel();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(editorModel.modeProperty().get().title());
        dialog.setHeaderText(editorModel.modeProperty().get().title());
        dialog.getDialogPane().setContent(editor);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        // a validation, a diff or an error that appears grows the window rather than pushing Save and Cancel out
        dev.diffo.admin.ui.DialogFit.fit(dialog, editorView::fitForm, editorModel.validationProperty(), editorModel.diffProperty(),
                editorModel.errorProperty());
        return dialog;
    }

    @FXML
    private void create() {
        viewModel.create();
    }

    @FXML
    private void patch() {
        viewModel.patch();
    }

    @FXML
    private void minor() {
        viewModel.minor();
    }

    @FXML
    private void major() {
        viewModel.major();
    }

    @FXML
    private void freeze() {
        viewModel.freeze();
    }

    @FXML
    private void unfreeze() {
        viewModel.unfreeze();
    }

    @FXML
    private void withdraw() {
        viewModel.withdraw();
    }

    @FXML
    private void delete() {
        viewModel.delete();
    }
}
