package dev.diffo.admin.migration;

import dev.diffo.admin.domain.Candidate;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.Decision;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.Relabel;
import dev.diffo.admin.domain.StoredCharacteristic;
import dev.diffo.admin.domain.StoredValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges instances against what the target allows: the check's offences (value by value), and each batch's
 * decision under a plan (move with remapped values, or stay with a reason). No database, no threads.
 */
final class Judge {

    private Judge() {
    }

    /** Every (rule, value) of this instance that the target's rules do not allow. */
    static List<Offence> offences(Candidate candidate, List<CharacteristicRule> rules) {
        List<Offence> found = new ArrayList<>();
        for (CharacteristicRule rule : rules) {
            for (StoredCharacteristic c : candidate.characteristics()) {
                if (rule.characteristic().equals(c.name())) {
                    CharacteristicValues.read(c.value(), rule.field())
                            .filter(value -> !rule.allows(value))
                            .ifPresent(value -> found.add(new Offence(rule.key(), value)));
                }
            }
        }
        return found;
    }

    /** The offences of one stored value, judged alone (the check judges each distinct value once). */
    static List<Offence> offences(StoredValue value, List<CharacteristicRule> rules) {
        return offences(new Candidate(null, null, null, List.of(new StoredCharacteristic(null, value.name(), value.value()))), rules);
    }

    /** The keys the plan names (mapping, exclusions, per-instance values) that the target has no rule for. */
    static Set<String> unruledKeys(MigrationPlan plan, List<CharacteristicRule> rules) {
        Set<String> keys = new HashSet<>(plan.mapping().keySet());
        plan.excluded().forEach(o -> keys.add(o.key()));
        plan.perInstance().values().forEach(r -> keys.addAll(r.values().keySet()));
        rules.forEach(r -> keys.remove(r.key()));
        return keys;
    }

    /** How a batch decides under {@code plan}; {@code unaffected} are stored values the batch need not read. */
    static Decider decider(MigrationPlan plan, List<CharacteristicRule> rules, List<StoredValue> unaffected) {
        // values the plan remaps or excludes on a field without rules must be read by each batch, not skipped as allowed
        Set<String> unruled = unruledKeys(plan, rules);
        List<StoredValue> untouched = unruled.isEmpty() ? unaffected : unaffected.stream()
                .filter(v -> unruled.stream().noneMatch(key -> characteristicOf(key).equals(v.name())))
                .toList();
        return new Decider() {
            @Override
            public List<StoredValue> unaffected() {
                return untouched;
            }

            @Override
            public Relabel relabel() {
                return plan.relabel();
            }

            @Override
            public Decision decide(Candidate candidate) {
                return Judge.decide(plan, rules, unruled, candidate);
            }
        };
    }

    static Decision decide(MigrationPlan plan, List<CharacteristicRule> rules, Set<String> unruled, Candidate candidate) {
        if (plan.excludesInstance(candidate.uuid())) {
            return Decision.excluded("excluded by its own remedy");
        }
        Map<String, String> newValues = new HashMap<>();
        String reason = remedyRuled(plan, rules, candidate, newValues);
        if (reason == null) {
            reason = remedyUnruled(plan, unruled, candidate, newValues);
        }
        return reason != null ? Decision.excluded(reason) : new Decision(false, newValues);
    }

    /** Remaps the values the target's rules do not allow into {@code newValues}; the reason to stay when one has no remedy. */
    private static String remedyRuled(MigrationPlan plan, List<CharacteristicRule> rules, Candidate candidate, Map<String, String> newValues) {
        for (CharacteristicRule rule : rules) {
            for (StoredCharacteristic c : candidate.characteristics()) {
                if (!rule.characteristic().equals(c.name())) {
                    continue;
                }
                Optional<String> value = CharacteristicValues.read(c.value(), rule.field());
                if (value.isEmpty() || rule.allows(value.get())) {
                    continue;
                }
                String mapped = plan.remap(candidate.uuid(), rule.key(), value.get());
                if (mapped == null) {
                    return rule.key() + "=" + value.get() + (plan.excludes(rule.key(), value.get())
                            ? " is excluded by the plan" : " is not allowed by the target and has no remedy (it appeared after the check)");
                }
                newValues.put(c.elementId(), CharacteristicValues.write(newValues.getOrDefault(c.elementId(), c.value()), rule.field(), mapped));
            }
        }
        return null;
    }

    /** Applies what the plan asks of fields without rules, as given; the reason to stay when the plan excludes a value. */
    private static String remedyUnruled(MigrationPlan plan, Set<String> unruled, Candidate candidate, Map<String, String> newValues) {
        for (String key : unruled) {
            for (StoredCharacteristic c : candidate.characteristics()) {
                if (!characteristicOf(key).equals(c.name())) {
                    continue;
                }
                Optional<String> value = CharacteristicValues.read(newValues.getOrDefault(c.elementId(), c.value()), fieldOf(key));
                if (value.isEmpty()) {
                    continue;
                }
                if (plan.excludes(key, value.get())) {
                    return key + "=" + value.get() + " is excluded by the plan";
                }
                String mapped = plan.remap(candidate.uuid(), key, value.get());
                if (mapped != null && !mapped.equals(value.get())) {
                    newValues.put(c.elementId(), CharacteristicValues.write(newValues.getOrDefault(c.elementId(), c.value()), fieldOf(key), mapped));
                }
            }
        }
        return null;
    }

    private static String characteristicOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String fieldOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? null : key.substring(dot + 1);
    }
}
