package dev.diffo.admin.connection;

import jakarta.inject.Inject;
import dev.diffo.admin.ui.Decorations;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import dev.diffo.admin.domain.Role;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;

/** The connection dialog's content; a thin binding of {@link ConnectionViewModel}. */
public class ConnectionView {

    private final ConnectionViewModel viewModel;

    @FXML
    private RadioButton embeddedChoice;
    @FXML
    private RadioButton serverChoice;
    @FXML
    private Label dataDirectory;
    @FXML
    private GridPane serverFields;
    @FXML
    private javafx.scene.control.CheckBox noAuth;
    @FXML
    private TextField uri;
    @FXML
    private TextField user;
    @FXML
    private PasswordField password;
    @FXML
    private TextField database;
    @FXML
    private Label error;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button connectButton;
    @FXML
    private javafx.scene.layout.HBox serverPane;
    @FXML
    private ListView<String> profileList;
    @FXML
    private Button removeButton;
    @FXML
    private TextField profileName;
    @FXML
    private CheckBox rememberPassword;
    @FXML
    private Label keyringNote;
    @FXML
    private TextField trustedCa;
    @FXML
    private ComboBox<Role> role;
    @FXML
    private TextField rspKey;
    @FXML
    private Label notice;
    @FXML
    private Label report;
    @FXML
    private Button testButton;
    @FXML
    private Button saveButton;
    @FXML
    private javafx.scene.control.ScrollPane form;
    @FXML
    private javafx.scene.layout.VBox formContent;

    @Inject
    public ConnectionView(ConnectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        // both ways: choosing a profile switches to the server
        embeddedChoice.selectedProperty().bindBidirectional(viewModel.embeddedProperty());
        serverPane.disableProperty().bind(embeddedChoice.selectedProperty());
        viewModel.embeddedProperty().subscribe(isEmbedded -> serverChoice.setSelected(!isEmbedded));
        profileList.setItems(viewModel.profileNames());
        profileList.getSelectionModel().selectedItemProperty().subscribe(name -> {
            if (name != null && !name.equals(viewModel.selectedProfileProperty().get())) {
                viewModel.selectProfile(name);
            }
        });
        viewModel.selectedProfileProperty().subscribe(name -> {
            if (name == null) {
                profileList.getSelectionModel().clearSelection();
            } else {
                profileList.getSelectionModel().select(name);
            }
        });
        profileName.textProperty().bindBidirectional(viewModel.profileNameProperty());
        removeButton.disableProperty().bind(viewModel.canRemoveProperty().not());
        rememberPassword.selectedProperty().bindBidirectional(viewModel.rememberPasswordProperty());
        rememberPassword.disableProperty().bind(viewModel.keyringAvailableProperty().not().or(noAuth.selectedProperty()));
        keyringNote.textProperty().bind(viewModel.keyringNoteProperty());
        keyringNote.visibleProperty().bind(viewModel.keyringNoteProperty().isNotEmpty());
        keyringNote.managedProperty().bind(keyringNote.visibleProperty());
        trustedCa.textProperty().bindBidirectional(viewModel.trustedCaProperty());
        role.getItems().setAll(viewModel.roles());
        role.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : r.label();
            }

            @Override
            public Role fromString(String text) {
                return Role.parse(text);
            }
        });
        role.valueProperty().bindBidirectional(viewModel.roleProperty());
        rspKey.textProperty().bindBidirectional(viewModel.rspKeyProperty());
        rspKey.disableProperty().bind(viewModel.rspKeyEnabledProperty().not());
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        report.textProperty().bind(viewModel.reportProperty());
        report.visibleProperty().bind(viewModel.reportProperty().isNotEmpty());
        report.managedProperty().bind(report.visibleProperty());
        testButton.disableProperty().bind(viewModel.canTestProperty().not());
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        dataDirectory.textProperty().bind(viewModel.dataDirectoryProperty().map(dir -> "Data in " + dir));
        uri.textProperty().bindBidirectional(viewModel.uriProperty());
        // a refused connection to a server marks the address it was refused at
        new Decorations().error(uri, viewModel.embeddedProperty()
                .flatMap(embedded -> embedded ? new javafx.beans.property.SimpleStringProperty("") : viewModel.errorProperty()));
        user.textProperty().bindBidirectional(viewModel.userProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        noAuth.selectedProperty().bindBidirectional(viewModel.noAuthProperty());
        user.disableProperty().bind(noAuth.selectedProperty());
        password.disableProperty().bind(noAuth.selectedProperty());
        database.textProperty().bindBidirectional(viewModel.databaseProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        connectButton.disableProperty().bind(viewModel.canConnectProperty().not());
    }

    @FXML
    private void connect() {
        viewModel.connect();
    }

    @FXML
    private void testConnection() {
        viewModel.testConnection();
    }

    @FXML
    private void saveProfile() {
        viewModel.saveProfile();
    }

    @FXML
    private void newProfile() {
        viewModel.newProfile();
    }

    @FXML
    private void removeProfile() {
        viewModel.removeProfile();
    }

    @FXML
    private void browseCa() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The CA certificate the server's certificate is signed by");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Certificates (PEM)", "*.crt", "*.pem", "*.cer"),
                new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File chosen = chooser.showOpenDialog(trustedCa.getScene().getWindow());
        if (chosen != null) {
            viewModel.trustedCaProperty().set(chosen.getAbsolutePath());
        }
    }

    /** Shows the dialog over {@code owner}; it closes by itself once a connection works. */
    public static Dialog<ButtonType> showDialog(Parent root, ConnectionView view, Window owner, String theme, String problem) {
        Dialog<ButtonType> dialog = dialog(root, view, owner, theme, problem);
        dialog.show();
        return dialog;
    }

    /** The dialog, not shown yet; it fits its window to its content when shown and whenever an error is told. */
    /** The style class of a dialog whose form is wider than AtlantaFX's 600 px cap on a dialog pane (theme.css). */
    static final String FORM_DIALOG = "form-dialog";

    public static Dialog<ButtonType> dialog(Parent root, ConnectionView view, Window owner, String theme, String problem) {
        if (problem != null) {
            view.viewModel.reportProblem(problem);
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to Neo4j");
        dialog.setHeaderText("Where is the diffo catalogue?");
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().add(theme);
        // AtlantaFX caps every .dialog-pane at 600 px: once a field's error decoration makes ControlsFX wrap the pane,
        // the cap held the 800 px form at 600, cut on the right (theme.css lifts it for a form dialog)
        dialog.getDialogPane().getStyleClass().add(FORM_DIALOG);
        // an error that wraps over several lines grows the window (rather than pushing Connect and Close out of
        // it); where the screen is not tall enough the form scrolls and the buttons stay
        dev.diffo.admin.ui.DialogFit.fit(dialog, view::fitForm, view.viewModel.errorProperty(), view.viewModel.reportProperty(),
                view.viewModel.noticeProperty(), view.viewModel.keyringNoteProperty());
        view.viewModel.connectedProperty().subscribe(connected -> {
            if (connected) {
                dialog.close();
            }
        });
        return dialog;
    }

    /** The form's height, measured at its real width (wrapped text is taller than at its preferred width). */
    private void fitForm() {
        double width = form.getViewportBounds().getWidth() > 0 ? form.getViewportBounds().getWidth() : formContent.prefWidth(-1);
        form.setPrefViewportHeight(formContent.prefHeight(width) + form.snappedTopInset() + form.snappedBottomInset());
    }
}
