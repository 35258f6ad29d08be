package dev.diffo.admin.ui;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Keeps a dialog's window the size of its content: resizable, grown when a message appears (a validation, an
 * error, a diff) instead of pushing the buttons out of the window, and kept within the screen it is on.
 */
public final class DialogFit {

    private DialogFit() {
    }

    /** Fits the window when shown and whenever one of {@code changes} changes. */
    public static void fit(Dialog<?> dialog, Observable... changes) {
        dialog.setResizable(true);
        dialog.setOnShown(e -> later(dialog));
        for (Observable change : changes) {
            change.addListener(o -> later(dialog));
        }
    }

    private static void later(Dialog<?> dialog) {
        Platform.runLater(() -> now(dialog));
    }

    /** Sizes the window to the content now, within its screen's visual bounds. */
    public static void now(Dialog<?> dialog) {
        Window window = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        window.sizeToScene();
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), Math.max(1, window.getWidth()), Math.max(1, window.getHeight()))
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        window.setWidth(Math.min(window.getWidth(), screen.getWidth()));
        window.setHeight(Math.min(window.getHeight(), screen.getHeight()));
        window.setX(Math.max(screen.getMinX(), Math.min(window.getX(), screen.getMaxX() - window.getWidth())));
        window.setY(Math.max(screen.getMinY(), Math.min(window.getY(), screen.getMaxY() - window.getHeight())));
    }
}
