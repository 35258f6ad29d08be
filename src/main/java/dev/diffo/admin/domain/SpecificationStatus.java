package dev.diffo.admin.domain;

import java.util.Locale;

/**
 * A major's lifecycle in diffo-admin (diffo has none in the graph): current, frozen (no new instances),
 * withdrawn (retired: no new instances, kept until none stands on it).
 */
public enum SpecificationStatus {
    CURRENT, FROZEN, WITHDRAWN;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SpecificationStatus fromStored(String value) {
        return value == null ? CURRENT : valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean acceptsNewInstances() {
        return this == CURRENT;
    }
}
