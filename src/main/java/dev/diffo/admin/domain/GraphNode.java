package dev.diffo.admin.domain;

import java.util.Map;

/**
 * A node of the graph view. {@code ref} says what it stands for: one element of the graph, or for nodes that stand
 * for many an aggregate of a specification's instances (or an RSP's share of them) or "more…", which the view can
 * expand. {@code count} is how many instances an aggregate stands for (else 0).
 */
public record GraphNode(GraphRef ref, Kind kind, String title, String subtitle, Map<String, String> properties, long count) {

    /** What a node is, which decides its shape and colour, and how it expands. */
    public enum Kind {
        SPECIFICATION_CURRENT("Specification (current)"),
        SPECIFICATION_FROZEN("Specification (frozen)"),
        SPECIFICATION_WITHDRAWN("Specification (withdrawn)"),
        INSTANCES("Instances (aggregate)"),
        INSTANCE("Instance"),
        CHARACTERISTIC("Characteristic"),
        PARTY("Party"),
        MIGRATION_RUN("Migration run"),
        MORE("More…"),
        OTHER("Other");

        private final String legend;

        Kind(String legend) {
            this.legend = legend;
        }

        public String legend() {
            return legend;
        }

        public boolean specification() {
            return this == SPECIFICATION_CURRENT || this == SPECIFICATION_FROZEN || this == SPECIFICATION_WITHDRAWN;
        }

        public static Kind ofSpecification(SpecificationStatus status) {
            return switch (status == null ? SpecificationStatus.CURRENT : status) {
                case CURRENT -> SPECIFICATION_CURRENT;
                case FROZEN -> SPECIFICATION_FROZEN;
                case WITHDRAWN -> SPECIFICATION_WITHDRAWN;
            };
        }
    }

    public GraphNode {
        java.util.Objects.requireNonNull(ref, "ref");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The reference's string form, for maps keyed by node. */
    public String key() {
        return ref.key();
    }
}
