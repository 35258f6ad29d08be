package dev.diffo.admin.support;

import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * JavaFX's headless platform for screen tests: the toolkit starts once, every test's stages are closed
 * after it, and {@link #show} mounts a view in a themed window.
 */
public final class FxScreenExtension implements BeforeAllCallback, AfterEachCallback {

    private static final String THEME = "/dev/diffo/admin/app/theme.css";

    @Override
    public void beforeAll(ExtensionContext context) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        // the app's theme (AtlantaFX Primer light), as the main window sets it: a view mounted alone looks as it does in the app
        FxToolkit.setupFixture(() -> javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    /** Builds the view on the FX thread and shows it in the primary stage. */
    /** Selects the main window's tab with this fx:id (tests never depend on the tabs' order). */
    public static void selectTab(org.testfx.api.FxRobot robot, String tabId) {
        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + tabId))));
    }

    /**
     * Chooses the main window's menu item with this fx:id as a click in the open menu does: a radio item (a theme) is
     * selected, any other fired.
     */
    public static void chooseMenuItem(org.testfx.api.FxRobot robot, String itemId) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        robot.interact(() -> {
            javafx.scene.control.MenuItem item = bar.getMenus().stream().flatMap(FxScreenExtension::items).filter(i -> itemId.equals(i.getId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no menu item " + itemId));
            if (item instanceof javafx.scene.control.RadioMenuItem radio) {
                radio.setSelected(true);
            }
            item.fire();
        });
    }

    private static java.util.stream.Stream<javafx.scene.control.MenuItem> items(javafx.scene.control.MenuItem item) {
        return item instanceof javafx.scene.control.Menu menu
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(menu), menu.getItems().stream().flatMap(FxScreenExtension::items))
                : java.util.stream.Stream.of(item);
    }

    public static void show(Supplier<Parent> view) throws TimeoutException {
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene(view.get());
            scene.getStylesheets().add(FxScreenExtension.class.getResource(THEME).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    /**
     * Puts a dialog at the headless screen's top-left corner before it shows, so that growing only ever extends it
     * downwards. JavaFX's headless platform blits each frame into one 1000×1000 frame buffer at the window's
     * <em>current</em> position: a frame rendered at the old (taller) size and uploaded after the window moved down
     * runs past the buffer's last row and throws {@code IndexOutOfBoundsException} in {@code HeadlessWindow.blit}.
     * A dialog centred on its owner and then grown and re-placed by {@code DialogFit} can do exactly that.
     */
    public static void atTopLeft(javafx.scene.control.Dialog<?> dialog) {
        dialog.setX(0);
        dialog.setY(0);
    }
}
