package dev.diffo.admin.domain;

import java.util.List;

/** What one specification version was at a moment: enough to show and diff any two versions. */
public record SpecificationSnapshot(String version, String description, String category, SpecificationStatus status,
                                    List<CharacteristicRule> rules) {
    public SpecificationSnapshot {
        rules = rules == null ? List.of() : List.copyOf(rules);
        status = status == null ? SpecificationStatus.CURRENT : status;
    }

    public static SpecificationSnapshot of(Specification s, List<CharacteristicRule> rules) {
        return new SpecificationSnapshot(s.version(), s.description(), s.category(), s.status(), rules);
    }
}
