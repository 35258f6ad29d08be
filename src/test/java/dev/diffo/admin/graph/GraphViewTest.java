package dev.diffo.admin.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.support.FakeBackend;
import dev.diffo.admin.support.FxScreenExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real graph View and ViewModel, clicked headless, over a fake graph repository (no Neo4j): a lineage opened by name. */
@ExtendWith(FxScreenExtension.class)
class GraphViewTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";

    final FakeBackend backend = new FakeBackend();
    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Specification spec(String uuid, long major, long minor, long instances, SpecificationStatus status) {
        return new Specification(uuid, "broadband", SpecificationType.SERVICE, major, minor, 0, 4, null, "Access", null, null, instances, List.of(), status);
    }

    Optional<Node> drawn(String title) {
        return robot.lookup(".graph-node").queryAll().stream()
                .filter(n -> n.getUserData() instanceof GraphNode g && g.title().equals(title)).findFirst();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNamesLineageIsDrawnWithEachMajorsInstanceAggregateAndANodesPropertiesShowWhenClicked() throws TimeoutException {
        backend.catalogue.specifications.addAll(List.of(spec(V1, 1, 1, 2, SpecificationStatus.FROZEN), spec(V2, 2, 0, 1, SpecificationStatus.CURRENT)));
        backend.connected();
        FxScreenExtension.show(() -> {
            Region root = (Region) backend.load(GraphView.class);
            root.setPrefSize(1280, 760);
            return root;
        });
        GraphViewModel graph = backend.injector.getInstance(GraphViewModel.class);

        robot.clickOn("#startField").write("broadband");
        robot.clickOn("#openButton");
        await(() -> drawn("broadband v2.0.0").isPresent() && !graph.busyProperty().get());

        assertThat(drawn("broadband v1.1.0")).isPresent();
        assertThat(drawn("2 instances")).as("v1's aggregate").isPresent();
        assertThat(drawn("1 instance")).as("v2's aggregate").isPresent();
        assertThat(((GraphNode) drawn("broadband v1.1.0").orElseThrow().getUserData()).kind()).isEqualTo(GraphNode.Kind.SPECIFICATION_FROZEN);
        assertThat(graph.edgesProperty()).anySatisfy(e -> assertThat(e.type()).isEqualTo("NEXT_MAJOR"));
        assertThat(backend.graph.calls).contains("lineage broadband");

        robot.clickOn(drawn("broadband v2.0.0").orElseThrow());
        await(() -> robot.lookup("#graphDetailTitle").queryAs(Label.class).getText().equals("broadband v2.0.0"));
        TableView<Map.Entry<String, String>> details = robot.lookup("#details").queryAs(TableView.class);
        assertThat(details.getItems()).contains(Map.entry("uuid", V2), Map.entry("version", "v2.0.0"));
        dev.diffo.admin.support.Snapshots.save(robot.lookup("#viewport").query().getScene().getRoot(), "view-graph-lineage-fakes");
    }
}
