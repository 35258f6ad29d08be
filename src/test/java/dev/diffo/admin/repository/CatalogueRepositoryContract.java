package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the catalogue's services rely on from a {@link CatalogueRepository}, written against the interface only: run
 * over the in-memory fake ({@code FakeCatalogueRepositoryContractTest}) and over Neo4j
 * ({@code Neo4jCatalogueRepositoryContractIT}), so the fake cannot drift from the real repository.
 */
abstract class CatalogueRepositoryContract {

    /** A specification as diffo writes it. */
    record Seed(String uuid, String name, SpecificationType type, long major, long minor, long patch, String category) {
    }

    static final String BROADBAND_V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String BROADBAND_V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final String ROUTER = "0b7c1e9a-3d54-4f6e-8a2b-9c8d7e6f5a41";
    static final String ACCESS = "5d2f9c1e-7a3b-4e8d-9f60-1b2c3d4e5f60";

    protected abstract CatalogueRepository repository();

    /** Puts the specification in with instances of these names (no party: their RSP is the name's prefix). */
    protected abstract void seed(Seed specification, List<String> instanceNames);

    /** Puts in {@code count} nodes of a label that is not diffo's (another application's data). */
    protected abstract void seedForeign(String label, int count);

    private void seedCatalogue() {
        seed(new Seed(ROUTER, "router", SpecificationType.RESOURCE, 1, 0, 3, "Equipment"), List.of());
        seed(new Seed(BROADBAND_V1, "broadband", SpecificationType.SERVICE, 1, 1, 0, "Access"),
                List.of("acme-broadband-001", "acme-broadband-002", "beta-broadband-001"));
        seed(new Seed(BROADBAND_V2, "broadband", SpecificationType.SERVICE, 2, 0, 0, "Access"), List.of("beta-broadband-v2-001"));
        seed(new Seed(ACCESS, "accessPoint", SpecificationType.RESOURCE, 1, 0, 0, "Broadband equipment"), List.of());
    }

    @Test
    void listsEverySpecificationByNameThenNewestMajorWithItsInstanceCount() {
        seedCatalogue();

        assertThat(repository().findSpecifications("")).extracting(Specification::name, Specification::version, Specification::instanceCount)
                .containsExactly(
                        tuple("accessPoint", "v1.0.0", 0L),
                        tuple("broadband", "v2.0.0", 1L),
                        tuple("broadband", "v1.1.0", 3L),
                        tuple("router", "v1.0.3", 0L));
    }

    @Test
    void searchMatchesNameOrCategoryInAnyCase() {
        seedCatalogue();

        assertThat(repository().findSpecifications("BROAD")).extracting(Specification::uuid).containsExactly(ACCESS, BROADBAND_V2, BROADBAND_V1);
        assertThat(repository().findSpecifications("equip")).extracting(Specification::uuid).containsExactly(ACCESS, ROUTER);
        assertThat(repository().findSpecifications("  Router ")).extracting(Specification::uuid).containsExactly(ROUTER);
        assertThat(repository().findSpecifications("nothing-like-this")).isEmpty();
    }

    @Test
    void findsASpecificationByItsIdWithDiffosFields() {
        seedCatalogue();

        Specification v1 = repository().findByUuid(BROADBAND_V1).orElseThrow();

        assertThat(v1.name()).isEqualTo("broadband");
        assertThat(v1.type()).isEqualTo(SpecificationType.SERVICE);
        assertThat(v1.version()).isEqualTo("v1.1.0");
        assertThat(v1.category()).isEqualTo("Access");
        assertThat(v1.instanceCount()).isEqualTo(3);
        assertThat(repository().findByUuid("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a")).isEmpty();
    }

    @Test
    void rspsOnASpecificationAreCountedByNamePrefixMostFirst() {
        seedCatalogue();

        assertThat(repository().rsps(BROADBAND_V1)).extracting(s -> s.rsp().key(), s -> s.rsp().foundBy(), Rsp.Share::instances)
                .containsExactly(tuple("acme", Rsp.FoundBy.NAME_PREFIX, 2L), tuple("beta", Rsp.FoundBy.NAME_PREFIX, 1L));
        assertThat(repository().rsps(ROUTER)).isEmpty();
    }

    @Test
    void anEmptyDatabaseIsEmptyAndNotForeign() {
        GraphShape shape = repository().inspectShape();

        assertThat(shape.isEmpty()).isTrue();
        assertThat(shape.isForeign()).isFalse();
        assertThat(repository().findSpecifications("")).isEmpty();
    }

    @Test
    void theShapeOfADiffoCatalogueCountsItsSpecificationsAndInstances() {
        seedCatalogue();

        GraphShape shape = repository().inspectShape();

        assertThat(shape.isDiffoShaped()).isTrue();
        assertThat(shape.specificationCount()).isEqualTo(4);
        assertThat(shape.instanceCount()).isEqualTo(4);
        assertThat(shape.warnings()).isEmpty();
    }

    @Test
    void aForeignDatabaseSaysWhatItHoldsMostFirstAndListsNoSpecification() {
        seedForeign("Person", 5);
        seedForeign("Movie", 1);

        GraphShape shape = repository().inspectShape();

        assertThat(shape.isForeign()).isTrue();
        assertThat(shape.nodeCount()).isEqualTo(6);
        assertThat(shape.describeLabels(8)).isEqualTo("Person (5), Movie (1)");
        assertThat(repository().findSpecifications("")).isEmpty();
    }
}
