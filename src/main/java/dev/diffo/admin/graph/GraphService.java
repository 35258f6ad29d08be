package dev.diffo.admin.graph;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.NotPermittedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.repository.GraphRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** What the graph view may open and expand, always within the cap; the start points' input is checked before any read. */
@Singleton
public class GraphService {

    public static final int DEFAULT_CAP = 50;
    public static final int MAX_CAP = 500;

    /** Where a view starts. */
    public enum Start {
        SPECIFICATION_NAME("Specification name", "broadband"),
        SPECIFICATION_VERSION("Specification version (id)", "a UUID4"),
        INSTANCE("Instance (id)", "a UUID4"),
        MIGRATION_RUN("Migration run (id)", "a UUID4");

        private final String label;
        private final String prompt;

        Start(String label, String prompt) {
            this.label = label;
            this.prompt = prompt;
        }

        public String label() {
            return label;
        }

        public String prompt() {
            return prompt;
        }
    }

    private final GraphRepository graph;
    private final CurrentAccess access;

    @Inject
    public GraphService(GraphRepository graph, CurrentAccess access) {
        this.graph = graph;
        this.access = access;
    }

    /** The access this service enforces, for the screens to disable what it would refuse. */
    public CurrentAccess currentAccess() {
        return access;
    }

    /** Opens a start point; refuses bad input (a name that is not a specification name, an id that is not a UUID4) and what is not there. */
    public GraphSlice open(Start start, String text, int cap) {
        requireCap(cap);
        String value = text == null ? "" : text.strip();
        GraphSlice slice = switch (start) {
            case SPECIFICATION_NAME -> {
                Identifiers.requireSpecificationName(value);
                yield graph.lineage(value, cap);
            }
            case SPECIFICATION_VERSION -> {
                Identifiers.requireUuid4("Specification id", value);
                yield graph.specification(value);
            }
            case INSTANCE -> {
                Identifiers.requireUuid4("Instance id", value);
                yield graph.instance(value, cap);
            }
            case MIGRATION_RUN -> {
                Identifiers.requireUuid4("Migration run id", value);
                yield graph.migrationRun(value);
            }
        };
        if (slice.nodes().isEmpty()) {
            throw new InvalidInputException("There is no " + start.label().toLowerCase(java.util.Locale.ROOT).replace(" (id)", "") + " " + value,
                    start == Start.SPECIFICATION_NAME ? "Check the name in the catalogue." : "Check the id (copy it from the catalogue or the instances table).");
        }
        if (access.get().rspKey() != null && (start == Start.INSTANCE || start == Start.MIGRATION_RUN)) {
            requireOwnStart(slice.nodes().getFirst(), value);
        }
        return scoped(slice);
    }

    /** An RSP operator opens only its own RSP's instances and runs. */
    private void requireOwnStart(GraphNode first, String value) {
        String owner = switch (first.ref()) {
            case GraphRef.Instance instance -> graph.rspsOf(List.of(instance.elementId())).get(instance.elementId());
            case GraphRef.Run run -> first.properties().get("rsp");
            default -> null;
        };
        access.requireRsp(owner, "Opening " + first.kind().legend().toLowerCase(java.util.Locale.ROOT) + " " + value);
    }

    /**
     * What an RSP operator sees of a slice: a specification's instance aggregate becomes its own RSP's share (counted), and
     * other RSPs' instances, aggregates and migration runs are left out with their edges. Any other role sees it whole.
     */
    private GraphSlice scoped(GraphSlice slice) {
        String rsp = access.get().rspKey();
        if (rsp == null) {
            return slice;
        }
        List<String> instanceIds = slice.nodes().stream().map(GraphNode::ref).filter(GraphRef.Instance.class::isInstance)
                .map(ref -> ((GraphRef.Instance) ref).elementId()).toList();
        Map<String, String> owners = instanceIds.isEmpty() ? Map.of() : graph.rspsOf(instanceIds);
        Map<GraphRef, GraphRef> replaced = new HashMap<>();
        Set<GraphRef> dropped = new HashSet<>();
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphNode node : slice.nodes()) {
            GraphNode shown = switch (node.ref()) {
                case GraphRef.Instance instance -> access.covers(owners.get(instance.elementId())) ? node : null;
                case GraphRef.Run run -> access.covers(node.properties().get("rsp")) ? node : null;
                case GraphRef.Aggregate all when all.rsp() == null -> ownShare(all.specElementId(), rsp, node);
                case GraphRef.Aggregate share -> access.covers(share.rsp()) ? node : null;
                case GraphRef.Specification spec -> withoutEveryRspsCount(node);
                default -> node;
            };
            if (shown == null) {
                dropped.add(node.ref());
            } else {
                nodes.add(shown);
                replaced.put(node.ref(), shown.ref());
            }
        }
        // an edge to the node being expanded (already on the view, not in the slice) stays while its other end stays
        List<GraphSlice.Edge> edges = slice.edges().stream()
                .filter(e -> !dropped.contains(e.from()) && !dropped.contains(e.to()))
                .map(e -> new GraphSlice.Edge(replaced.getOrDefault(e.from(), e.from()), replaced.getOrDefault(e.to(), e.to()), e.type()))
                .toList();
        return new GraphSlice(nodes, edges);
    }

    /** A specification as an RSP operator sees it: without the count of every RSP's instances on it (its aggregate shows its own share). */
    private static GraphNode withoutEveryRspsCount(GraphNode spec) {
        Map<String, String> properties = new java.util.TreeMap<>(spec.properties());
        properties.remove("instances");
        return new GraphNode(spec.ref(), spec.kind(), spec.title(), spec.subtitle(), properties, 0);
    }

    /** A specification's aggregate as the RSP's share of it (left out when the RSP has no instance there). */
    private GraphNode ownShare(String specElementId, String rsp, GraphNode all) {
        long n = graph.instanceCount(specElementId, rsp);
        if (n == 0) {
            return null;
        }
        return new GraphNode(new GraphRef.Aggregate(specElementId, rsp), GraphNode.Kind.INSTANCES,
                String.format("%s: %,d instance%s", rsp, n, n == 1 ? "" : "s"), "RSP " + rsp + "'s share " + all.subtitle(),
                Map.of("rsp", rsp, "instances", String.format("%,d", n)), n);
    }

    /** A node's next step out: an aggregate's instances (capped), "more…"'s next page, or any other node's neighbours (capped). */
    public GraphSlice expand(GraphNode node, int cap) {
        requireCap(cap);
        return scoped(switch (node.ref()) {
            case GraphRef.More more -> page(more.parent(), more.offset(), cap);
            case GraphRef ref -> page(ref, 0, cap);
        });
    }

    private GraphSlice page(GraphRef ref, long offset, int cap) {
        return switch (ref) {
            case GraphRef.Aggregate aggregate -> graph.instances(aggregate.specElementId(), access.scopeRsp(aggregate.rsp(), "Expanding instances"), offset, cap);
            case GraphRef.Element element -> graph.neighbours(element, access.get().rspKey(), offset, cap);
            case GraphRef.More more -> throw new IllegalArgumentException("\"more…\" of \"more…\": " + more);
        };
    }

    /** An aggregate of a specification's instances split into one aggregate per RSP (the largest {@code cap}). */
    public GraphSlice splitByRsp(GraphNode aggregate, int cap) {
        requireCap(cap);
        if (access.get().rspKey() != null) {
            throw new NotPermittedException(access.get(), "Splitting instances by RSP is not permitted: the app runs as an " + access.get().describe()
                    + " and sees only " + access.get().rspKey() + "'s instances.", "The aggregate already shows " + access.get().rspKey() + "'s share.");
        }
        if (!(aggregate.ref() instanceof GraphRef.Aggregate all) || !all.splitsByRsp()) {
            throw new InvalidInputException("Only a specification's instance aggregate splits by RSP", "Right-click the \"N instances\" node.");
        }
        return graph.instancesByRsp(all.specElementId(), cap);
    }

    private static void requireCap(int cap) {
        if (cap < 1 || cap > MAX_CAP) {
            throw new InvalidInputException("An expansion of " + cap + " nodes is out of range", "Choose 1 to " + MAX_CAP + ".");
        }
    }
}
