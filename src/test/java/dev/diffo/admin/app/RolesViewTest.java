package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.catalogue.CatalogueView;
import dev.diffo.admin.catalogue.InstancesView;
import dev.diffo.admin.catalogue.InstancesViewModel;
import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.support.FakeBackend;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.versioning.VersioningView;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screens as each role sees them, over the in-memory fakes (the real FXML, Views and ViewModels wired by Guice):
 * a viewer's write actions are disabled, and they follow the access when it changes (set from another thread, as a
 * connection with another profile sets it); an RSP operator's RSP is fixed in the instances table.
 */
@ExtendWith(FxScreenExtension.class)
class RolesViewTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 6, 1, 9, 30, 0, 0, ZoneOffset.UTC);
    static final List<String> VERSIONING_WRITES = List.of("#createButton", "#patchButton", "#minorButton", "#majorButton", "#freezeButton",
            "#withdrawButton", "#deleteButton", "#recordRulesButton");

    final FakeBackend backend = new FakeBackend();
    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    Specification seed() {
        Specification v1 = new Specification(V1, "broadband", SpecificationType.SERVICE, 1, 0, 0, 4, "Broadband", "Access", CREATED, CREATED, 3,
                List.of("Provider", "Specification"), SpecificationStatus.CURRENT);
        backend.versioning.put(v1, List.of(new CharacteristicRule("broadband", "technology", CharacteristicRule.ValueType.STRING,
                List.of("fttc", "fttn"), false)));
        backend.instances.specification(V1, "broadband", 1, SpecificationType.SERVICE, SpecificationStatus.CURRENT);
        backend.instances.add(V1, "00000000-0000-4000-8000-000000000001", "acme-broadband-001", "active");
        backend.instances.add(V1, "00000000-0000-4000-8000-000000000002", "beta-broadband-001", "active");
        return v1;
    }

    boolean disabled(String id) {
        return robot.lookup(id).query().isDisabled();
    }

    /** Sets the access off the FX thread, as a connection made in the background does. */
    void setFromAnotherThread(Access access) throws InterruptedException {
        Thread thread = new Thread(() -> backend.injector.getInstance(CurrentAccess.class).set(access));
        thread.start();
        thread.join();
    }

    @Test
    void aViewersVersioningActionsAndDemoAreDisabledAndComeBackForACatalogueManager() throws Exception {
        seed();
        backend.injector.getInstance(CurrentAccess.class).set(Access.VIEWER);
        backend.injector.getInstance(Navigation.class);
        backend.connected();
        FxScreenExtension.show(() -> {
            VBox box = new VBox(backend.load(VersioningView.class), backend.load(CatalogueView.class));
            VBox.setVgrow(box.getChildren().getLast(), Priority.ALWAYS);
            box.setPrefSize(1280, 760);
            return box;
        });
        await(() -> robot.lookup("#spec-" + V1).tryQuery().isPresent());
        robot.clickOn("#spec-" + V1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(VERSIONING_WRITES).allSatisfy(id -> assertThat(disabled(id)).as(id + " for a viewer").isTrue());
        assertThat(disabled("#loadDemoButton")).as("load demo for a viewer").isTrue();

        setFromAnotherThread(Access.CATALOGUE_MANAGER);
        await(() -> !disabled("#minorButton"));
        assertThat(List.of("#createButton", "#patchButton", "#minorButton", "#majorButton", "#freezeButton", "#withdrawButton", "#deleteButton",
                "#recordRulesButton", "#loadDemoButton")).allSatisfy(id -> assertThat(disabled(id)).as(id + " for a catalogue manager").isFalse());

        setFromAnotherThread(Access.rspOperator("acme"));
        await(() -> disabled("#minorButton"));
        assertThat(VERSIONING_WRITES).allSatisfy(id -> assertThat(disabled(id)).as(id + " for an RSP operator").isTrue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aViewerCannotCreateAnInstanceAndAnRspOperatorsRspFilterIsFixedToItsOwn() throws Exception {
        seed();
        backend.injector.getInstance(CurrentAccess.class).set(Access.VIEWER);
        backend.connected();
        FxScreenExtension.show(() -> {
            Region root = (Region) backend.load(InstancesView.class);
            root.setPrefSize(1280, 760);
            return root;
        });
        InstancesViewModel viewModel = backend.injector.getInstance(InstancesViewModel.class);
        robot.interact(viewModel::reload);
        ComboBox<Specification> versions = robot.lookup("#specificationChoice").queryAs(ComboBox.class);
        await(() -> !versions.getItems().isEmpty());
        robot.interact(() -> versions.setValue(versions.getItems().getFirst()));
        robot.clickOn("#newNameField").write("acme-broadband-002");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(disabled("#createInstanceButton")).as("create for a viewer").isTrue();
        assertThat(disabled("#instancesRspField")).as("a viewer filters by any RSP").isFalse();

        setFromAnotherThread(Access.rspOperator("acme"));
        await(() -> !disabled("#createInstanceButton"));
        TextField rsp = robot.lookup("#instancesRspField").queryAs(TextField.class);
        assertThat(rsp.isDisabled()).isTrue();
        assertThat(rsp.getPromptText()).startsWith("acme (yours");
        assertThat(backend.instances.created).isEmpty();
    }

    @Test
    void anRspOperatorsCatalogueTreeAndDetailsShowItsOwnShareLabelledSoNeverEveryRspsTotal() throws Exception {
        seed();
        backend.catalogue.rsps.put(V1, List.of(new dev.diffo.admin.domain.Rsp.Share(new dev.diffo.admin.domain.Rsp("acme", null, dev.diffo.admin.domain.Rsp.FoundBy.NAME_PREFIX), 2),
                new dev.diffo.admin.domain.Rsp.Share(new dev.diffo.admin.domain.Rsp("beta", null, dev.diffo.admin.domain.Rsp.FoundBy.NAME_PREFIX), 1)));
        backend.injector.getInstance(CurrentAccess.class).set(Access.rspOperator("acme"));
        backend.connected();
        FxScreenExtension.show(() -> {
            Region root = (Region) backend.load(CatalogueView.class);
            root.setPrefSize(1280, 760);
            return root;
        });
        await(() -> robot.lookup("#spec-" + V1).tryQuery().isPresent());
        robot.clickOn("#spec-" + V1);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> subtitles = robot.lookup(".entry-subtitle").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).filter(t -> t != null && !t.isBlank()).toList();
        assertThat(subtitles).isNotEmpty().allSatisfy(t -> assertThat(t).contains("2 instances of yours").doesNotContain("3 instances"));
        assertThat(robot.lookup("#detailInstances").queryAs(TextField.class).getText()).isEqualTo("2 of yours (acme)");
    }
}
