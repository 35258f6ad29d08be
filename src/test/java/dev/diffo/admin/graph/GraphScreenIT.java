package dev.diffo.admin.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.MainView;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The graph tab on the demo, clicked headless in the real main window over the real services. */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class GraphScreenIT {

    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    Optional<Node> drawn(String title) {
        return robot.lookup(".graph-node").queryAll().stream()
                .filter(n -> n.getUserData() instanceof GraphNode g && g.title().equals(title)).findFirst();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBroadbandLineageExpandsAcmesInstancesShowsOnesDetailsAndUndoes(Injector injector, DemoService demo) throws Exception {
        demo.loadDemo();
        GraphViewModel graph = injector.getInstance(GraphViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        FxScreenExtension.selectTab(robot, "graphTab");
        robot.clickOn("#startField").write("broadband");
        robot.clickOn("#openButton");
        await(() -> drawn("2 instances").isPresent() && drawn("broadband v2.0.0").isPresent());
        assertThat(drawn("broadband v1.0.0")).isPresent();
        assertThat(drawn("1 instance")).as("v2's aggregate").isPresent();
        assertThat(graph.edgesProperty()).anySatisfy(e -> assertThat(e.type()).isEqualTo("NEXT_MAJOR"));
        Snapshots.save(robot.lookup("#tabs").query(), "graph-lineage");

        // split v1's aggregate by RSP, then expand Acme's instances
        GraphNode v1Instances = (GraphNode) drawn("2 instances").orElseThrow().getUserData();
        robot.interact(() -> graph.splitByRsp(v1Instances));
        await(() -> drawn("acme: 2 instances").isPresent());
        Snapshots.save(robot.lookup("#tabs").query(), "graph-aggregate");
        await(() -> !graph.busyProperty().get());
        robot.doubleClickOn(drawn("acme: 2 instances").orElseThrow());
        await(() -> drawn("acme-broadband-001").isPresent() && drawn("acme-broadband-002").isPresent());
        assertThat(graph.canUndoProperty().get()).isTrue();

        robot.clickOn(drawn("acme-broadband-001").orElseThrow());
        await(() -> robot.lookup("#graphDetailTitle").queryAs(Label.class).getText().equals("acme-broadband-001"));
        TableView<Map.Entry<String, String>> details = robot.lookup("#details").queryAs(TableView.class);
        assertThat(details.getItems()).contains(Map.entry("uuid", "5c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5"), Map.entry("state", "initial"));
        GraphNode acme001 = (GraphNode) drawn("acme-broadband-001").orElseThrow().getUserData();
        robot.interact(() -> graph.expand(acme001));
        await(() -> drawn("broadband.technology=fttb").isPresent());
        Snapshots.save(robot.lookup("#tabs").query(), "graph-expanded-instance");
        Path png = Files.createTempFile("graph", ".png");
        Group drawing = (Group) robot.lookup("#viewport").queryAs(Pane.class).getChildren().getFirst();
        robot.interact(() -> {
            try {
                GraphView.writePng(drawing, png);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Files.size(png)).isGreaterThan(1_000);

        // undo takes back the last expansion (the instance's neighbours), then Acme's instances
        robot.clickOn("#undoExpansionButton");
        await(() -> drawn("broadband.technology=fttb").isEmpty());
        assertThat(drawn("acme-broadband-001")).isPresent();
        robot.clickOn("#undoExpansionButton");
        await(() -> drawn("acme-broadband-001").isEmpty());
        assertThat(drawn("acme: 2 instances")).isPresent();
    }
}
