package dev.diffo.admin.repository;

import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The catalogue contract over the in-memory fake the ViewModel tests use. */
class FakeCatalogueRepositoryContractTest extends CatalogueRepositoryContract {
    private final FakeCatalogueRepository fake = new FakeCatalogueRepository();

    @Override
    protected CatalogueRepository repository() {
        return fake;
    }

    @Override
    protected void seed(Seed s, List<String> instanceNames) {
        fake.specifications.add(new Specification(s.uuid(), s.name(), s.type(), s.major(), s.minor(), s.patch(), 4, null, s.category(), null, null,
                instanceNames.size(), List.of("Provider", "Specification"), null));
        Map<String, Long> perPrefix = new TreeMap<>();
        instanceNames.forEach(n -> perPrefix.merge(n.substring(0, n.indexOf('-')), 1L, Long::sum));
        fake.rsps.put(s.uuid(), perPrefix.entrySet().stream()
                .map(e -> new Rsp.Share(new Rsp(e.getKey(), null, Rsp.FoundBy.NAME_PREFIX), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(Rsp.Share::instances).reversed()).toList());
    }

    @Override
    protected void seedForeign(String label, int count) {
        java.util.Map<String, Long> labels = new java.util.LinkedHashMap<>(fake.foreignLabels);
        labels.put(label, (long) count);
        fake.foreignLabels = labels;
    }
}
