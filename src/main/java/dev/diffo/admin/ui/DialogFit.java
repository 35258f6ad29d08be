package dev.diffo.admin.ui;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
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
        fit(dialog, () -> { }, changes);
    }

    /**
     * Fits the window when shown and whenever one of {@code changes} changes; {@code measure} runs first (e.g. a
     * scrolling form sets how tall it wants to be). It also runs once now, before the dialog is shown, so that the
     * first size is right.
     */
    public static void fit(Dialog<?> dialog, Runnable measure, Observable... changes) {
        dialog.setResizable(true);
        dialog.getDialogPane().applyCss();
        measure.run();
        clampToScreen(dialog);
        // and again as it shows: a style set since (a larger text size) changes the preferred size
        dialog.setOnShowing(e -> clampToScreen(dialog));
        dialog.setOnShown(e -> later(dialog, measure));
        for (Observable change : changes) {
            change.addListener(o -> later(dialog, measure));
        }
    }

    private static void later(Dialog<?> dialog, Runnable measure) {
        Platform.runLater(() -> now(dialog, measure));
    }

    /**
     * Before the window is placed, its first size is the content's preferred size: never larger than the primary
     * screen (a large text size would make a window that does not fit, and its buttons unreachable).
     */
    private static void clampToScreen(Dialog<?> dialog) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        var pane = dialog.getDialogPane();
        pane.applyCss();
        double width = pane.prefWidth(-1);
        if (width > screen.getWidth()) {
            pane.setPrefWidth(screen.getWidth());
        }
        double height = pane.prefHeight(Math.min(width, screen.getWidth()));
        if (height > screen.getHeight()) {
            pane.setPrefHeight(screen.getHeight());
        }
    }

    /** Sizes the window to the content now, within its screen's visual bounds. */
    public static void now(Dialog<?> dialog, Runnable measure) {
        Window window = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        dialog.getDialogPane().applyCss();
        dialog.getDialogPane().layout();
        measure.run();
        // once more at the width the first measure left (a scroll bar that comes or goes changes the wrapping)
        dialog.getDialogPane().layout();
        measure.run();
        if (Double.isNaN(window.getX()) || Double.isNaN(window.getY()) || Double.isNaN(window.getWidth()) || Double.isNaN(window.getHeight())) {
            clampToScreen(dialog);
            window.sizeToScene();
            return; // not placed yet: the platform centres it on its owner
        }
        // the content's preferred size plus the window's decorations, within the screen (sizeToScene takes effect
        // only at the next pulse, so the size is set here, directly)
        Scene scene = dialog.getDialogPane().getScene();
        double decorationWidth = Math.max(0, window.getWidth() - scene.getWidth());
        double decorationHeight = Math.max(0, window.getHeight() - scene.getHeight());
        double width = dialog.getDialogPane().prefWidth(-1);
        double height = dialog.getDialogPane().prefHeight(width);
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), Math.max(1, window.getWidth()), Math.max(1, window.getHeight()))
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double w = Math.min(Math.max(width + decorationWidth, window.getWidth()), screen.getWidth());
        double h = Math.min(height + decorationHeight, screen.getHeight());
        window.setWidth(w);
        window.setHeight(h);
        window.setX(Math.max(screen.getMinX(), Math.min(window.getX(), screen.getMaxX() - w)));
        window.setY(Math.max(screen.getMinY(), Math.min(window.getY(), screen.getMaxY() - h)));
    }
}
