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
        ConnectionViewModel viewModel = new ConnectionViewModel(store, state, injector.getInstance(TaskRunner.class));
        FxScreenExtension.show(() -> {
            try {
                return new FXMLLoader(ConnectionView.class.getResource("ConnectionView.fxml"), null, null, type -> new ConnectionView(viewModel)).load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return viewModel;
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
}
