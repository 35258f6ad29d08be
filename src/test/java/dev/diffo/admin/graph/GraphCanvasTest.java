package dev.diffo.admin.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphNode.Kind;
import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.support.FxScreenExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.shape.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kordamp.ikonli.IkonHandler;
import org.kordamp.ikonli.javafx.FontIcon;
import dev.diffo.admin.ui.KindIcon;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas alone, headless, over plain lists: it draws, redraws on change, selects, expands, fits and snapshots. */
@ExtendWith(FxScreenExtension.class)
class GraphCanvasTest {

    final FxRobot robot = new FxRobot();
    final GraphNode spec = new GraphNode(new GraphRef.Specification("s1"), Kind.SPECIFICATION_CURRENT, "broadband v1.0.0", "current", Map.of(), 2);
    final GraphNode aggregate = new GraphNode(new GraphRef.Aggregate("s1", null), Kind.INSTANCES, "2 instances", "of broadband", Map.of(), 2);
    final ObservableList<GraphNode> nodes = FXCollections.observableArrayList(spec, aggregate);
    final ObservableList<GraphSlice.Edge> edges = FXCollections.observableArrayList(new GraphSlice.Edge(aggregate.ref(), spec.ref(), "SPECIFIED_BY"));
    final List<GraphNode> expanded = new ArrayList<>();
    final List<GraphNode> menus = new ArrayList<>();
    GraphCanvas canvas;

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    Node drawn(String title) {
        return robot.lookup(".graph-node").queryAll().stream()
                .filter(n -> n.getUserData() instanceof GraphNode g && g.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void drawsRedrawsSelectsExpandsAndSnapshots() throws Exception {
        FxScreenExtension.show(() -> {
            canvas = new GraphCanvas();
            canvas.setPrefSize(800, 500);
            canvas.setNodeMenu(n -> {
                menus.add(n);
                return new ContextMenu();
            });
            canvas.setOnExpand(expanded::add);
            canvas.show(nodes, edges);
            return canvas;
        });
        await(() -> robot.lookup(".graph-node").queryAll().size() == 2);
        assertThat(robot.lookup(".edge").queryAllAs(Line.class)).hasSize(1);
        assertThat(menus).containsExactlyInAnyOrder(spec, aggregate);
        assertThat(canvas.getChildren().getFirst()).isInstanceOf(Group.class);

        robot.clickOn(drawn("2 instances"));
        await(() -> aggregate.equals(canvas.selectedProperty().get()));
        assertThat(drawn("2 instances").getStyleClass()).contains("selected");
        robot.doubleClickOn(drawn("broadband v1.0.0"));
        await(() -> expanded.contains(spec));
        assertThat(drawn("2 instances").getStyleClass()).doesNotContain("selected");

        GraphNode instance = new GraphNode(new GraphRef.Instance("i1"), Kind.INSTANCE, "acme-broadband-001", "initial", Map.of(), 0);
        robot.interact(() -> {
            nodes.add(instance);
            edges.add(new GraphSlice.Edge(instance.ref(), aggregate.ref(), "SPECIFIED_BY"));
        });
        await(() -> robot.lookup(".graph-node").queryAll().size() == 3);
        assertThat(robot.lookup(".edge").queryAllAs(Line.class)).hasSize(2);
        assertThat(drawn("broadband v1.0.0").getStyleClass()).as("the selection survives a redraw").contains("selected");

        robot.interact(() -> canvas.zoom(3, 0, 0));
        robot.interact(canvas::fit);
        Group drawing = (Group) canvas.getChildren().getFirst();
        assertThat(drawing.getBoundsInParent().getWidth()).isLessThanOrEqualTo(800);
        Path png = Files.createTempFile("canvas", ".png");
        robot.interact(() -> {
            try {
                canvas.writePng(png);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Files.size(png)).isGreaterThan(1_000);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachKindOfNodeHasAnIconOfThePack(Kind kind) {
        String literal = GraphCanvas.iconOf(kind).literal();
        IkonHandler pack = ServiceLoader.load(IkonHandler.class).stream().map(ServiceLoader.Provider::get).filter(h -> h.supports(literal))
                .findFirst().orElseThrow(() -> new AssertionError("no icon pack for " + literal));
        assertThat(pack.resolve(literal).getDescription()).isEqualTo(literal);
    }

    @Test
    void aMajorsIconIsTheCatalogueTreesAndKindsDoNotShareOne() {
        assertThat(GraphCanvas.iconOf(Kind.SPECIFICATION_CURRENT)).isEqualTo(KindIcon.CURRENT_MAJOR);
        assertThat(GraphCanvas.iconOf(Kind.SPECIFICATION_FROZEN)).isEqualTo(KindIcon.FROZEN_MAJOR);
        assertThat(GraphCanvas.iconOf(Kind.SPECIFICATION_WITHDRAWN)).isEqualTo(KindIcon.WITHDRAWN_MAJOR);
        assertThat(java.util.Arrays.stream(Kind.values()).map(GraphCanvas::iconOf).distinct()).hasSize(Kind.values().length);
    }

    @Test
    void eachDrawnNodeCarriesItsKindsIcon() throws Exception {
        FxScreenExtension.show(() -> {
            canvas = new GraphCanvas();
            canvas.setPrefSize(800, 500);
            canvas.show(nodes, edges);
            return canvas;
        });
        await(() -> robot.lookup(".graph-node").queryAll().size() == 2);
        for (GraphNode node : List.of(spec, aggregate)) {
            Group group = (Group) drawn(node.title());
            assertThat(group.getChildren()).filteredOn(FontIcon.class::isInstance).singleElement()
                    .satisfies(icon -> assertThat(((FontIcon) icon).getIconCode().getDescription()).isEqualTo(GraphCanvas.iconOf(node.kind()).literal()));
        }
    }
}
