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
 * are the stored values the check found the target allows (a run need not read them again). The values are read
 * from the graph, or from the counts the app keeps when they serve ({@code valuesCountedAt}); either way each batch
 * judges every instance's values again as it moves it, so a value that appeared since is never moved unremedied.
 * Said in words by {@link MigrationText}.
 */
public record Check(Specification source, Specification target, String rsp, String nameFilter, List<String> selection,
                    Map<Offence, Long> offences, Map<Offence, List<StoredValue>> offendingValues, List<CharacteristicRule> targetRules,
                    List<StoredValue> unaffected, List<String> sourceLabels, List<String> targetLabels, Relabel relabelOffer,
                    java.time.ZonedDateTime valuesCountedAt) {

    /** {@code valuesCountedAt}: when the kept counts its values were judged from were counted; null when they were read from the graph now. */
    public Check {
        selection = List.copyOf(selection);
        unaffected = List.copyOf(unaffected);
        offendingValues = Map.copyOf(offendingValues);
        sourceLabels = List.copyOf(sourceLabels);
        targetLabels = List.copyOf(targetLabels);
    }

    /**
     * This check over {@code part} of its selection (the benchmark's warm-up): the values found and the rules stay those of
     * the whole; a run judges every instance's values again as it moves it anyway.
     */
    public Check withSelection(List<String> part) {
        return new Check(source, target, rsp, nameFilter, part, offences, offendingValues, targetRules, unaffected, sourceLabels, targetLabels,
                relabelOffer, valuesCountedAt);
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
