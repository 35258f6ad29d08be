package dev.diffo.admin.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a database holds, in the terms of diffo's graph contract: used to tell an empty database from a
 * diffo-shaped one from something else entirely, and to say what was found.
 */
public record GraphShape(
        long nodeCount,
        long specificationCount,
        long instanceCount,
        long specificationsWithoutProvider,
        List<String> duplicateIdentities,
        Map<String, Long> labelCounts) {

    public GraphShape {
        duplicateIdentities = List.copyOf(duplicateIdentities);
        labelCounts = Map.copyOf(labelCounts);
    }

    public boolean isEmpty() {
        return nodeCount == 0;
    }

    /** diffo-shaped: it holds Specification nodes (instances and other diffo nodes hang off them). */
    public boolean isDiffoShaped() {
        return specificationCount > 0;
    }

    /** Neither empty nor diffo's: we must not write into it. */
    public boolean isForeign() {
        return !isEmpty() && !isDiffoShaped();
    }

    /** Warnings about a diffo-shaped graph that diffo itself would trip over. */
    public List<String> warnings() {
        var warnings = new java.util.ArrayList<String>();
        if (specificationsWithoutProvider > 0) {
            warnings.add(specificationsWithoutProvider + " Specification node(s) lack the :Provider label, so diffo cannot read them");
        }
        for (String duplicate : duplicateIdentities) {
            warnings.add("Duplicate specification " + duplicate + ": diffo's upsert fails on it");
        }
        return List.copyOf(warnings);
    }

    /** "Person (120), Movie (38), …": the most common labels, for a message about a foreign database. */
    public String describeLabels(int max) {
        if (labelCounts.isEmpty()) {
            return "no labels";
        }
        return labelCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "))
                + (labelCounts.size() > max ? ", …" : "");
    }
}
