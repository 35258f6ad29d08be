package dev.diffo.admin.app;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import jakarta.inject.Singleton;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

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
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setId("confirmText");
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().lookupButton(ButtonType.OK).setId("confirmOk");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("confirmCancel");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
