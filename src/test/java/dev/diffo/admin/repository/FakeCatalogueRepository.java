package dev.diffo.admin.repository;

import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.Specification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory catalogue for ViewModel tests: the specifications a test puts in, and the searches it was asked for. */
public class FakeCatalogueRepository implements CatalogueRepository {
    public final List<Specification> specifications = new ArrayList<>();
    public Map<String, Long> foreignLabels = Map.of();
    public final List<String> searches = new ArrayList<>();
    public final Map<String, List<dev.diffo.admin.domain.Rsp.Share>> rsps = new java.util.HashMap<>();

    @Override
    public synchronized List<dev.diffo.admin.domain.Rsp.Share> rsps(String specificationUuid) {
        return rsps.getOrDefault(specificationUuid, List.of());
    }

    @Override
    public synchronized List<Specification> findSpecifications(String search) {
        searches.add(search);
        return specifications.stream().filter(s -> s.name().contains(search.toLowerCase())).toList();
    }

    @Override
    public synchronized Optional<Specification> findByUuid(String uuid) {
        return specifications.stream().filter(s -> s.uuid().equals(uuid)).findFirst();
    }

    @Override
    public synchronized GraphShape inspectShape() {
        long foreign = foreignLabels.values().stream().mapToLong(Long::longValue).sum();
        return new GraphShape(specifications.size() + foreign, specifications.size(), 0, 0, List.of(), foreignLabels);
    }
}
