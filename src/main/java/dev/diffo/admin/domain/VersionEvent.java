package dev.diffo.admin.domain;

import java.time.ZonedDateTime;

/** One entry of a specification's version history: who changed what, when, why, and the state before and after. */
public record VersionEvent(String uuid, String specificationName, String specificationUuid, long majorVersion, Action action,
                           String fromVersion, String toVersion, SpecificationSnapshot before, SpecificationSnapshot after,
                           String actor, String reason, ZonedDateTime at) {

    public enum Action {
        CREATED("created"), UPDATED("updated"), PATCH("patch"), MINOR("minor"), MAJOR_PUBLISHED("major published"),
        FROZEN("frozen"), UNFROZEN("unfrozen"), WITHDRAWN("withdrawn"), DELETED("deleted");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "v1.0.0 → v1.1.0 minor", "v1 frozen", as the timeline shows it. */
    public String headline() {
        return switch (action) {
            case PATCH, MINOR -> fromVersion + " → " + toVersion + " " + action.label();
            case MAJOR_PUBLISHED -> toVersion + " published";
            case CREATED -> toVersion + " created";
            default -> "v" + majorVersion + " " + action.label();
        };
    }
}
