package dev.diffo.admin.graph;

import dev.diffo.admin.domain.GraphNode;
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

    @Inject
    public GraphService(GraphRepository graph) {
        this.graph = graph;
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
        return slice;
    }

    /** A node's next step out: an aggregate's instances (capped), "more…"'s next page, or any other node's neighbours (capped). */
    public GraphSlice expand(GraphNode node, int cap) {
        requireCap(cap);
        return switch (node.ref()) {
            case GraphRef.More more -> page(more.parent(), more.offset(), cap);
            case GraphRef ref -> page(ref, 0, cap);
        };
    }

    private GraphSlice page(GraphRef ref, long offset, int cap) {
        return switch (ref) {
            case GraphRef.Aggregate aggregate -> graph.instances(aggregate.specElementId(), aggregate.rsp(), offset, cap);
            case GraphRef.Element element -> graph.neighbours(element, offset, cap);
            case GraphRef.More more -> throw new IllegalArgumentException("\"more…\" of \"more…\": " + more);
        };
    }

    /** An aggregate of a specification's instances split into one aggregate per RSP (the largest {@code cap}). */
    public GraphSlice splitByRsp(GraphNode aggregate, int cap) {
        requireCap(cap);
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
