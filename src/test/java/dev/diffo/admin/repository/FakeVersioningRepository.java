package dev.diffo.admin.repository;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.NewSpecification;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationChange;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.VersionEvent;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The versioning repository in memory, as far as ViewModel tests need it: the rules each specification allows. */
public class FakeVersioningRepository implements VersioningRepository {
    public final Map<String, List<CharacteristicRule>> rules = new HashMap<>();

    @Override
    public synchronized List<CharacteristicRule> rules(String specificationUuid) {
        return rules.getOrDefault(specificationUuid, List.of());
    }

    @Override
    public Optional<Specification> latestMajor(String name) {
        throw new UnsupportedOperationException("not kept by this fake");
    }

    @Override
    public Specification apply(String uuid, ZonedDateTime expectedUpdatedAt, SpecificationChange change, EventDraft event) {
        throw new UnsupportedOperationException("not kept by this fake");
    }

    @Override
    public Specification upsert(NewSpecification specification, EventDraft event) {
        throw new UnsupportedOperationException("not kept by this fake");
    }

    @Override
    public Map<String, Long> instancesPerRsp(String uuid) {
        throw new UnsupportedOperationException("not kept by this fake");
    }

    @Override
    public void delete(String uuid, EventDraft event) {
        throw new UnsupportedOperationException("not kept by this fake");
    }

    @Override
    public List<VersionEvent> history(String specificationName) {
        throw new UnsupportedOperationException("not kept by this fake");
    }

    @Override
    public SpecificationSnapshot snapshot(String uuid) {
        throw new UnsupportedOperationException("not kept by this fake");
    }
}
