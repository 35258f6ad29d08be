package dev.diffo.admin.repository;

import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Scenario.CharacteristicDraft;
import dev.diffo.admin.domain.Scenario.InstanceDraft;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * In-memory instances for ViewModel tests: keyset pages by the query's order, the name, RSP and value filters,
 * and what was created. Kept in step with the real repository by {@link InstanceRepositoryContract}: create
 * refuses a taken name or id, a missing, frozen or withdrawn specification and the wrong kind, writing nothing.
 */
public class FakeInstanceRepository implements InstanceRepository {
    public final List<InstanceRow> rows = new ArrayList<>();
    public final Map<String, String> specOf = new java.util.HashMap<>();
    public final List<InstanceDraft> created = new ArrayList<>();
    public final List<InstanceQuery> asked = new ArrayList<>();
    /** The keys of the parties in the graph (an RSP keyed by a party relates its new instances to it). */
    public final java.util.Set<String> parties = new java.util.HashSet<>();

    private record Spec(String name, long major, SpecificationType type, SpecificationStatus status) {
    }

    private final Map<String, Spec> specifications = new HashMap<>();
    /** Instance uuid → its characteristics (name → stored JSON). */
    private final Map<String, Map<String, String>> characteristics = new HashMap<>();

    /** A specification instances may stand on. */
    public synchronized void specification(String uuid, String name, long major, SpecificationType type, SpecificationStatus status) {
        specifications.put(uuid, new Spec(name, major, type, status));
    }

    /** An instance of {@code spec} found by name prefix (the demo's way); a specification first seen here is a current service one. */
    public synchronized void add(String spec, String uuid, String name, String state) {
        add(spec, uuid, name, state, List.of("Instance", "Provider"), Map.of());
    }

    /** The same, carrying a characteristic with this stored JSON value (diffo's canonical JSON). */
    public synchronized void add(String spec, String uuid, String name, String state, String characteristic, String json) {
        add(spec, uuid, name, state, List.of("Instance", "Provider"), Map.of(characteristic, json));
    }

    private void add(String spec, String uuid, String name, String state, List<String> labels, Map<String, String> stored) {
        add(spec, uuid, name, state, labels, stored, new Rsp(name.contains("-") ? name.substring(0, name.indexOf('-')) : name, null, Rsp.FoundBy.NAME_PREFIX));
    }

    private void add(String spec, String uuid, String name, String state, List<String> labels, Map<String, String> stored, Rsp owner) {
        specifications.putIfAbsent(spec, new Spec(null, 0, SpecificationType.SERVICE, SpecificationStatus.CURRENT));
        Map<String, String> values = new TreeMap<>();
        stored.forEach((characteristic, json) -> DiffoShape.flatten(characteristic, json, values));
        InstanceRow row = new InstanceRow(uuid, name, owner,
                state, "actual", "2026-01-01T00:00Z", labels, values, stored);
        rows.add(row);
        specOf.put(uuid, spec);
        characteristics.put(uuid, new LinkedHashMap<>(stored));
    }

    private List<InstanceRow> matching(InstanceQuery query) {
        return rows.stream().filter(r -> query.specificationUuid().equals(specOf.get(r.uuid())))
                .filter(r -> query.nameContains() == null || r.name().toLowerCase(Locale.ROOT).contains(query.nameContains().toLowerCase(Locale.ROOT)))
                .filter(r -> query.rsp() == null || r.rsp().equalsIgnoreCase(query.rsp()))
                .filter(r -> query.valueKey() == null || query.value().equals(r.values().get(query.valueKey())))
                .toList();
    }

    private static Function<InstanceRow, String> key(InstanceQuery.Sort sort) {
        return switch (sort) {
            case NAME -> InstanceRow::name;
            case ID -> InstanceRow::uuid;
            case STATE -> r -> r.state() == null ? "" : r.state();
            case CREATED -> r -> r.createdAt() == null ? "" : r.createdAt();
        };
    }

    @Override
    public synchronized InstanceQuery.Page page(InstanceQuery query, InstanceQuery.Cursor after) {
        asked.add(query);
        Function<InstanceRow, String> key = key(query.sort());
        Comparator<InstanceRow> order = Comparator.comparing(key).thenComparing(InstanceRow::uuid);
        if (query.descending()) {
            order = order.reversed();
        }
        Comparator<InstanceRow> o = order;
        List<InstanceRow> sorted = matching(query).stream().sorted(o).filter(r -> {
            if (after == null) {
                return true;
            }
            int c = key.apply(r).compareTo(after.key());
            int byKey = c != 0 ? c : r.uuid().compareTo(after.uuid());
            return query.descending() ? byKey < 0 : byKey > 0;
        }).toList();
        boolean more = sorted.size() > query.pageSize();
        return new InstanceQuery.Page(more ? sorted.subList(0, query.pageSize()) : sorted, more);
    }

    @Override
    public synchronized long count(InstanceQuery query) {
        return matching(query).size();
    }

    /** The label set most of the version's instances carry (none without instances), as the real one. */
    @Override
    public synchronized List<String> commonLabels(String specificationUuid) {
        Map<List<String>, Long> sets = new LinkedHashMap<>();
        rows.stream().filter(r -> specificationUuid.equals(specOf.get(r.uuid()))).forEach(r -> sets.merge(r.labels(), 1L, Long::sum));
        return sets.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(List.of());
    }

    /** From the version's own instances first, else from the newest other major of the name; empty when none carries one. */
    @Override
    public synchronized Optional<String> dynamicValueType(String specificationUuid, String specificationName, String characteristic) {
        Comparator<String> ownFirst = Comparator.comparing((String spec) -> !spec.equals(specificationUuid))
                .thenComparing(spec -> -specifications.get(spec).major());
        return specifications.entrySet().stream()
                .filter(e -> e.getKey().equals(specificationUuid) || (specificationName != null && specificationName.equals(e.getValue().name())))
                .map(Map.Entry::getKey).sorted(ownFirst)
                .flatMap(spec -> rows.stream().filter(r -> spec.equals(specOf.get(r.uuid())))
                        .map(r -> characteristics.getOrDefault(r.uuid(), Map.of()).get(characteristic))
                        .filter(json -> json != null && json.contains("\"dynamic\"")).limit(1))
                .findFirst()
                .flatMap(json -> {
                    var type = CanonicalJson.read(json).path("value").path("type");
                    return type.isTextual() ? Optional.of(type.asText()) : Optional.empty();
                });
    }

    @Override
    public synchronized void create(InstanceDraft instance) {
        rows.stream().filter(r -> r.name().equals(instance.name())).findFirst().ifPresent(r -> {
            throw new DiffoAdminException(r.uuid().equals(instance.uuid()) ? "Instance " + instance.name() + " already exists"
                    : "Instance " + instance.name() + " already exists with another id (" + r.uuid() + ")", "Nothing was written.");
        });
        rows.stream().filter(r -> r.uuid().equals(instance.uuid())).findFirst().ifPresent(r -> {
            throw new DiffoAdminException("Instance id " + instance.uuid() + " already belongs to " + r.name(), "Nothing was written.");
        });
        Spec spec = specifications.get(instance.specificationUuid());
        if (spec == null) {
            throw new DiffoAdminException("Instance " + instance.name() + " names specification " + instance.specificationUuid()
                    + ", which does not exist", "Nothing was written.");
        }
        if (!spec.status().acceptsNewInstances()) {
            throw new DiffoAdminException("Cannot create instance " + instance.name() + ": " + spec.name() + " v" + spec.major() + " is "
                    + spec.status().stored(), "Nothing was written.");
        }
        if (!spec.type().instanceType().equals(instance.type())) {
            throw new DiffoAdminException("Instance " + instance.name() + " is a " + instance.type() + " but its specification is a "
                    + spec.type().stored(), "Nothing was written.");
        }
        if (instance.rspParty() != null && !parties.contains(instance.rspParty())) {
            throw new DiffoAdminException("Instance " + instance.name() + " was not created: there is no party " + instance.rspParty(), "Nothing was written.");
        }
        created.add(instance);
        Map<String, String> stored = new LinkedHashMap<>();
        for (CharacteristicDraft c : instance.characteristics()) {
            stored.put(c.name(), c.valueJson());
        }
        if (instance.rspParty() == null) {
            add(instance.specificationUuid(), instance.uuid(), instance.name(), instance.state(), instance.labels(), stored);
        } else {
            add(instance.specificationUuid(), instance.uuid(), instance.name(), instance.state(), instance.labels(), stored,
                    new Rsp(instance.rspParty(), null, Rsp.FoundBy.PARTY, "Reseller"));
        }
    }

    @Override
    public synchronized boolean hasParty(String key) {
        return parties.contains(key);
    }
}
