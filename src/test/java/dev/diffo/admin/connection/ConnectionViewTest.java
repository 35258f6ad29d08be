package dev.diffo.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.support.FakeBackend;
import dev.diffo.admin.support.FxScreenExtension;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real connection View and ViewModel, clicked headless, over a connector that reaches no database. */
@ExtendWith(FxScreenExtension.class)
class ConnectionViewTest {

    final FakeBackend backend = new FakeBackend();
    final FxRobot robot = new FxRobot();

    @Test
    void aServerThatCannotBeReachedIsToldInTheFormAndNothingConnects() throws TimeoutException {
        FxScreenExtension.show(() -> {
            javafx.scene.layout.Region root = (javafx.scene.layout.Region) backend.load(ConnectionView.class);
            root.setPrefSize(560, 460);
            return root;
        });
        Label error = robot.lookup("#error").queryAs(Label.class);
        assertThat(error.isVisible()).isFalse();

        robot.clickOn("#password").write("secret");
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, error::isVisible);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(error.getText()).isEqualTo("Cannot reach Neo4j at bolt://127.0.0.1:1\nCheck that the server is running and the address is right.");
        assertThat(backend.connects).singleElement().satisfies(s -> {
            assertThat(s.uri()).isEqualTo("bolt://127.0.0.1:1");
            assertThat(s.password()).containsExactly("secret".toCharArray());
        });
        assertThat(backend.injector.getInstance(ConnectionState.class).getCurrent()).isNull();
        assertThat(robot.lookup("#busyIndicator").query().isVisible()).isFalse();
        dev.diffo.admin.support.Snapshots.save(error.getScene().getRoot(), "view-connection-error-fakes");
        assertThat(robot.lookup("#connectButton").queryButton().isDisabled()).isFalse();
    }
}
