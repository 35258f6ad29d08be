package dev.diffo.admin.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.support.FakeBackend;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Snapshots;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The specification editor's form over the fakes: the ViewModel's validation message decorates the field it is about. */
@ExtendWith(FxScreenExtension.class)
class SpecEditorViewTest {

    final FakeBackend backend = new FakeBackend();
    final FxRobot robot = new FxRobot();

    static List<Decoration> decorations(Node control) {
        List<Decoration> found = Decorator.getDecorations(control);
        return found == null ? List.of() : List.copyOf(found);
    }


    @Test
    void anInvalidNameIsDecoratedWithTheViewModelsMessageAndTheDecorationGoesOnceItIsFixed() throws TimeoutException {
        FxScreenExtension.show(() -> {
            Region root = (Region) backend.load(SpecEditorView.class);
            root.setPrefSize(700, 560);
            return root;
        });
        TextField name = robot.lookup("#name").queryAs(TextField.class);
        TextArea rules = robot.lookup("#rules").queryAs(TextArea.class);

        robot.interact(() -> name.setText("Broad band"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !decorations(name).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#validation").queryAs(Label.class).getText()).startsWith("Specification name 'Broad band' is not valid");
        assertThat(decorations(rules)).as("only the field the message is about").isEmpty();
        Snapshots.save(name, "view-spec-editor-invalid-name");

        robot.interact(() -> name.setText("broadbandBusiness"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> decorations(name).isEmpty());

        robot.interact(() -> rules.setText("speed integer required"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !decorations(rules).isEmpty());
        assertThat(decorations(name)).isEmpty();
    }
}
