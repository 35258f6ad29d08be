package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Neo4jExtension.class)
class CatalogueRepositoryIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final String ROUTER = "0b7c1e9a-3d54-4f6e-8a2b-9c8d7e6f5a41";
    static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 6, 1, 9, 30, 0, 0, ZoneId.of("Etc/UTC"));

    /** A graph as diffo writes it, plus what diffo or others may add that we do not use. */
    static void writeDiffoGraph(TestGraph graph) {
        graph.run("""
                CREATE (v1:Provider:Specification {uuid: $v1, type: 'serviceSpecification', name: 'broadband',
                        majorVersion: 1, minorVersion: 1, patchVersion: 0, tmfVersion: 4,
                        description: 'A broadband access service', category: 'Access',
                        createdAt: $created, updatedAt: $created,
                        vendorNote: 'extra property diffo-admin does not use'})
                CREATE (v2:Provider:Specification:Audited {uuid: $v2, type: 'serviceSpecification', name: 'broadband',
                        majorVersion: 2, minorVersion: 0, patchVersion: 0, tmfVersion: 4,
                        description: 'A broadband access service — :fttb technology retired', category: 'Access',
                        createdAt: '2026-06-02T10:00:00Z', updatedAt: '2026-06-02T10:00:00Z'})
                CREATE (r:Provider:Specification {uuid: $router, type: 'resourceSpecification', name: 'router',
                        majorVersion: 1, minorVersion: 0, patchVersion: 3, tmfVersion: 5, category: 'Equipment'})
                CREATE (a1:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service', name: 'acme-broadband-001', state: 'initial'})
                CREATE (a2:Nbn:Broadband:Instance:Provider:Flagged {uuid: randomUUID(), which: 'actual', type: 'service', name: 'acme-broadband-002', state: 'active', colour: 'red'})
                CREATE (b1:Nbn:BroadbandV2:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service', name: 'beta-broadband-v2-001'})
                CREATE (a1)-[:SPECIFIED_BY]->(v1), (a2)-[:SPECIFIED_BY]->(v1), (b1)-[:SPECIFIED_BY]->(v2)
                CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                        value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.BroadbandValue","value":{"technology":"fttb"}}}'})
                CREATE (a1)-[:HAS]->(c)
                CREATE (e:Provider:Event {uuid: randomUUID(), type: 'serviceCreateEvent'})
                CREATE (a1)-[:FIRED]->(e)
                """, Map.of("v1", V1, "v2", V2, "router", ROUTER, "created", CREATED));
    }

    @Test
    void readsEverySpecificationWithItsInstanceCountOrderedByNameThenNewestMajor(CatalogueRepository repository, TestGraph graph) {
        writeDiffoGraph(graph);

        List<Specification> specs = repository.findSpecifications("");

        assertThat(specs).extracting(Specification::name, Specification::version, Specification::instanceCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("broadband", "v2.0.0", 1L),
                        org.assertj.core.groups.Tuple.tuple("broadband", "v1.1.0", 2L),
                        org.assertj.core.groups.Tuple.tuple("router", "v1.0.3", 0L));
    }

    @Test
    void mapsDiffosPropertiesAndComputesVersionAndHrefLikeDiffo(CatalogueRepository repository, TestGraph graph) {
        writeDiffoGraph(graph);

        Specification v1 = repository.findByUuid(V1).orElseThrow();

        assertThat(v1.name()).isEqualTo("broadband");
        assertThat(v1.type()).isEqualTo(SpecificationType.SERVICE);
        assertThat(v1.version()).isEqualTo("v1.1.0");
        assertThat(v1.href()).isEqualTo("serviceCatalogManagement/v4/serviceSpecification/" + V1);
        assertThat(v1.description()).isEqualTo("A broadband access service");
        assertThat(v1.category()).isEqualTo("Access");
        assertThat(v1.tmfVersion()).isEqualTo(4);
        assertThat(v1.createdAt()).isEqualTo(CREATED);
        assertThat(v1.instanceCount()).isEqualTo(2);
        assertThat(v1.labels()).containsExactly("Provider", "Specification");
    }

    @Test
    void toleratesExtraLabelsExtraPropertiesAndOldIsoStringTimestamps(CatalogueRepository repository, TestGraph graph) {
        writeDiffoGraph(graph);

        Specification v2 = repository.findByUuid(V2).orElseThrow();
        Specification router = repository.findByUuid(ROUTER).orElseThrow();

        assertThat(v2.labels()).contains("Audited");
        assertThat(v2.createdAt()).isEqualTo(ZonedDateTime.parse("2026-06-02T10:00:00Z"));
        assertThat(router.type()).isEqualTo(SpecificationType.RESOURCE);
        assertThat(router.href()).isEqualTo("resourceCatalogManagement/v5/resourceSpecification/" + ROUTER);
        assertThat(router.description()).isNull();
        assertThat(router.createdAt()).isNull();
    }

    @Test
    void searchMatchesNameOrCategoryIgnoringCase(CatalogueRepository repository, TestGraph graph) {
        writeDiffoGraph(graph);

        assertThat(repository.findSpecifications("BROAD")).extracting(Specification::uuid).containsExactly(V2, V1);
        assertThat(repository.findSpecifications("equip")).extracting(Specification::uuid).containsExactly(ROUTER);
        assertThat(repository.findSpecifications("nothing-like-this")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR 1=1 //", "\") DETACH DELETE n //", "broad'}) MATCH (x) DETACH DELETE x //", "$search", "\\", "`Specification`"})
    void searchWithCypherMetacharactersIsAPlainParameter(String hostile, CatalogueRepository repository, TestGraph graph) {
        writeDiffoGraph(graph);
        String before = graph.fingerprint();

        assertThat(repository.findSpecifications(hostile)).isEmpty();
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void shapeOfAnEmptyDatabase(CatalogueRepository repository) {
        GraphShape shape = repository.inspectShape();

        assertThat(shape.isEmpty()).isTrue();
        assertThat(shape.isForeign()).isFalse();
    }

    @Test
    void shapeOfADiffoGraphCountsSpecificationsAndInstances(CatalogueRepository repository, TestGraph graph) {
        writeDiffoGraph(graph);

        GraphShape shape = repository.inspectShape();

        assertThat(shape.isDiffoShaped()).isTrue();
        assertThat(shape.specificationCount()).isEqualTo(3);
        assertThat(shape.instanceCount()).isEqualTo(3);
        assertThat(shape.warnings()).isEmpty();
    }

    @Test
    void shapeOfAForeignDatabaseSaysWhatWasFound(CatalogueRepository repository, TestGraph graph) {
        graph.run("UNWIND range(1, 5) AS i CREATE (:Person {name: 'p' + i})");
        graph.run("CREATE (:Movie {title: 'The Matrix'})");

        GraphShape shape = repository.inspectShape();

        assertThat(shape.isForeign()).isTrue();
        assertThat(shape.describeLabels(8)).isEqualTo("Person (5), Movie (1)");
    }

    @Test
    void shapeWarnsAboutDuplicateIdentitiesAndSpecificationsDiffoCannotSee(CatalogueRepository repository, TestGraph graph) {
        writeDiffoGraph(graph);
        graph.run("CREATE (:Provider:Specification {uuid: randomUUID(), name: 'broadband', majorVersion: 2})");
        graph.run("CREATE (:Specification {uuid: randomUUID(), name: 'orphan', majorVersion: 1})");

        GraphShape shape = repository.inspectShape();

        assertThat(shape.duplicateIdentities()).containsExactly("broadband major 2 (2 nodes)");
        assertThat(shape.specificationsWithoutProvider()).isEqualTo(1);
        assertThat(shape.warnings()).hasSize(2);
        assertThat(repository.findSpecifications("orphan").getFirst().invisibleToDiffo()).isTrue();
    }

    /** Labels the database still knows with no node (e.g. those of diffo-admin's own constraints) are not what it holds. */
    @Test
    void aForeignDatabaseListsOnlyLabelsThatHaveNodes(CatalogueRepository repository, Neo4jSchema schema, TestGraph graph) {
        schema.require("test");
        graph.wipe();
        graph.run("UNWIND range(1, 5) AS i CREATE (:Person {name: 'p' + i})");
        graph.run("CREATE (:Movie {title: 'The Matrix'})");

        GraphShape shape = repository.inspectShape();

        assertThat(shape.isForeign()).isTrue();
        assertThat(shape.describeLabels(8)).isEqualTo("Person (5), Movie (1)");
    }
}
