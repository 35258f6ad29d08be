package dev.diffo.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.EmbeddedNeo4j;
import dev.diffo.admin.app.Store;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.repository.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import dev.diffo.admin.support.StoreCredentials;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The connection dialog's content, clicked headless against real servers (the shared store reached over Bolt). */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class ConnectionScreenIT {

    final FxRobot robot = new FxRobot();
    Store store;
    ConnectionState state;

    /**
     * The dialog over its own {@link Store} (so that switching to a server never stops the shared embedded
     * store) and its own connection state, which starts out on the shared store.
     */
    ConnectionViewModel show(Injector injector, ConnectionInfo current) throws TimeoutException {
        store = new Store(new Database(), injector.getInstance(ConnectionSettings.class), new EmbeddedNeo4j.Options(0));
        state = new ConnectionState();
        state.connected(current);
        ConnectionViewModel viewModel = new ConnectionViewModel(store, state, injector.getInstance(TaskRunner.class), profiles(),
                new dev.diffo.admin.common.MemoryVault("No OS keyring in this test."), new dev.diffo.admin.common.RecordingDialogs());
        FxScreenExtension.show(() -> {
            try {
                return new FXMLLoader(ConnectionView.class.getResource("ConnectionView.fxml"), null, null, type -> new ConnectionView(viewModel)).load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return viewModel;
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path config;

    dev.diffo.admin.common.Profiles profiles() {
        return new dev.diffo.admin.app.ProfileFile(config);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    void typeServer(String uri, String password) {
        robot.clickOn("#serverChoice");
        robot.interact(() -> robot.lookup("#uri").queryAs(TextField.class).clear());
        robot.clickOn("#uri").write(uri);
        robot.clickOn("#password").write(password);
        robot.clickOn("#connectButton");
    }

    @Test
    void anUnreachableServerIsExplainedAndTheWorkingConnectionStays(Injector injector, ConnectionInfo before) throws TimeoutException {
        ConnectionViewModel viewModel = show(injector, before);

        typeServer("bolt://127.0.0.1:1", "whatever");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get() && !viewModel.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#error").queryAs(Label.class).getText()).startsWith("Cannot reach Neo4j at bolt://127.0.0.1:1")
                .contains("Is the server running");
        assertThat(state.getCurrent()).isEqualTo(before);
        Snapshots.save(robot.lookup("#error").query(), "connection-unreachable");
    }

    @Test
    void aWrongPasswordIsExplained(Injector injector, StoreCredentials server, ConnectionInfo before) throws TimeoutException {
        ConnectionViewModel viewModel = show(injector, before);

        typeServer(server.uri(), "not-the-password");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get() && !viewModel.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#error").queryAs(Label.class).getText()).contains("wrong user name or password");
        assertThat(viewModel.connectedProperty().get()).isFalse();
    }

    @Test
    void theRightPasswordConnectsAndTheAppSeesTheServer(Injector injector, StoreCredentials server, ConnectionInfo before) throws TimeoutException {
        ConnectionViewModel viewModel = show(injector, before);

        typeServer(server.uri(), new String(server.password()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.connectedProperty().get());

        ConnectionInfo now = state.getCurrent();
        assertThat(now.embedded()).isFalse();
        assertThat(now.uri()).isEqualTo(server.uri());
        assertThat(viewModel.passwordProperty().get()).as("the password is not kept in the form").isEmpty();
    }

    /** The real dialog (as File → Connect… opens it) over the primary stage; its error grows it instead of pushing its buttons out. */
    javafx.scene.control.Dialog<javafx.scene.control.ButtonType> showDialog(Injector injector, ConnectionInfo current, String fontSize) throws Exception {
        store = new Store(new Database(), injector.getInstance(ConnectionSettings.class), new EmbeddedNeo4j.Options(0));
        state = new ConnectionState();
        state.connected(current);
        ConnectionViewModel viewModel = new ConnectionViewModel(store, state, injector.getInstance(TaskRunner.class), profiles(),
                new dev.diffo.admin.common.MemoryVault("No OS keyring in this test."), new dev.diffo.admin.common.RecordingDialogs());
        FxScreenExtension.show(javafx.scene.layout.StackPane::new);
        javafx.stage.Window owner = org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage();
        return WaitForAsyncUtils.asyncFx(() -> {
            FXMLLoader loader = new FXMLLoader(ConnectionView.class.getResource("ConnectionView.fxml"), null, null, type -> new ConnectionView(viewModel));
            javafx.scene.Parent root = loader.load();
            if (fontSize != null) {
                root.setStyle("-fx-font-size: " + fontSize);
            }
            var dialog = ConnectionView.dialog(root, loader.getController(), owner,
                    ConnectionScreenIT.class.getResource("/dev/diffo/admin/app/theme.css").toExternalForm(), null);
            if (fontSize != null) {
                dialog.getDialogPane().setStyle("-fx-font-size: " + fontSize);
            }
            dev.diffo.admin.support.FxScreenExtension.atTopLeft(dialog);
            dialog.show();
            return dialog;
        }).get(10, TimeUnit.SECONDS);
    }

    static void assertInsideWindow(javafx.scene.Node node, javafx.stage.Window window, String what) {
        javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
        assertThat(b).as(what + " is on screen").isNotNull();
        assertThat(b.getMinX()).as(what + " left").isGreaterThanOrEqualTo(window.getX() - 0.5);
        assertThat(b.getMinY()).as(what + " top").isGreaterThanOrEqualTo(window.getY() - 0.5);
        assertThat(b.getMaxX()).as(what + " right").isLessThanOrEqualTo(window.getX() + window.getWidth() + 0.5);
        assertThat(b.getMaxY()).as(what + " bottom").isLessThanOrEqualTo(window.getY() + window.getHeight() + 0.5);
    }

    @Test
    void anErrorGrowsTheDialogAndItsButtonsStayInsideTheWindow(Injector injector, ConnectionInfo before) throws Exception {
        errorInTheDialog(injector, before, null, "normal");
    }

    @Test
    void atDoubleTextSizeAnErrorStillLeavesTheButtonsInsideTheWindow(Injector injector, ConnectionInfo before) throws Exception {
        errorInTheDialog(injector, before, "26px", "double");
    }

    void errorInTheDialog(Injector injector, ConnectionInfo before, String fontSize, String size) throws Exception {
        var dialog = showDialog(injector, before, fontSize);

        typeServer("bolt://127.0.0.1:1", "whatever");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#error").queryAs(Label.class).isVisible()
                && !robot.lookup("#error").queryAs(Label.class).getText().isEmpty() && !robot.lookup("#busyIndicator").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        javafx.stage.Window window = dialog.getDialogPane().getScene().getWindow();
        if (fontSize == null) {
            assertThat(window.getHeight()).as("fits a 720-pixel-high screen").isLessThanOrEqualTo(720);
        } else {
            // a 720-pixel-high screen: the window is as tall as the screen allows, the form scrolls
            robot.interact(() -> window.setHeight(Math.min(window.getHeight(), 720)));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertInsideWindow(robot.lookup("#connectButton").query(), window, "Connect");
        assertInsideWindow(dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CLOSE), window, "Close");
        assertInsideWindow(robot.lookup("#form").query(), window, "the form");
        Snapshots.save(dialog.getDialogPane(), "connection-dialog-error-" + size);
        robot.interact(dialog::close);
    }
}
