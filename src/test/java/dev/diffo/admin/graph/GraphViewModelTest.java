package dev.diffo.admin.graph;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.GraphNode.Kind;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.repository.GraphRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph view's state without a toolkit or a database: a fake graph of one spec with 120 instances, each with one characteristic. */
class GraphViewModelTest {

    static GraphNode node(GraphRef ref, Kind kind, String title) {
        return new GraphNode(ref, kind, title, "", Map.of("name", title), 0);
    }

    /** Honest about the cap: hands out at most {@code cap} instances per call and records what it was asked. */
    static final class FakeGraph implements GraphRepository {
        final List<String> calls = new ArrayList<>();

        @Override
        public GraphSlice lineage(String name, int cap) {
            calls.add("lineage " + name);
            GraphNode spec = node(new GraphRef.Specification("s1"), Kind.SPECIFICATION_CURRENT, name + " v1.0.0");
            GraphNode aggregate = new GraphNode(new GraphRef.Aggregate("s1", null), Kind.INSTANCES, "120 instances", "", Map.of(), 120);
            return new GraphSlice(List.of(spec, aggregate), List.of(new GraphSlice.Edge(aggregate.ref(), spec.ref(), "SPECIFIED_BY")));
        }

        @Override
        public GraphSlice specification(String uuid) {
            return GraphSlice.empty();
        }

        @Override
        public GraphSlice instance(String uuid, int cap) {
            return GraphSlice.empty();
        }

        @Override
        public GraphSlice migrationRun(String uuid) {
            return GraphSlice.empty();
        }

        @Override
        public GraphSlice instances(String spec, String rsp, long offset, int cap) {
            calls.add("instances " + spec + " " + offset + " " + cap);
            List<GraphNode> nodes = new ArrayList<>();
            List<GraphSlice.Edge> edges = new ArrayList<>();
            for (long k = offset; k < Math.min(120, offset + cap); k++) {
                nodes.add(node(new GraphRef.Instance("i" + k), Kind.INSTANCE, "acme-" + k));
                edges.add(new GraphSlice.Edge(new GraphRef.Instance("i" + k), new GraphRef.Aggregate(spec, rsp), "SPECIFIED_BY"));
            }
            if (offset + cap < 120) {
                nodes.add(new GraphNode(new GraphRef.More(new GraphRef.Aggregate(spec, rsp), offset + cap), Kind.MORE, "more…", "", Map.of(), 0));
            }
            return new GraphSlice(nodes, edges);
        }

        @Override
        public GraphSlice instancesByRsp(String spec, int cap) {
            return GraphSlice.empty();
        }

        @Override
        public GraphSlice neighbours(GraphRef.Element of, String rsp, long offset, int cap) {
            String id = of.elementId();
            calls.add("neighbours " + id);
            GraphNode c = node(new GraphRef.Node("c-" + id), Kind.CHARACTERISTIC, "technology of " + id);
            return new GraphSlice(List.of(c), List.of(new GraphSlice.Edge(of, c.ref(), "HAS")));
        }

        @Override
        public long instanceCount(String specificationElementId, String rsp) {
            calls.add("instanceCount " + specificationElementId + " " + rsp);
            return 0;
        }

        @Override
        public Map<String, String> rspsOf(List<String> instanceElementIds) {
            calls.add("rspsOf " + instanceElementIds);
            return Map.of();
        }
    }

    static final class NoDialogs implements DialogService {
        final List<String> errors = new ArrayList<>();

        @Override
        public void showError(String title, Throwable error) {
            errors.add(title + ": " + error.getMessage());
        }

        @Override
        public void showInformation(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message, String actionLabel) {
            return true;
        }
    }

    final FakeGraph graph = new FakeGraph();
    final NoDialogs dialogs = new NoDialogs();
    final GraphViewModel viewModel = new GraphViewModel(new GraphService(graph, new CurrentAccess()), new ImmediateTaskRunner(), dialogs);

    GraphNode shown(String title) {
        return viewModel.nodesProperty().stream().filter(n -> n.title().equals(title)).findFirst().orElseThrow();
    }

    List<String> titles() {
        return viewModel.nodesProperty().stream().map(GraphNode::title).toList();
    }

    @Test
    void aLineageOpensAsTheSpecificationAndOneAggregateNode() {
        viewModel.openSpecificationName("broadband");
        assertThat(titles()).containsExactly("broadband v1.0.0", "120 instances");
        assertThat(viewModel.canUndoProperty().get()).as("opening is not an expansion").isFalse();
    }

    @Test
    void expandingTheAggregateShowsAtMostTheCapAndMoreShowsTheNextPageInItsPlace() {
        viewModel.capProperty().set(50);
        viewModel.openSpecificationName("broadband");
        viewModel.expand(shown("120 instances"));
        assertThat(viewModel.nodesProperty().stream().filter(n -> n.kind() == Kind.INSTANCE)).hasSize(50);
        viewModel.expand(shown("more…"));
        assertThat(viewModel.nodesProperty().stream().filter(n -> n.kind() == Kind.INSTANCE)).hasSize(100);
        assertThat(viewModel.nodesProperty().stream().filter(n -> n.kind() == Kind.MORE)).as("one more… at a time").hasSize(1);
        assertThat(graph.calls).contains("instances s1 0 50", "instances s1 50 50");
    }

    @Test
    void undoTakesBackTheLastExpansionOnly() {
        viewModel.openSpecificationName("broadband");
        viewModel.expand(shown("120 instances"));
        viewModel.expand(shown("acme-3"));
        assertThat(titles()).contains("technology of i3");
        viewModel.undo();
        assertThat(titles()).doesNotContain("technology of i3").contains("acme-3");
        viewModel.undo();
        assertThat(titles()).containsExactly("broadband v1.0.0", "120 instances");
        assertThat(viewModel.edgesProperty()).extracting(GraphSlice.Edge::type).containsExactly("SPECIFIED_BY");
        assertThat(viewModel.canUndoProperty().get()).isFalse();
    }

    @Test
    void collapseTakesBackEverythingGrownFromANodeAndLeavesTheRest() {
        viewModel.openSpecificationName("broadband");
        viewModel.expand(shown("broadband v1.0.0"));
        viewModel.expand(shown("120 instances"));
        viewModel.expand(shown("acme-7"));
        viewModel.collapse(shown("120 instances"));
        assertThat(titles()).containsExactlyInAnyOrder("broadband v1.0.0", "120 instances", "technology of s1");
        assertThat(viewModel.canUndoProperty().get()).as("the spec's own expansion is still there to undo").isTrue();
    }

    @Test
    void aCharacteristicsDetailsShowItsFieldsWithTheRawJsonBelow() {
        String json = "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttb\"}}}";
        GraphNode characteristic = new GraphNode(new GraphRef.Node("c-1"), Kind.CHARACTERISTIC, "broadband.technology=fttb", "characteristic",
                Map.of("name", "broadband", "value", json), 0);

        viewModel.selectedProperty().set(characteristic);

        assertThat(viewModel.detailsProperty()).contains(Map.entry("technology", "fttb"), Map.entry("value (raw JSON)", json), Map.entry("name", "broadband"));
        assertThat(viewModel.detailsProperty()).extracting(Map.Entry::getKey).doesNotContain("value");
    }

    @Test
    void clickingANodeShowsItsPropertiesAndBadInputIsToldWithoutReading() {
        viewModel.openSpecificationName("broadband");
        viewModel.selectedProperty().set(shown("broadband v1.0.0"));
        assertThat(viewModel.detailsProperty()).contains(Map.entry("kind", "Specification (current)"), Map.entry("name", "broadband v1.0.0"));

        graph.calls.clear();
        viewModel.startProperty().set(GraphService.Start.INSTANCE);
        viewModel.startTextProperty().set("not-a-uuid");
        viewModel.open();
        assertThat(graph.calls).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().contains("Could not open the graph");
        assertThat(titles()).as("what was shown stays").contains("broadband v1.0.0");
    }
}
