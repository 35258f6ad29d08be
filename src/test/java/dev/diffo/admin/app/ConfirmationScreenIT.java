package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Snapshots;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The confirmation every bulk or destructive step asks, headless: the action named, Cancel the default, nothing cut off at 200% text. */
@ExtendWith(FxScreenExtension.class)
class ConfirmationScreenIT {

    static final String MESSAGE = "Move 20,002 of acme's instances from broadband v1.1.0 to v2.0.0, rewriting 5,001 values; batches of 5,000.\n"
            + "1 stays on v1.1.0 (excluded by the plan).\nEach batch is recorded; Undo last run puts them back.";

    final FxRobot robot = new FxRobot();

    Alert show(String fontSize) throws Exception {
        FxScreenExtension.show(StackPane::new);
        return WaitForAsyncUtils.asyncFx(() -> {
            Alert alert = FxDialogService.confirmation("Run the migration?", MESSAGE, "Run migration");
            if (fontSize != null) {
                alert.getDialogPane().setStyle("-fx-font-size: " + fontSize);
            }
            dev.diffo.admin.support.FxScreenExtension.atTopLeft(alert);
            alert.show();
            return alert;
        }).get(10, TimeUnit.SECONDS);
    }

    static void assertInside(Node node, Window window, String what) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        assertThat(b.getMinX()).as(what + " left").isGreaterThanOrEqualTo(window.getX() - 0.5);
        assertThat(b.getMinY()).as(what + " top").isGreaterThanOrEqualTo(window.getY() - 0.5);
        assertThat(b.getMaxX()).as(what + " right").isLessThanOrEqualTo(window.getX() + window.getWidth() + 0.5);
        assertThat(b.getMaxY()).as(what + " bottom").isLessThanOrEqualTo(window.getY() + window.getHeight() + 0.5);
    }

    void check(String fontSize, String name) throws Exception {
        Alert alert = show(fontSize);
        WaitForAsyncUtils.waitForFxEvents();
        Button action = robot.lookup("#confirmOk").queryButton();
        Button cancel = robot.lookup("#confirmCancel").queryButton();
        Window window = alert.getDialogPane().getScene().getWindow();

        assertThat(action.getText()).isEqualTo("Run migration");
        assertThat(action.isDefaultButton()).isFalse();
        assertThat(cancel.isDefaultButton()).isTrue();
        assertThat(cancel.isCancelButton()).isTrue();
        assertInside(action, window, "the action");
        assertInside(cancel, window, "Cancel");
        assertInside(robot.lookup("#confirmText").query(), window, "the message");
        assertThat(window.getHeight()).as("fits 720 pixels").isLessThanOrEqualTo(720);
        Snapshots.save(alert.getDialogPane(), name);
        robot.interact(alert::close);
    }

    @Test
    void theActionIsNamedAndCancelIsTheDefault() throws Exception {
        check(null, "confirmation-run");
    }

    @Test
    void atDoubleTextSizeNothingIsCutOff() throws Exception {
        check("26px", "confirmation-run-double");
    }
}
