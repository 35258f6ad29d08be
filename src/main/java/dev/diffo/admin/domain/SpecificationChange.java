package dev.diffo.admin.domain;

import java.util.List;

/** A change to one existing Specification node, applied in place (diffo's patch and minor, and our status). */
public sealed interface SpecificationChange {

    /** Metadata corrections: null leaves a field as it is, blank removes it (diffo stores nil as absent). */
    record Patch(String description, String category) implements SpecificationChange {
    }

    /** Backward-compatible additions: the full new set of rules. */
    record Minor(List<CharacteristicRule> rules) implements SpecificationChange {
        public Minor {
            rules = List.copyOf(rules);
        }
    }

    record Status(SpecificationStatus status) implements SpecificationChange {
    }

    /**
     * What the version allows, recorded for a catalogue diffo-admin did not write (diffo keeps it in code): our
     * rule nodes only; diffo's node and its version numbers are left as they are.
     */
    record RecordRules(List<CharacteristicRule> rules) implements SpecificationChange {
        public RecordRules {
            rules = List.copyOf(rules);
        }
    }
}
