package dev.diffo.admin.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between what two versions allow: what was added (backward compatible, a minor) and what
 * was removed or narrowed (breaking, a major). Each breaking change says which change makes it major.
 */
public record RulesDiff(List<CharacteristicRule> addedCharacteristics, List<CharacteristicRule> removedCharacteristics,
                        List<ValueChange> addedValues, List<ValueChange> removedValues, List<String> breakingChanges) {

    /** A value added to or removed from a characteristic's allowed values. */
    public record ValueChange(String key, String value) {
        @Override
        public String toString() {
            return key + " = " + value;
        }
    }

    public RulesDiff {
        addedCharacteristics = List.copyOf(addedCharacteristics);
        removedCharacteristics = List.copyOf(removedCharacteristics);
        addedValues = List.copyOf(addedValues);
        removedValues = List.copyOf(removedValues);
        breakingChanges = List.copyOf(breakingChanges);
    }

    public static RulesDiff between(List<CharacteristicRule> before, List<CharacteristicRule> after) {
        Map<String, CharacteristicRule> old = index(before);
        Map<String, CharacteristicRule> now = index(after);
        List<CharacteristicRule> added = new ArrayList<>();
        List<CharacteristicRule> removed = new ArrayList<>();
        List<ValueChange> addedValues = new ArrayList<>();
        List<ValueChange> removedValues = new ArrayList<>();
        List<String> breaking = new ArrayList<>();
        for (CharacteristicRule rule : now.values()) {
            CharacteristicRule was = old.get(rule.key());
            if (was == null) {
                added.add(rule);
                if (rule.required()) {
                    breaking.add("adds the required characteristic " + rule.key() + " (existing instances lack it)");
                }
                continue;
            }
            if (was.valueType() != rule.valueType()) {
                breaking.add("changes the type of " + rule.key() + " from " + was.valueType().stored() + " to " + rule.valueType().stored());
            }
            if (!was.required() && rule.required()) {
                breaking.add("makes " + rule.key() + " required");
            }
            if (was.allowedValues().isEmpty() && !rule.allowedValues().isEmpty()) {
                breaking.add("restricts " + rule.key() + " (any value before) to {" + String.join(", ", rule.allowedValues()) + "}");
            } else if (!rule.allowedValues().isEmpty()) {
                for (String value : was.allowedValues()) {
                    if (!rule.allowedValues().contains(value)) {
                        removedValues.add(new ValueChange(rule.key(), value));
                        breaking.add("removes the value " + value + " from " + rule.key());
                    }
                }
            }
            if (!was.allowedValues().isEmpty()) {
                for (String value : rule.allowedValues()) {
                    if (!was.allowedValues().contains(value)) {
                        addedValues.add(new ValueChange(rule.key(), value));
                    }
                }
            }
        }
        for (CharacteristicRule rule : old.values()) {
            if (!now.containsKey(rule.key())) {
                removed.add(rule);
                breaking.add("removes the characteristic " + rule.key());
            }
        }
        return new RulesDiff(added, removed, addedValues, removedValues, breaking);
    }

    private static Map<String, CharacteristicRule> index(List<CharacteristicRule> rules) {
        Map<String, CharacteristicRule> map = new LinkedHashMap<>();
        for (CharacteristicRule rule : rules) {
            if (map.put(rule.key(), rule) != null) {
                throw new InvalidInputException("Characteristic " + rule.key() + " is listed twice", "List each characteristic once.");
            }
        }
        return map;
    }

    public boolean isBackwardCompatible() {
        return breakingChanges.isEmpty();
    }

    public boolean isEmpty() {
        return addedCharacteristics.isEmpty() && removedCharacteristics.isEmpty() && addedValues.isEmpty() && removedValues.isEmpty()
                && breakingChanges.isEmpty();
    }

    /** One line per change, "+" for additions and "−" for removals, for the diff views and the CLI. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        addedCharacteristics.forEach(r -> lines.add("+ characteristic " + r.describe()));
        addedValues.forEach(v -> lines.add("+ value " + v));
        removedCharacteristics.forEach(r -> lines.add("− characteristic " + r.describe()));
        removedValues.forEach(v -> lines.add("− value " + v));
        breakingChanges.stream().filter(b -> !b.startsWith("removes the value") && !b.startsWith("removes the characteristic"))
                .forEach(b -> lines.add("! " + b));
        return List.copyOf(lines);
    }
}
