package dev.diffo.admin.versioning;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.FakeVersioningRepository;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Snapshots;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The specification editor's dialog over a fake repository: when a diff and a validation appear, Save and Cancel stay in the window. */
@ExtendWith(FxScreenExtension.class)
class SpecEditorScreenIT {

    static final Specification V2 = new Specification("f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c", "broadband", SpecificationType.SERVICE, 2, 0, 0, 4,
            "A broadband access service", "Access", null, null, 1, List.of(), null);
    static final List<CharacteristicRule> RULES = List.of(
            new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fttn", "fttp", "fw"), false));

    final FxRobot robot = new FxRobot();

    Dialog<ButtonType> show(SpecEditorViewModel.Mode mode, String fontSize) throws Exception {
        SpecEditorViewModel model = new SpecEditorViewModel(new VersioningService(new FakeVersioningRepository(), new Operator("ops"), new CurrentAccess()),
                new ImmediateTaskRunner());
        FxScreenExtension.show(() -> {
            StackPane window = new StackPane();
            window.setPrefSize(1280, 720);
            return window;
        });
        Window owner = org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage();
        return WaitForAsyncUtils.asyncFx(() -> {
            FXMLLoader loader = new FXMLLoader(SpecEditorView.class.getResource("SpecEditorView.fxml"), null, null, t -> new SpecEditorView(model));
            Parent root = loader.load();
            if (fontSize != null) {
                root.setStyle("-fx-font-size: " + fontSize);
            }
            model.start(mode, V2, RULES);
            Dialog<ButtonType> dialog = VersioningView.editorDialog(root, loader.getController(), owner,
                    List.of(SpecEditorScreenIT.class.getResource("/dev/diffo/admin/app/theme.css").toExternalForm()));
            if (fontSize != null) {
                // as if the whole app were at this size: measured again before it is shown
                dialog.getDialogPane().setStyle("-fx-font-size: " + fontSize);
                dialog.getDialogPane().applyCss();
                loader.<SpecEditorView>getController().fitForm();
            }
            dev.diffo.admin.support.FxScreenExtension.atTopLeft(dialog);
            dialog.show();
            return dialog;
        }).get(10, TimeUnit.SECONDS);
    }

    static void assertInside(Node node, Window window, String what) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        assertThat(b.getMinY()).as(what + " top").isGreaterThanOrEqualTo(window.getY() - 0.5);
        assertThat(b.getMaxY()).as(what + " bottom").isLessThanOrEqualTo(window.getY() + window.getHeight() + 0.5);
        assertThat(b.getMaxX()).as(what + " right").isLessThanOrEqualTo(window.getX() + window.getWidth() + 0.5);
    }

    void minorThatRemovesAValue(String fontSize, String name) throws Exception {
        Dialog<ButtonType> dialog = show(SpecEditorViewModel.Mode.MINOR, fontSize);
        WaitForAsyncUtils.waitForFxEvents();
        Window shown = dialog.getDialogPane().getScene().getWindow();
        assertThat(shown.getY()).as("placed after show: " + shown.getX() + "," + shown.getY() + " " + shown.getWidth() + "x" + shown.getHeight()
                + " owner " + dialog.getOwner()).isNotNaN();
        TextArea rules = robot.lookup("#rules").queryAs(TextArea.class);
        robot.interact(() -> rules.setText("broadband.technology: string = fttc, fttn\n"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        Window window = dialog.getDialogPane().getScene().getWindow();
        if (window.getHeight() > 720) {
            // a 720-pixel-high screen: the window is as tall as the screen allows
            robot.interact(() -> window.setHeight(720));
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertThat(robot.lookup("#validation").queryLabeled().getText()).contains("Not a minor change");
        if (fontSize == null) {
            javafx.scene.control.ScrollPane form = robot.lookup("#form").queryAs(javafx.scene.control.ScrollPane.class);
            Node content = robot.lookup("#formContent").query();
            assertThat(form.getViewportBounds().getHeight()).as("the whole form shows, no scrolling: screen "
                    + javafx.stage.Screen.getPrimary().getVisualBounds() + " window " + window.getHeight() + " viewport pref "
                    + form.getPrefViewportHeight() + " content " + content.getLayoutBounds().getHeight())
                    .isGreaterThanOrEqualTo(content.getLayoutBounds().getHeight() - 0.5);
        }
        assertInside(robot.lookup("#saveButton").query(), window, "Save");
        assertInside(dialog.getDialogPane().lookupButton(ButtonType.CANCEL), window, "Cancel");
        assertInside(robot.lookup("#validation").query(), window, "the validation");
        Snapshots.save(dialog.getDialogPane(), name);
        robot.interact(dialog::close);
    }

    @Test
    void aValidationAndADiffThatAppearKeepSaveAndCancelInTheWindow() throws Exception {
        minorThatRemovesAValue(null, "spec-editor-minor-refused");
    }

    @Test
    void atDoubleTextSizeOnA720PixelScreenSaveAndCancelStayInTheWindow() throws Exception {
        minorThatRemovesAValue("26px", "spec-editor-minor-refused-double");
    }
}
