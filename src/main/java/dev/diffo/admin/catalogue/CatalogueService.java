package dev.diffo.admin.catalogue;

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

    /** One read of the catalogue: its tree and what the database holds. */
    public record Snapshot(GraphShape shape, List<SpecificationGroup> groups, String search) {
        public long specificationCount() {
            return groups.stream().mapToLong(g -> g.majors().size()).sum();
        }
    }

    private final CatalogueRepository repository;

    @Inject
    public CatalogueService(CatalogueRepository repository) {
        this.repository = repository;
    }

    public Snapshot load(String search) {
        GraphShape shape = repository.inspectShape();
        List<SpecificationGroup> groups = shape.isDiffoShaped() ? group(repository.findSpecifications(search)) : List.of();
        return new Snapshot(shape, groups, search == null ? "" : search);
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
