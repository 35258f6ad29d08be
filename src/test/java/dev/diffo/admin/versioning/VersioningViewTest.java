package dev.diffo.admin.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.app.Navigation;
import dev.diffo.admin.catalogue.CatalogueView;
import dev.diffo.admin.catalogue.CatalogueViewModel;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.support.FakeBackend;
import dev.diffo.admin.support.FxScreenExtension;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real versioning action bar above the real catalogue, wired as the main window wires them ({@link Navigation}:
 * versioning acts on the catalogue's selection), clicked headless over the in-memory fakes (no Neo4j): next minor,
 * then publish major, each through the editor dialog.
 */
@ExtendWith(FxScreenExtension.class)
class VersioningViewTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 6, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    final FakeBackend backend = new FakeBackend();
    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void editRules(String rules) throws TimeoutException {
        await(() -> robot.lookup("#rules").tryQuery().isPresent());
        TextArea area = robot.lookup("#rules").queryAs(TextArea.class);
        robot.interact(() -> area.setText(rules));
    }

    String version(long major) {
        return backend.versioning.find("broadband", major).map(Specification::version).orElse("");
    }

    @Test
    void nextMinorThenPublishMajorThroughTheDialogWriteBothAndTheCatalogueShowsThem() throws TimeoutException {
        backend.versioning.put(new Specification(V1, "broadband", SpecificationType.SERVICE, 1, 0, 0, 4, "Broadband", "Access", CREATED, CREATED, 2,
                List.of("Provider", "Specification"), null), List.of(new CharacteristicRule("broadband", "technology", CharacteristicRule.ValueType.STRING,
                List.of("fttc", "fttb"), false)));
        backend.injector.getInstance(Navigation.class);
        backend.connected();
        FxScreenExtension.show(() -> {
            VBox box = new VBox(backend.load(VersioningView.class), backend.load(CatalogueView.class));
            VBox.setVgrow(box.getChildren().getLast(), Priority.ALWAYS);
            box.setPrefSize(1280, 760);
            return box;
        });
        CatalogueViewModel catalogue = backend.injector.getInstance(CatalogueViewModel.class);
        await(() -> robot.lookup("#spec-" + V1).tryQuery().isPresent());
        assertThat(robot.lookup("#minorButton").queryButton().isDisabled()).as("nothing selected yet").isTrue();

        // next minor: adds fttn
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#minorButton");
        editRules("broadband.technology: string = fttc, fttb, fttn\n");
        robot.clickOn("#reason").write("adds fttn");
        robot.clickOn("#saveButton");
        await(() -> "v1.1.0".equals(version(1)) && catalogue.find(V1).map(Specification::version).orElse("").equals("v1.1.0"));
        assertThat(backend.versioning.rules(V1)).singleElement().satisfies(r -> assertThat(r.allowedValues()).containsExactly("fttc", "fttb", "fttn"));

        // publish major: without fttb, the dialog shows the diff against v1.1.0 first
        await(() -> !robot.lookup("#majorButton").queryButton().isDisabled());
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#majorButton");
        editRules("broadband.technology: string = fttc, fttn\n");
        assertThat(robot.lookup("#changes").queryAs(TextArea.class).getText()).contains("Compared with v1.1.0", "fttb");
        dev.diffo.admin.support.Snapshots.save(robot.lookup("#changes").query().getScene().getRoot(), "view-versioning-major-dialog-fakes");
        robot.clickOn("#saveButton");
        await(() -> "v2.0.0".equals(version(2)));
        String v2 = backend.versioning.find("broadband", 2).orElseThrow().uuid();
        await(() -> robot.lookup("#spec-" + v2).tryQuery().isPresent());

        assertThat(catalogue.groupsProperty()).singleElement().satisfies(g ->
                assertThat(g.majors()).extracting(Specification::version).containsExactly("v2.0.0", "v1.1.0"));
        assertThat(backend.versioning.history("broadband")).extracting(VersionEvent::action)
                .containsExactly(VersionEvent.Action.MINOR, VersionEvent.Action.MAJOR_PUBLISHED);
        assertThat(backend.versioning.history("broadband").getFirst().reason()).isEqualTo("adds fttn");
    }
}
