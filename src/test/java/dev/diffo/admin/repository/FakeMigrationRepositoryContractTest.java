package dev.diffo.admin.repository;

import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import java.util.List;
import java.util.Map;

/** The migration contract over the in-memory fake the ViewModel tests use. */
class FakeMigrationRepositoryContractTest extends MigrationRepositoryContract {
    private final FakeCatalogueRepository catalogue = new FakeCatalogueRepository();
    private final FakeMigrationRepository fake = new FakeMigrationRepository(catalogue);

    @Override
    protected MigrationRepository repository() {
        return fake;
    }

    @Override
    protected void seedSpecification(String uuid, long major) {
        catalogue.specifications.add(new Specification(uuid, "broadband", SpecificationType.SERVICE, major, 0, 0, 4, null, null, null, null, 0,
                List.of("Provider", "Specification"), null));
    }

    @Override
    protected void seedInstance(String specificationUuid, String name, String broadbandJson) {
        fake.add(specificationUuid, name, Map.of("broadband", broadbandJson), LABELS.toArray(String[]::new));
    }

    @Override
    protected void respecify(String name, String specificationUuid) {
        fake.respecify(name, specificationUuid);
    }

    @Override
    protected void deleteInstance(String name) {
        fake.delete(name);
    }
}
