package dev.diffo.admin.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One instance as the instances table shows it: its identity, owner (the RSP: diffo's party where the data has
 * one, else the name prefix), lifecycle state, labels and characteristic values flattened to
 * {@code broadband.technology → fttb}.
 */
public record InstanceRow(String uuid, String name, Rsp owner, String state, String which, String createdAt, List<String> labels,
                          Map<String, String> values, Map<String, String> stored) {

    /** {@code stored}: each characteristic's value as diffo stored it (its name → the JSON), for the Raw JSON column. */
    public InstanceRow {
        labels = labels == null ? List.of() : List.copyOf(labels);
        values = values == null ? Map.of() : Map.copyOf(values);
        stored = stored == null ? Map.of() : Map.copyOf(stored);
    }

    /** A row whose stored JSON is not at hand (its fields only). */
    public InstanceRow(String uuid, String name, Rsp owner, String state, String which, String createdAt, List<String> labels,
                       Map<String, String> values) {
        this(uuid, name, owner, state, which, createdAt, labels, values, Map.of());
    }

    /** The RSP's key (a party key, or the name prefix). */
    public String rsp() {
        return owner == null ? null : owner.key();
    }

    /** When it was created, as dates are shown to a person (local time with zone). */
    public String createdAtDisplay() {
        return Dates.displayIso(createdAt);
    }

    /** {@code broadband.technology: fttb, speed: 100}, keys sorted: each field and its value. */
    public String valuesText() {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** {@code broadband: {"type":"dynamic",…}}, characteristics sorted and joined by {@code ; }: the JSON as stored. */
    public String storedText() {
        return stored.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
