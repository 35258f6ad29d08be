package dev.diffo.admin.domain;

import java.time.ZonedDateTime;

/** One entry of a specification's version history: who changed what, when, why, and the state before and after. */
public record VersionEvent(String uuid, String specificationName, String specificationUuid, long majorVersion, Action action,
                           String fromVersion, String toVersion, SpecificationSnapshot before, SpecificationSnapshot after,
                           String actor, String reason, ZonedDateTime at) {

    public enum Action {
        CREATED("created"), UPDATED("updated"), PATCH("patch"), MINOR("minor"), MAJOR_PUBLISHED("major published"),
        FROZEN("frozen"), UNFROZEN("unfrozen"), WITHDRAWN("withdrawn"), DELETED("deleted"),
        RULES_RECORDED("allowed values recorded"),
        /** Read from diffo's own timestamps (no event of ours): the major's node was created. */
        DIFFO_CREATED("created (from diffo's createdAt)"),
        /** Read from diffo's own timestamps: the major's node was last changed, to its current version. */
        DIFFO_UPDATED("last changed (from diffo's updatedAt)");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether this entry was read from diffo's own data rather than recorded by diffo-admin. */
    public boolean fromDiffo() {
        return action == Action.DIFFO_CREATED || action == Action.DIFFO_UPDATED;
    }

    /** Who made the change, or where an entry read from diffo's own data comes from. */
    public String who() {
        return fromDiffo() ? "read from diffo's node" : actor == null ? "unknown" : actor;
    }

    /** "v1.0.0 → v1.1.0 minor", "v1 frozen", as the timeline shows it. */
    public String headline() {
        return switch (action) {
            case PATCH, MINOR -> fromVersion + " → " + toVersion + " " + action.label();
            case MAJOR_PUBLISHED -> toVersion + " published";
            case CREATED -> toVersion + " created";
            case DIFFO_CREATED -> "v" + majorVersion + " " + action.label();
            case DIFFO_UPDATED -> toVersion + " " + action.label();
            default -> "v" + majorVersion + " " + action.label();
        };
    }
}
