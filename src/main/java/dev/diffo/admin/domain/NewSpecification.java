package dev.diffo.admin.domain;

import java.util.List;

/**
 * A Specification to create, or to upsert on {@code {name, majorVersion}} as diffo does: on an existing
 * identity only the fields given (non-null) are changed. A null {@code uuid} means "the existing one, or a
 * new UUID4 when the specification is created". Minor and patch are 0 unless the specification arrives at another
 * version (an import from another catalogue keeps the version it has there).
 */
public record NewSpecification(String uuid, String name, SpecificationType type, long majorVersion, long minorVersion, long patchVersion,
                               String description, String category, List<CharacteristicRule> rules) {

    /** A new major at {@code .0.0}, as the screens create one. */
    public NewSpecification(String uuid, String name, SpecificationType type, long majorVersion, String description, String category,
                            List<CharacteristicRule> rules) {
        this(uuid, name, type, majorVersion, 0, 0, description, category, rules);
    }

    public NewSpecification {
        Identifiers.requireSpecificationName(name);
        if (uuid != null) {
            Identifiers.requireUuid4("Specification id", uuid);
        }
        if (majorVersion < 0) {
            throw new InvalidInputException("Major version " + majorVersion + " is negative", "Use 0 or more.");
        }
        if (minorVersion < 0 || patchVersion < 0) {
            throw new InvalidInputException("Version ." + minorVersion + "." + patchVersion + " is negative", "Use 0 or more.");
        }
        rules = rules == null ? null : List.copyOf(rules);
    }
}
