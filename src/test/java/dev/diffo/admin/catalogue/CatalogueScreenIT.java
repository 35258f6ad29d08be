package dev.diffo.admin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import dev.diffo.admin.support.TestGraph;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real catalogue screen, clicked headless, over the real services and the embedded Neo4j. */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class CatalogueScreenIT {

    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    final FxRobot robot = new FxRobot();

    CatalogueViewModel show(Injector injector) throws TimeoutException {
        FxScreenExtension.show(() -> {
            var root = (Region) injector.getInstance(ViewLoader.class).load(CatalogueView.class).root();
            root.setPrefSize(1200, 720);
            return root;
        });
        return injector.getInstance(CatalogueViewModel.class);
    }

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void loadDemoSearchBroadSelectV2AndTheDetailsShowItsUuid(Injector injector, TestGraph graph) throws TimeoutException {
        CatalogueViewModel viewModel = show(injector);
        await(() -> viewModel.viewStateProperty().get() == CatalogueViewModel.ViewState.EMPTY_DATABASE);
        Snapshots.save(robot.lookup("#tree").query(), "catalogue-empty");

        robot.clickOn("#emptyLoadDemoButton");
        await(() -> viewModel.viewStateProperty().get() == CatalogueViewModel.ViewState.CATALOGUE && !viewModel.busyProperty().get());
        robot.clickOn("#search").write("broad");
        await(() -> !viewModel.busyProperty().get() && "broad".equals(viewModel.searchProperty().get()));
        robot.clickOn("#spec-" + V2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#detailUuid").queryAs(TextField.class).getText()).isEqualTo(V2);
        assertThat(robot.lookup("#detailVersion").queryAs(TextField.class).getText()).isEqualTo("v2.0.0");
        assertThat(robot.lookup("#detailInstances").queryAs(TextField.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo("broadband v2.0.0");
        assertThat(graph.count("MATCH (i:Instance) RETURN count(i)")).isEqualTo(3);
        Snapshots.save(robot.lookup("#tree").query(), "catalogue-v2-selected");
    }

    @Test
    void aSearchThatMatchesNothingSaysSoAndWritesNothing(Injector injector, DemoService demo, TestGraph graph) throws TimeoutException {
        demo.loadDemo();
        String before = graph.fingerprint();
        CatalogueViewModel viewModel = show(injector);
        await(() -> viewModel.viewStateProperty().get() == CatalogueViewModel.ViewState.CATALOGUE);

        robot.clickOn("#search").write("x' OR 1=1 //");
        await(() -> !viewModel.busyProperty().get() && viewModel.searchProperty().get().endsWith("//"));

        assertThat(robot.lookup("#stateMessage").queryAs(Label.class).getText()).contains("No specification name or category contains");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void aForeignDatabaseShowsWhatWasFoundAndOffersNoDemo(Injector injector, TestGraph graph) throws TimeoutException {
        graph.run("UNWIND range(1, 3) AS i CREATE (:Person {name: 'p' + i})-[:ACTED_IN]->(:Movie {title: 't' + i})");
        CatalogueViewModel viewModel = show(injector);
        await(() -> viewModel.viewStateProperty().get() == CatalogueViewModel.ViewState.FOREIGN_DATABASE);

        assertThat(robot.lookup("#stateMessage").queryAs(Label.class).getText()).contains("not a diffo catalogue", "Movie (3), Person (3)");
        assertThat(robot.lookup("#loadDemoButton").queryButton().isDisabled()).isTrue();
        Snapshots.save(robot.lookup("#tree").query(), "catalogue-foreign-database");
    }
}
