package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.GraphNode.Kind;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The graph view's reads on a specification with 100,000 instances: one aggregate node, capped expansions, bounded work. */
@ExtendWith(Neo4jExtension.class)
class GraphRepositoryIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";

    GraphRepository graph;
    TestGraph db;
    BenchmarkRepository seeding;

    @BeforeEach
    void demo(DemoService demo, GraphRepository graph, TestGraph db, BenchmarkRepository seeding) {
        demo.loadDemo();
        this.graph = graph;
        this.db = db;
        this.seeding = seeding;
    }

    void seed(long from, long to) {
        for (long k = from; k <= to; k += 50_000) {
            seeding.seed(V1, "acme-bench-", k, Math.min(to, k + 49_999), List.of("fttb", "fttp"));
        }
    }

    static GraphNode only(GraphSlice slice, Kind kind) {
        List<GraphNode> nodes = slice.nodes().stream().filter(n -> n.kind() == kind).toList();
        assertThat(nodes).hasSize(1);
        return nodes.getFirst();
    }

    String v1ElementId() {
        return db.query("MATCH (s:Specification {uuid: $v1}) RETURN elementId(s) AS id", Map.of("v1", V1)).getFirst().get("id").asString();
    }

    long expansionHits(int cap) {
        return db.dbHits(Neo4jGraphRepository.INSTANCES, Map.of("spec", v1ElementId(), "offset", 0, "limit", cap + 1))
                + db.dbHits(Neo4jGraphRepository.LINEAGE, Map.of("name", "broadband"));
    }

    @Test
    void aSpecificationWithAHundredThousandInstancesIsOneAggregateNodeAndItsExpansionIsCapped() {
        seed(1, 100_000);
        GraphSlice lineage = graph.lineage("broadband", 50);
        assertThat(lineage.nodes().stream().filter(n -> n.kind().specification())).extracting(GraphNode::title)
                .containsExactly("broadband v1.0.0", "broadband v2.0.0");
        assertThat(lineage.edges()).extracting(GraphSlice.Edge::type).contains("NEXT_MAJOR");
        List<GraphNode> aggregates = lineage.nodes().stream().filter(n -> n.kind() == Kind.INSTANCES).toList();
        assertThat(aggregates).extracting(GraphNode::count).containsExactly(100_002L, 1L);
        assertThat(aggregates.getFirst().title()).isEqualTo("100,002 instances");
        assertThat(lineage.nodes()).as("no instance is read to open the lineage").noneMatch(n -> n.kind() == Kind.INSTANCE);

        String spec = v1ElementId();
        GraphSlice first = graph.instances(spec, null, 0, 50);
        assertThat(first.nodes().stream().filter(n -> n.kind() == Kind.INSTANCE)).hasSize(50);
        GraphNode more = only(first, Kind.MORE);
        GraphSlice second = graph.instances(spec, null, 50, 50);
        assertThat(second.nodes().stream().filter(n -> n.kind() == Kind.INSTANCE)).hasSize(50)
                .extracting(GraphNode::ref).doesNotContainAnyElementsOf(first.nodes().stream().map(GraphNode::ref).toList());
        assertThat(more.ref()).isEqualTo(new GraphRef.More(new GraphRef.Aggregate(spec, null), 50));

        GraphSlice acme = graph.instances(spec, "acme", 0, 7);
        assertThat(acme.nodes().stream().filter(n -> n.kind() == Kind.INSTANCE)).hasSize(7).allSatisfy(n -> assertThat(n.title()).startsWith("acme-"));
        GraphSlice byRsp = graph.instancesByRsp(spec, 10);
        assertThat(byRsp.nodes()).extracting(GraphNode::title).containsExactly("acme: 100,002 instances");

        GraphSlice around = graph.neighbours(new GraphRef.Specification(spec), 0, 5);
        assertThat(around.nodes()).as("a specification's neighbours never include its instances").noneMatch(n -> n.kind() == Kind.INSTANCE);
    }

    @Test
    void openingAndExpandingTakesTheSameWorkWhateverTheNumberOfInstances() {
        seed(1, 1_000);
        long small = expansionHits(50);
        seed(1_001, 100_000);
        long large = expansionHits(50);
        assertThat(large).as("db hits with 100,000 instances vs 1,000 (%d vs %d)", large, small).isLessThanOrEqualTo(small + 10);
        assertThat(graph.instances(v1ElementId(), null, 0, 50).nodes()).hasSizeLessThanOrEqualTo(51);
    }

    @Test
    void anInstanceOpensWithItsSpecificationAndCharacteristics() {
        GraphSlice slice = graph.instance("5c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5", 50);
        assertThat(slice.nodes().getFirst().title()).isEqualTo("acme-broadband-001");
        assertThat(slice.nodes()).extracting(GraphNode::kind).contains(Kind.SPECIFICATION_CURRENT, Kind.CHARACTERISTIC, Kind.INSTANCES);
        assertThat(slice.nodes()).anySatisfy(n -> assertThat(n.title()).isEqualTo("broadband.technology=fttb"));
        assertThat(slice.edges()).extracting(GraphSlice.Edge::type).contains("SPECIFIED_BY", "HAS");
    }

    @Test
    void aByteArrayPropertyShowsItsSize() {
        // a property diffo does not write but a graph may hold: shown by its size, not as [B@… (the array's identity)
        db.run("MATCH (i:Instance {uuid: $uuid}) SET i.photo = $bytes", Map.of("uuid", "5c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5", "bytes", new byte[1_500]));

        GraphNode instance = graph.instance("5c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5", 50).nodes().getFirst();

        assertThat(instance.properties()).containsEntry("photo", "1,500 bytes");
    }
}
