package dev.diffo.admin.domain;

import java.util.Comparator;
import java.util.List;

/** All majors of one specification name, newest major first: one branch of the catalogue tree. */
public record SpecificationGroup(String name, List<Specification> majors) {

    public SpecificationGroup {
        majors = majors.stream()
                .sorted(Comparator.comparingLong(Specification::majorVersion).reversed())
                .toList();
    }

    public long instanceCount() {
        return majors.stream().mapToLong(Specification::instanceCount).sum();
    }

    /** Two nodes with the same name and major break diffo's upsert ("Multiple records matching keys"). */
    public boolean hasDuplicateMajors() {
        return majors.stream().map(Specification::majorVersion).distinct().count() < majors.size();
    }
}
