package dev.diffo.admin.catalogue;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationGroup;
import dev.diffo.admin.repository.CatalogueRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue as the screens and the CLI see it: specification names, each with its majors. */
@Singleton
public class CatalogueService {

    /** One read of the catalogue: its tree, what the database holds, and the instance counts to show (an RSP operator's own). */
    public record Snapshot(GraphShape shape, List<SpecificationGroup> groups, String search, InstanceCounts counts) {

        public Snapshot(GraphShape shape, List<SpecificationGroup> groups, String search) {
            this(shape, groups, search, InstanceCounts.EVERY_RSP);
        }

        public long specificationCount() {
            return groups.stream().mapToLong(g -> g.majors().size()).sum();
        }
    }

    private final CatalogueRepository repository;
    private final CurrentAccess access;

    /** As a catalogue manager sees it (tests, tools). */
    public CatalogueService(CatalogueRepository repository) {
        this(repository, new CurrentAccess());
    }

    @Inject
    public CatalogueService(CatalogueRepository repository, CurrentAccess access) {
        this.repository = repository;
        this.access = access;
    }

    /**
     * The catalogue whose name or category contains {@code search}; for an RSP operator the counts are its own share of
     * each version's instances (from the kept counts, or counted where cheap; none where too slow), never every RSP's.
     */
    public Snapshot load(String search) {
        GraphShape shape = repository.inspectShape();
        List<SpecificationGroup> groups = shape.isDiffoShaped() ? group(repository.findSpecifications(search)) : List.of();
        String rsp = access.get().rspKey();
        InstanceCounts counts = rsp == null ? InstanceCounts.EVERY_RSP : new InstanceCounts(rsp, groups.isEmpty() ? Map.of() : repository.instancesOf(rsp));
        return new Snapshot(shape, groups, search == null ? "" : search, counts);
    }

    /** The one specification with this name and major, or a clear error. */
    public Specification require(String name, long major) {
        return repository.findSpecifications(name).stream()
                .filter(s -> s.name().equals(name) && s.majorVersion() == major)
                .findFirst()
                .orElseThrow(() -> new dev.diffo.admin.domain.DiffoAdminException("There is no specification " + name + " v" + major,
                        "See what exists with: diffo-admin catalogue"));
    }

    public Optional<Specification> find(String uuid) {
        return repository.findByUuid(uuid);
    }

    static List<SpecificationGroup> group(List<Specification> specifications) {
        Map<String, List<Specification>> byName = new LinkedHashMap<>();
        specifications.forEach(s -> byName.computeIfAbsent(s.name(), n -> new java.util.ArrayList<>()).add(s));
        return byName.entrySet().stream().map(e -> new SpecificationGroup(e.getKey(), e.getValue())).toList();
    }
}
