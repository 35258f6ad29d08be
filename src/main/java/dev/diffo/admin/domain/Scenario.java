package dev.diffo.admin.domain;

import java.util.List;

/** A catalogue to write in diffo's shape (the shipped demo, or another data file of the same form). */
public record Scenario(String title, List<SpecificationDraft> specifications, List<InstanceDraft> instances) {

    public Scenario {
        specifications = List.copyOf(specifications);
        instances = List.copyOf(instances);
    }

    /** A Specification node to upsert on {name, majorVersion}. */
    public record SpecificationDraft(String uuid, String name, SpecificationType type, long majorVersion, long minorVersion,
                                     long patchVersion, long tmfVersion, String description, String category,
                                     List<CharacteristicRule> rules) {
        public SpecificationDraft {
            rules = rules == null ? List.of() : List.copyOf(rules);
            Identifiers.requireSpecificationName(name);
            Identifiers.requireUuid4("Specification id", uuid);
            if (majorVersion < 0 || minorVersion < 0 || patchVersion < 0 || tmfVersion < 1) {
                throw new InvalidInputException("Specification " + name + " has invalid version numbers",
                        "major, minor and patch must be >= 0 and tmfVersion >= 1.");
            }
        }
    }

    /**
     * An Instance node with its labels, its one specification, and its dynamic characteristics; {@code rspParty}, when
     * given, is the key of the party it is related to in the RSP role (a PartyRef, as diffo relates a reseller), else
     * null.
     */
    public record InstanceDraft(String uuid, String name, List<String> labels, String specificationUuid, String type,
                                String which, String state, List<CharacteristicDraft> characteristics, String rspParty) {

        /** An instance related to no party (its RSP, if any, the prefix of its name). */
        public InstanceDraft(String uuid, String name, List<String> labels, String specificationUuid, String type,
                             String which, String state, List<CharacteristicDraft> characteristics) {
            this(uuid, name, labels, specificationUuid, type, which, state, characteristics, null);
        }

        public InstanceDraft {
            rspParty = rspParty == null || rspParty.isBlank() ? null : rspParty;
            Identifiers.requireInstanceName(name);
            Identifiers.requireUuid4("Instance id", uuid);
            labels = List.copyOf(labels);
            labels.forEach(Identifiers::requireLabel);
            if (!labels.contains("Instance") || !labels.contains("Provider")) {
                throw new InvalidInputException("Instance " + name + " must carry the labels Instance and Provider",
                        "diffo reads instances by :Provider:Instance; without both it cannot see them.");
            }
            if (!List.of("service", "resource").contains(type)) {
                throw new InvalidInputException("Instance " + name + " has type '" + type + "'", "Use service or resource.");
            }
            if (!List.of("actual", "expected").contains(which)) {
                throw new InvalidInputException("Instance " + name + " has which '" + which + "'", "Use actual or expected.");
            }
            characteristics = List.copyOf(characteristics);
        }
    }

    /** A dynamic characteristic: {@code valueJson} is already canonical (keys sorted, no nulls). */
    public record CharacteristicDraft(String uuid, String name, String valueJson) {
        public CharacteristicDraft {
            Identifiers.requireUuid4("Characteristic id", uuid);
            if (name == null || !name.matches("^[a-z][a-zA-Z0-9_]*$")) {
                throw new InvalidInputException("Characteristic name '" + name + "' is not valid", "Use a lower-case atom name such as broadband.");
            }
        }
    }

    /** What writing a scenario did: nothing is created twice. */
    public record LoadResult(int specificationsCreated, int specificationsKept, int instancesCreated, int instancesKept) {
        public boolean changedAnything() {
            return specificationsCreated + instancesCreated > 0;
        }

        public String summary() {
            return "Specifications: " + specificationsCreated + " created, " + specificationsKept + " already present; "
                    + "instances: " + instancesCreated + " created, " + instancesKept + " already present.";
        }
    }
}
