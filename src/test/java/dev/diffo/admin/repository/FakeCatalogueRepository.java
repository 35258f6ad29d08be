package dev.diffo.admin.repository;

import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.Specification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory catalogue for ViewModel tests: the specifications a test puts in (their instances counted in each
 * one's {@code instanceCount}), and the searches it was asked for. Kept in step with the real repository by
 * {@link CatalogueRepositoryContract}.
 */
public class FakeCatalogueRepository implements CatalogueRepository {
    public final List<Specification> specifications = new ArrayList<>();
    public Map<String, Long> foreignLabels = Map.of();
    public final List<String> searches = new ArrayList<>();
    public final Map<String, List<dev.diffo.admin.domain.Rsp.Share>> rsps = new java.util.HashMap<>();
    private final FakeVersioningRepository versioning;

    public FakeCatalogueRepository() {
        this(null);
    }

    /** A catalogue that also lists what {@code versioning} holds, as one database would (for View tests where both are in play). */
    public FakeCatalogueRepository(FakeVersioningRepository versioning) {
        this.versioning = versioning;
    }

    private List<Specification> all() {
        if (versioning == null) {
            return specifications;
        }
        List<Specification> all = new ArrayList<>(specifications);
        synchronized (versioning) {
            all.addAll(versioning.specifications.values());
        }
        return all;
    }

    @Override
    public synchronized List<dev.diffo.admin.domain.Rsp.Share> rsps(String specificationUuid) {
        return rsps.getOrDefault(specificationUuid, List.of());
    }

    /** An RSP's share of each specification from the RSP shares set in {@link #rsps}; null where a specification has instances but no shares set. */
    @Override
    public synchronized Map<String, Long> instancesOf(String rsp) {
        Map<String, Long> own = new java.util.HashMap<>();
        for (Specification s : all()) {
            List<dev.diffo.admin.domain.Rsp.Share> shares = rsps.get(s.uuid());
            own.put(s.uuid(), s.instanceCount() == 0 ? Long.valueOf(0) : shares == null ? null
                    : shares.stream().filter(share -> share.rsp().key().equalsIgnoreCase(rsp)).mapToLong(dev.diffo.admin.domain.Rsp.Share::instances).sum());
        }
        return own;
    }

    @Override
    public synchronized List<Specification> findSpecifications(String search) {
        searches.add(search);
        String needle = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
        // as the real one: name or category, any case, by name then newest major first
        return all().stream()
                .filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || (s.category() != null && s.category().toLowerCase(java.util.Locale.ROOT).contains(needle)))
                .sorted(java.util.Comparator.comparing(Specification::name).thenComparing(java.util.Comparator.comparingLong(Specification::majorVersion).reversed()))
                .toList();
    }

    @Override
    public synchronized Optional<Specification> findByUuid(String uuid) {
        return all().stream().filter(s -> s.uuid().equals(uuid)).findFirst();
    }

    @Override
    public synchronized GraphShape inspectShape() {
        long foreign = foreignLabels.values().stream().mapToLong(Long::longValue).sum();
        List<Specification> all = all();
        long instances = all.stream().mapToLong(Specification::instanceCount).sum();
        return new GraphShape(all.size() + instances + foreign, all.size(), instances, 0, List.of(), foreignLabels);
    }
}
