package dev.diffo.admin.migration;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.Relabel;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.StoredValue;
import java.util.List;
import java.util.Map;

/**
 * The selection and the values in it that the target does not allow, grouped by value; {@code unaffected}
 * are the stored values the check found the target allows (a run need not read them again). Said in words
 * by {@link MigrationText}.
 */
public record Check(Specification source, Specification target, String rsp, String nameFilter, List<String> selection,
                    Map<Offence, Long> offences, Map<Offence, List<StoredValue>> offendingValues, List<CharacteristicRule> targetRules,
                    List<StoredValue> unaffected, List<String> sourceLabels, List<String> targetLabels, Relabel relabelOffer) {
    public Check {
        selection = List.copyOf(selection);
        unaffected = List.copyOf(unaffected);
        offendingValues = Map.copyOf(offendingValues);
        sourceLabels = List.copyOf(sourceLabels);
        targetLabels = List.copyOf(targetLabels);
    }

    public long selected() {
        return selection.size();
    }

    /** Whether the check could judge anything: a target with no allowed values recorded passes every value. */
    public boolean targetRulesRecorded() {
        return !targetRules.isEmpty();
    }

    public long needingRemediation() {
        return offences.values().stream().mapToLong(Long::longValue).sum();
    }
}
