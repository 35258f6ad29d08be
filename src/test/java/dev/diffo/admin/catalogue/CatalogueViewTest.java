package dev.diffo.admin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.support.FakeBackend;
import dev.diffo.admin.support.FxScreenExtension;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real catalogue View and ViewModel, clicked headless, over the in-memory fakes (no Neo4j). */
@ExtendWith(FxScreenExtension.class)
class CatalogueViewTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final String ROUTER = "0b7c1e9a-3d54-4f6e-8a2b-9c8d7e6f5a41";
    static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 6, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    final FakeBackend backend = new FakeBackend();
    final FxRobot robot = new FxRobot();

    static Specification spec(String uuid, String name, SpecificationType type, long major, long minor, long patch, String category, long instances) {
        return new Specification(uuid, name, type, major, minor, patch, 4, "The " + name + " service", category, CREATED, CREATED, instances,
                List.of("Provider", "Specification"), null);
    }

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the tree holds, top to bottom: each name, then its versions. */
    List<String> tree() {
        javafx.scene.control.TreeView<CatalogueEntry> tree = robot.lookup("#tree").query();
        return tree.getRoot().getChildren().stream()
                .flatMap(name -> java.util.stream.Stream.concat(java.util.stream.Stream.of(name), name.getChildren().stream()))
                .map(item -> item.getValue().title()).toList();
    }

    /** The titles the tree's cells show on screen. */
    List<String> titles() {
        return robot.lookup("#tree .entry-title").queryAllAs(Label.class).stream().filter(Label::isVisible).map(Label::getText).toList();
    }

    @Test
    void theTreeShowsTheNamesAndVersionsTheRepositoryHoldsAndSelectingOneShowsItsDetails() throws TimeoutException {
        backend.catalogue.specifications.addAll(List.of(
                spec(ROUTER, "router", SpecificationType.RESOURCE, 1, 0, 3, "Equipment", 0),
                spec(V1, "broadband", SpecificationType.SERVICE, 1, 1, 0, "Access", 2),
                spec(V2, "broadband", SpecificationType.SERVICE, 2, 0, 0, "Access", 1)));
        backend.connected();
        FxScreenExtension.show(() -> {
            Region root = (Region) backend.load(CatalogueView.class);
            root.setPrefSize(1200, 720);
            return root;
        });
        CatalogueViewModel viewModel = backend.injector.getInstance(CatalogueViewModel.class);
        await(() -> viewModel.viewStateProperty().get() == CatalogueViewModel.ViewState.CATALOGUE && !viewModel.busyProperty().get());

        assertThat(tree()).containsExactly("broadband", "v2.0.0", "v1.1.0", "router", "v1.0.3");
        assertThat(titles()).containsExactlyInAnyOrder("broadband", "v2.0.0", "v1.1.0", "router", "v1.0.3");

        robot.clickOn("#spec-" + V1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo("broadband v1.1.0");
        assertThat(robot.lookup("#detailUuid").queryAs(TextField.class).getText()).isEqualTo(V1);
        assertThat(robot.lookup("#detailVersion").queryAs(TextField.class).getText()).isEqualTo("v1.1.0");
        assertThat(robot.lookup("#detailCategory").queryAs(TextField.class).getText()).isEqualTo("Access");
        assertThat(robot.lookup("#detailInstances").queryAs(TextField.class).getText()).isEqualTo("2");
        assertThat(robot.lookup("#detailHref").queryAs(TextField.class).getText()).isEqualTo("serviceCatalogManagement/v4/serviceSpecification/" + V1);
        dev.diffo.admin.support.Snapshots.save(robot.lookup("#split").query(), "view-catalogue-fakes");
    }

    @Test
    void aSearchNarrowsTheTreeToWhatTheRepositoryFinds() throws TimeoutException {
        backend.catalogue.specifications.addAll(List.of(
                spec(ROUTER, "router", SpecificationType.RESOURCE, 1, 0, 3, "Equipment", 0),
                spec(V1, "broadband", SpecificationType.SERVICE, 1, 1, 0, "Access", 2)));
        backend.connected();
        FxScreenExtension.show(() -> backend.load(CatalogueView.class));
        CatalogueViewModel viewModel = backend.injector.getInstance(CatalogueViewModel.class);
        await(() -> viewModel.viewStateProperty().get() == CatalogueViewModel.ViewState.CATALOGUE && !viewModel.busyProperty().get());

        robot.clickOn("#search").write("EQUIP");
        await(() -> !viewModel.busyProperty().get() && "EQUIP".equals(viewModel.searchProperty().get()) && tree().size() == 2);

        assertThat(tree()).containsExactly("router", "v1.0.3");
        assertThat(titles()).containsExactlyInAnyOrder("router", "v1.0.3");
        assertThat(backend.catalogue.searches).contains("EQUIP");
    }
}
