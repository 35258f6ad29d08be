package dev.diffo.admin.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an RSP operator asks for: move the RSP's instances (all of them, or those whose name contains
 * {@code nameFilter}) from a source major to a newer major of the same name, remapping values the target no
 * longer allows ({@code broadband.technology: fttb → fttn}) or leaving the instances that carry them where
 * they are; {@code perInstance} overrides that remedy for single instances (by instance uuid); {@code relabel}
 * (null: keep the labels, as diffo's respecify does) swaps the moved instances' consumer-module labels.
 */
public record MigrationPlan(String rsp, String sourceUuid, String targetUuid, Map<String, Map<String, String>> mapping,
                            Set<Offence> excluded, int batchSize, Map<String, InstanceRemedy> perInstance, String nameFilter, Relabel relabel) {

    public static final int DEFAULT_BATCH_SIZE = 5_000;

    /** The largest batch: one transaction holds its instances' locks and ledger entry. */
    public static final int MAX_BATCH_SIZE = 100_000;

    /** One instance's own remedy: leave it on the source, or write these values (by rule key) instead of the group's mapping. */
    public record InstanceRemedy(boolean exclude, Map<String, String> values) {
        public InstanceRemedy {
            values = values == null ? Map.of() : Map.copyOf(values);
            if (exclude && !values.isEmpty()) {
                throw new IllegalArgumentException("an excluded instance has no values");
            }
        }

        public static InstanceRemedy excluded() {
            return new InstanceRemedy(true, Map.of());
        }

        public static InstanceRemedy mapTo(String key, String value) {
            return new InstanceRemedy(false, Map.of(key, value));
        }

        @Override
        public String toString() {
            return exclude ? "exclude" : values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                    .reduce((a, b) -> a + "," + b).orElse("");
        }
    }

    public MigrationPlan(String rsp, String sourceUuid, String targetUuid, Map<String, Map<String, String>> mapping, Set<Offence> excluded,
                         int batchSize) {
        this(rsp, sourceUuid, targetUuid, mapping, excluded, batchSize, Map.of(), null, null);
    }

    /** A value of a characteristic (by rule key) that the target does not allow. */
    public record Offence(String key, String value) {
        @Override
        public String toString() {
            return key + "=" + value;
        }

        public static Offence parse(String text) {
            int eq = text.indexOf('=');
            if (eq < 1 || eq == text.length() - 1) {
                throw new InvalidInputException("'" + text + "' is not KEY=VALUE", "e.g. broadband.technology=fttb");
            }
            return new Offence(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
        }
    }

    public MigrationPlan {
        if (rsp == null || rsp.isBlank()) {
            throw new InvalidInputException("No RSP chosen", "Name the RSP whose instances move, e.g. acme.");
        }
        Identifiers.requireUuid4("Source specification", sourceUuid);
        Identifiers.requireUuid4("Target specification", targetUuid);
        if (sourceUuid.equals(targetUuid)) {
            throw new InvalidInputException("Source and target are the same specification", "Choose a newer major as the target.");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new InvalidInputException("Batch size " + batchSize + " is out of range",
                    String.format("Use 1 to %,d (default %d).", MAX_BATCH_SIZE, DEFAULT_BATCH_SIZE));
        }
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
        perInstance = perInstance == null ? Map.of() : Map.copyOf(perInstance);
        perInstance.keySet().forEach(uuid -> Identifiers.requireUuid4("Instance", uuid));
        nameFilter = nameFilter == null || nameFilter.isBlank() ? null : nameFilter.strip();
    }

    public MigrationPlan withPerInstance(Map<String, InstanceRemedy> remedies) {
        return new MigrationPlan(rsp, sourceUuid, targetUuid, mapping, excluded, batchSize, remedies, nameFilter, relabel);
    }

    public MigrationPlan withNameFilter(String filter) {
        return new MigrationPlan(rsp, sourceUuid, targetUuid, mapping, excluded, batchSize, perInstance, filter, relabel);
    }

    public MigrationPlan withRelabel(Relabel labels) {
        return new MigrationPlan(rsp, sourceUuid, targetUuid, mapping, excluded, batchSize, perInstance, nameFilter, labels);
    }

    /** The value to write on this instance instead of {@code value}: its own remedy first, then the group's mapping; null = none. */
    public String remap(String instanceUuid, String key, String value) {
        InstanceRemedy own = instanceUuid == null ? null : perInstance.get(instanceUuid);
        if (own != null && own.values().containsKey(key)) {
            return own.values().get(key);
        }
        return remap(key, value);
    }

    /** Whether this instance is to stay on the source whatever its values. */
    public boolean excludesInstance(String instanceUuid) {
        InstanceRemedy own = instanceUuid == null ? null : perInstance.get(instanceUuid);
        return own != null && own.exclude();
    }

    /** The value to write instead of {@code value}, or null when it is not remapped. */
    public String remap(String key, String value) {
        return mapping.getOrDefault(key, Map.of()).get(value);
    }

    public boolean excludes(String key, String value) {
        return excluded.contains(new Offence(key, value));
    }

    /** "broadband.technology: fttb → fttn" lines, for the ledger and the reports. */
    public List<String> describeMapping() {
        return mapping.entrySet().stream()
                .flatMap(e -> e.getValue().entrySet().stream().map(v -> e.getKey() + ": " + v.getKey() + " → " + v.getValue()))
                .sorted().toList();
    }
}
