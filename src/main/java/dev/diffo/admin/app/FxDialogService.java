package dev.diffo.admin.app;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import jakarta.inject.Singleton;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Alerts on the FX thread. */
@Singleton
public class FxDialogService implements DialogService {

    @Override
    public void showError(String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(Errors.describe(error));
        text.setWrapText(true);
        text.setId("errorDialogText");
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().lookupButton(ButtonType.OK).setId("errorOk");
        alert.show();
    }

    @Override
    public void showInformation(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }

    @Override
    public boolean confirm(String title, String message, String actionLabel) {
        return confirmation(title, message, actionLabel).showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    /**
     * The confirmation, not shown: Cancel (the default button, so Enter and Escape do nothing) and the action
     * named by its verb. Text wraps and the dialog grows with it, so nothing is cut off at a large font.
     */
    static Alert confirmation(String title, String message, String actionLabel) {
        ButtonType action = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, action, cancel);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setResizable(true);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setId("confirmText");
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setPrefWidth(520);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        Button actionButton = (Button) alert.getDialogPane().lookupButton(action);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        actionButton.setId("confirmOk");
        actionButton.setDefaultButton(false);
        cancelButton.setId("confirmCancel");
        cancelButton.setDefaultButton(true);
        cancelButton.setCancelButton(true);
        return alert;
    }
}
