package dev.diffo.admin.versioning;

import dev.diffo.admin.domain.SpecificationType;
import jakarta.inject.Inject;
import dev.diffo.admin.ui.Decorations;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** The editor dialog's content; a thin binding of {@link SpecEditorViewModel}. */
public class SpecEditorView {

    private final SpecEditorViewModel viewModel;

    @FXML
    private Label heading;
    @FXML
    private TextField name;
    @FXML
    private TextField uuid;
    @FXML
    private ChoiceBox<SpecificationType> type;
    @FXML
    private TextField description;
    @FXML
    private TextField category;
    @FXML
    private TextArea rules;
    @FXML
    private TextField reason;
    @FXML
    private Label validation;
    @FXML
    private TextArea changes;
    @FXML
    private Label error;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button saveButton;
    @FXML
    private javafx.scene.control.ScrollPane form;
    @FXML
    private javafx.scene.layout.VBox formContent;

    @Inject
    public SpecEditorView(SpecEditorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    SpecEditorViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(viewModel.headingProperty());
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        uuid.textProperty().bindBidirectional(viewModel.uuidProperty());
        type.getItems().setAll(SpecificationType.values());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(SpecificationType value) {
                return value == null ? "" : value.stored();
            }

            @Override
            public SpecificationType fromString(String text) {
                return SpecificationType.fromStored(text);
            }
        });
        type.valueProperty().bindBidirectional(viewModel.typeProperty());
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());
        category.textProperty().bindBidirectional(viewModel.categoryProperty());
        rules.textProperty().bindBidirectional(viewModel.rulesProperty());
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        name.disableProperty().bind(viewModel.identityEditableProperty().not());
        uuid.disableProperty().bind(viewModel.identityEditableProperty().not());
        type.disableProperty().bind(viewModel.identityEditableProperty().not());
        rules.disableProperty().bind(viewModel.rulesEditableProperty().not());
        validation.textProperty().bind(viewModel.validationProperty());
        validation.visibleProperty().bind(viewModel.validationProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());
        changes.textProperty().bind(viewModel.diffProperty());
        changes.visibleProperty().bind(viewModel.diffProperty().isNotEmpty());
        changes.managedProperty().bind(changes.visibleProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        saveButton.textProperty().bind(viewModel.modeProperty().map(SpecEditorViewModel.Mode::action));
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        // the message beneath the form also marks the field it is about
        new Decorations().error(name, viewModel.validationOf(SpecEditorViewModel.Field.NAME))
                .error(uuid, viewModel.validationOf(SpecEditorViewModel.Field.ID))
                .error(description, viewModel.validationOf(SpecEditorViewModel.Field.DESCRIPTION))
                .error(rules, viewModel.validationOf(SpecEditorViewModel.Field.RULES));
    }

    /**
     * The form's height: all of it (measured at its real width, where wrapped text is taller), or as much as the
     * screen leaves beside the dialog's header and buttons, the rest scrolling.
     */
    void fitForm() {
        double width = form.getViewportBounds().getWidth() > 0 ? form.getViewportBounds().getWidth() : formContent.prefWidth(-1);
        double content = formContent.prefHeight(width) + form.snappedTopInset() + form.snappedBottomInset();
        javafx.scene.Parent pane = form.getScene() == null ? null : form.getScene().getRoot();
        double chrome = pane == null ? 0 : Math.max(0, pane.prefHeight(-1) - form.prefHeight(-1));
        javafx.stage.Window window = form.getScene() == null ? null : form.getScene().getWindow();
        javafx.stage.Screen screen = window == null || Double.isNaN(window.getX()) ? javafx.stage.Screen.getPrimary()
                : javafx.stage.Screen.getScreensForRectangle(window.getX(), window.getY(), 1, 1).stream().findFirst().orElse(javafx.stage.Screen.getPrimary());
        double room = screen.getVisualBounds().getHeight() - chrome - WINDOW_DECORATION;
        form.setPrefViewportHeight(Math.max(MIN_FORM_HEIGHT, Math.min(content, room)));
    }

    /** Room for the window's title bar and borders. */
    private static final double WINDOW_DECORATION = 40;
    private static final double MIN_FORM_HEIGHT = 120;

    @FXML
    private void save() {
        viewModel.save();
    }
}
