package dev.diffo.admin.repository;

import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Scenario.InstanceDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** In-memory instances for ViewModel tests: keyset pages by the query's order, the name and RSP filters, and what was created. */
public class FakeInstanceRepository implements InstanceRepository {
    public final List<InstanceRow> rows = new ArrayList<>();
    public final Map<String, String> specOf = new java.util.HashMap<>();
    public final List<InstanceDraft> created = new ArrayList<>();
    public final List<InstanceQuery> asked = new ArrayList<>();

    /** An instance of {@code spec} found by name prefix (the demo's way). */
    public synchronized void add(String spec, String uuid, String name, String state) {
        InstanceRow row = new InstanceRow(uuid, name, new Rsp(name.contains("-") ? name.substring(0, name.indexOf('-')) : name, null, Rsp.FoundBy.NAME_PREFIX),
                state, "actual", "2026-01-01T00:00Z", List.of("Instance", "Provider"), Map.of());
        rows.add(row);
        specOf.put(uuid, spec);
    }

    private List<InstanceRow> matching(InstanceQuery query) {
        return rows.stream().filter(r -> query.specificationUuid().equals(specOf.get(r.uuid())))
                .filter(r -> query.nameContains() == null || r.name().toLowerCase(Locale.ROOT).contains(query.nameContains().toLowerCase(Locale.ROOT)))
                .filter(r -> query.rsp() == null || r.rsp().equalsIgnoreCase(query.rsp()))
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

    @Override
    public List<String> commonLabels(String specificationUuid) {
        return List.of("Nbn", "Broadband", "Instance", "Provider");
    }

    @Override
    public Optional<String> dynamicValueType(String specificationUuid, String specificationName, String characteristic) {
        return Optional.of("Elixir.Diffo.Nbn.BroadbandValue");
    }

    @Override
    public synchronized void create(InstanceDraft instance) {
        created.add(instance);
        add(instance.specificationUuid(), instance.uuid(), instance.name(), instance.state());
    }
}
