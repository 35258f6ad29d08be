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
import javafx.stage.Window;

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
    private javafx.scene.control.ScrollPane form;
    @FXML
    private javafx.scene.layout.VBox formContent;

    @Inject
    public ConnectionView(ConnectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        embeddedChoice.setSelected(viewModel.embeddedProperty().get());
        serverChoice.setSelected(!viewModel.embeddedProperty().get());
        viewModel.embeddedProperty().bind(embeddedChoice.selectedProperty());
        serverFields.disableProperty().bind(embeddedChoice.selectedProperty());
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

    /** Shows the dialog over {@code owner}; it closes by itself once a connection works. */
    public static Dialog<ButtonType> showDialog(Parent root, ConnectionView view, Window owner, String theme, String problem) {
        Dialog<ButtonType> dialog = dialog(root, view, owner, theme, problem);
        dialog.show();
        return dialog;
    }

    /** The dialog, not shown yet; it fits its window to its content when shown and whenever an error is told. */
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
        // an error that wraps over several lines grows the window (rather than pushing Connect and Close out of
        // it); where the screen is not tall enough the form scrolls and the buttons stay
        dev.diffo.admin.ui.DialogFit.fit(dialog, view::fitForm, view.viewModel.errorProperty());
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
