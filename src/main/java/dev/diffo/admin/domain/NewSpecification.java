package dev.diffo.admin.domain;

import java.util.List;

/**
 * A Specification to create, or to upsert on {@code {name, majorVersion}} as diffo does: on an existing
 * identity only the fields given (non-null) are changed. A null {@code uuid} means "the existing one, or a
 * new UUID4 when the specification is created".
 */
public record NewSpecification(String uuid, String name, SpecificationType type, long majorVersion, String description,
                               String category, List<CharacteristicRule> rules) {
    public NewSpecification {
        Identifiers.requireSpecificationName(name);
        if (uuid != null) {
            Identifiers.requireUuid4("Specification id", uuid);
        }
        if (majorVersion < 0) {
            throw new InvalidInputException("Major version " + majorVersion + " is negative", "Use 0 or more.");
        }
        rules = rules == null ? null : List.copyOf(rules);
    }
}
