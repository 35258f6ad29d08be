package dev.diffo.admin.repository;

import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.domain.Specification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The graph view's reads over the specifications of a {@link FakeCatalogueRepository}, for View tests: a name's
 * lineage is its majors oldest first, each with its instance aggregate (counted, never walked) and a dashed
 * NEXT_MAJOR edge to the next; the calls it was asked are recorded. It offers no instances, parties or runs.
 */
public class FakeGraphRepository implements GraphRepository {
    private final CatalogueRepository catalogue;
    public final List<String> calls = new ArrayList<>();

    public FakeGraphRepository(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    private static GraphNode node(Specification s) {
        return new GraphNode(new GraphRef.Specification(s.uuid()), GraphNode.Kind.ofSpecification(s.status()), s.name() + " " + s.version(),
                s.status().stored(), Map.of("uuid", s.uuid(), "name", s.name(), "version", s.version()), 0);
    }

    private static GraphNode aggregate(Specification s) {
        return new GraphNode(new GraphRef.Aggregate(s.uuid(), null), GraphNode.Kind.INSTANCES,
                s.instanceCount() == 1 ? "1 instance" : String.format("%,d instances", s.instanceCount()), "",
                Map.of(), s.instanceCount());
    }

    private static void withInstances(Specification s, List<GraphNode> nodes, List<GraphSlice.Edge> edges) {
        GraphNode spec = node(s);
        nodes.add(spec);
        if (s.instanceCount() > 0) {
            GraphNode instances = aggregate(s);
            nodes.add(instances);
            edges.add(new GraphSlice.Edge(instances.ref(), spec.ref(), "SPECIFIED_BY"));
        }
    }

    @Override
    public synchronized GraphSlice lineage(String specificationName, int cap) {
        calls.add("lineage " + specificationName);
        List<Specification> majors = catalogue.findSpecifications("").stream().filter(s -> s.name().equals(specificationName))
                .sorted(Comparator.comparingLong(Specification::majorVersion)).toList();
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphSlice.Edge> edges = new ArrayList<>();
        for (int k = 0; k < majors.size(); k++) {
            withInstances(majors.get(k), nodes, edges);
            if (k > 0) {
                edges.add(new GraphSlice.Edge(new GraphRef.Specification(majors.get(k - 1).uuid()), new GraphRef.Specification(majors.get(k).uuid()), "NEXT_MAJOR"));
            }
        }
        return new GraphSlice(nodes, edges);
    }

    @Override
    public synchronized GraphSlice specification(String uuid) {
        calls.add("specification " + uuid);
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphSlice.Edge> edges = new ArrayList<>();
        catalogue.findByUuid(uuid).ifPresent(s -> withInstances(s, nodes, edges));
        return new GraphSlice(nodes, edges);
    }

    @Override
    public synchronized GraphSlice instance(String uuid, int cap) {
        calls.add("instance " + uuid);
        return GraphSlice.empty();
    }

    @Override
    public synchronized GraphSlice migrationRun(String uuid) {
        calls.add("run " + uuid);
        return GraphSlice.empty();
    }

    @Override
    public synchronized GraphSlice instances(String specificationElementId, String rsp, long offset, int cap) {
        calls.add("instances " + specificationElementId);
        return GraphSlice.empty();
    }

    @Override
    public synchronized GraphSlice instancesByRsp(String specificationElementId, int cap) {
        calls.add("instancesByRsp " + specificationElementId);
        return GraphSlice.empty();
    }

    @Override
    public synchronized GraphSlice neighbours(GraphRef.Element node, String rsp, long offset, int cap) {
        calls.add("neighbours " + node + (rsp == null ? "" : " of " + rsp));
        return GraphSlice.empty();
    }

    /** The RSP's share of the specification's instances, as the fake catalogue counts them. */
    @Override
    public synchronized long instanceCount(String specificationElementId, String rsp) {
        calls.add("instanceCount " + specificationElementId + " " + rsp);
        return catalogue.rsps(specificationElementId).stream().filter(share -> share.rsp().key().equalsIgnoreCase(rsp)).mapToLong(share -> share.instances()).sum();
    }

    @Override
    public synchronized Map<String, String> rspsOf(List<String> instanceElementIds) {
        return Map.of();
    }
}
