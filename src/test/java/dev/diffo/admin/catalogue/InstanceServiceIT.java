package dev.diffo.admin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceQuery.Sort;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import dev.diffo.admin.versioning.VersioningService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The instances table's reads and the create path, on the real embedded Neo4j with the demo loaded. */
@ExtendWith(Neo4jExtension.class)
class InstanceServiceIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";

    InstanceService instances;
    TestGraph graph;

    @BeforeEach
    void seed(DemoService demo, InstanceService instances, TestGraph graph) {
        demo.loadDemo();
        this.instances = instances;
        this.graph = graph;
    }

    /** n more instances of an RSP on v1, in diffo's shape; every third carries fttb, and all share one state so that sort keys tie. */
    void more(String rsp, int n) {
        graph.run("""
                MATCH (v1:Specification {uuid: $v1})
                UNWIND range(1, $n) AS k
                CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service',
                        name: $rsp + '-bulk-' + right('0000' + toString(k), 4), state: 'active',
                        createdAt: datetime({timezone: 'Etc/UTC'}), updatedAt: datetime({timezone: 'Etc/UTC'})})
                CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                        value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.BroadbandValue","value":{"technology":"'
                               + CASE WHEN k % 3 = 0 THEN 'fttb' ELSE 'fttp' END + '"}}}'})
                CREATE (i)-[:SPECIFIED_BY]->(v1), (i)-[:HAS]->(c)
                """, Map.of("v1", V1, "n", n, "rsp", rsp));
    }

    static InstanceQuery query(Sort sort, boolean descending, int pageSize) {
        return new InstanceQuery(V1, null, null, null, null, sort, descending, pageSize);
    }

    List<InstanceRow> everyPage(InstanceQuery query) {
        List<InstanceRow> rows = new ArrayList<>();
        InstanceQuery.Cursor after = null;
        for (int pages = 0; pages < 1_000; pages++) {
            InstanceQuery.Page page = instances.page(query, after);
            assertThat(page.rows().size()).isLessThanOrEqualTo(query.pageSize());
            rows.addAll(page.rows());
            if (!page.hasMore()) {
                return rows;
            }
            after = page.next(query.sort());
        }
        throw new AssertionError("paging never ended");
    }

    @Test
    void theDemosV1ListsAcmesTwoInstancesWithRspStateAndValues() {
        InstanceQuery.Page page = instances.page(InstanceQuery.of(V1), null);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.rows()).extracting(InstanceRow::name).containsExactly("acme-broadband-001", "acme-broadband-002");
        InstanceRow first = page.rows().getFirst();
        assertThat(first.rsp()).isEqualTo("acme");
        assertThat(first.state()).isEqualTo("initial");
        assertThat(first.uuid()).isEqualTo("5c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5");
        assertThat(first.values()).containsEntry("broadband.technology", "fttb");
        assertThat(first.valuesText()).isEqualTo("broadband.technology: fttb");
        // the JSON as diffo stored it, for the table's Raw JSON column
        assertThat(first.stored()).containsOnlyKeys("broadband");
        assertThat(first.storedText()).startsWith("broadband: {\"type\":\"dynamic\"").contains("\"technology\":\"fttb\"");
        assertThat(instances.count(InstanceQuery.of(V1))).isEqualTo(2);
    }

    @Test
    void keysetPagesVisitEveryInstanceOnceInOrderEvenWhenSortKeysTie() {
        more("acme", 37);
        more("beta", 20);
        for (Sort sort : Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                InstanceQuery query = query(sort, descending, 7);
                List<InstanceRow> rows = everyPage(query);
                assertThat(rows).as("%s %s", sort, descending ? "desc" : "asc").hasSize(59);
                assertThat(rows.stream().map(InstanceRow::uuid).distinct().count()).isEqualTo(59);
                List<InstanceRow> sorted = new ArrayList<>(rows);
                java.util.Comparator<InstanceRow> order = java.util.Comparator.comparing((InstanceRow r) -> key(r, sort)).thenComparing(InstanceRow::uuid);
                sorted.sort(descending ? order.reversed() : order);
                assertThat(rows).as("%s %s", sort, descending ? "desc" : "asc").containsExactlyElementsOf(sorted);
            }
        }
    }

    @Test
    void aLargeSpecificationPagesByNameAndIdFromTheIndexesInTheSameOrder(ReadSchemaService readSchema) {
        more("acme", 9_999);
        more("beta", 9_999);
        more("gamma", 2_100);
        assertThat(instances.count(InstanceQuery.of(V1))).as("above the size where pages come from the indexes").isGreaterThan(20_000);
        readSchema.prepare(Progress.NONE); // what connecting does, in the background; no read creates an index
        graph.run("CALL db.awaitIndexes(120)");
        assertThat(readSchema.indexesNotOnline()).as("the read indexes built on connect").isNull();
        for (Sort sort : new Sort[] {Sort.NAME, Sort.ID}) {
            for (boolean descending : new boolean[] {false, true}) {
                InstanceQuery query = query(sort, descending, 1_000);
                List<InstanceRow> rows = everyPage(query);
                assertThat(rows).as("%s %s", sort, descending ? "desc" : "asc").hasSize(22_100);
                List<InstanceRow> sorted = new ArrayList<>(rows);
                java.util.Comparator<InstanceRow> order = java.util.Comparator.comparing((InstanceRow r) -> key(r, sort)).thenComparing(InstanceRow::uuid);
                sorted.sort(descending ? order.reversed() : order);
                assertThat(rows).as("%s %s", sort, descending ? "desc" : "asc").containsExactlyElementsOf(sorted);
            }
        }
        InstanceQuery gammaFttb = new InstanceQuery(V1, "bulk-1", "GAMMA", "broadband.technology", "fttb", Sort.NAME, true, 50);
        List<InstanceRow> filtered = everyPage(gammaFttb);
        assertThat(filtered).hasSize((int) instances.count(gammaFttb)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.name()).startsWith("gamma-bulk-1"))
                .allSatisfy(r -> assertThat(r.values()).containsEntry("broadband.technology", "fttb"));
        assertThat(filtered.getFirst().name()).isGreaterThan(filtered.getLast().name());
    }

    static String key(InstanceRow r, Sort sort) {
        String key = switch (sort) {
            case NAME -> r.name();
            case ID -> r.uuid();
            case STATE -> r.state();
            case CREATED -> r.createdAt();
        };
        return key == null ? "" : key;
    }

    @Test
    void filtersByNameRspAndCharacteristicValueAndCountsWhatTheySelect() {
        more("acme", 30);
        more("beta", 12);
        InstanceQuery beta = new InstanceQuery(V1, null, "BETA", null, null, Sort.NAME, false, 100);
        assertThat(instances.page(beta, null).rows()).hasSize(12).allSatisfy(r -> assertThat(r.rsp()).isEqualTo("beta"));
        assertThat(instances.count(beta)).isEqualTo(12);

        InstanceQuery fttb = new InstanceQuery(V1, null, "acme", "broadband.technology", "fttb", Sort.NAME, false, 100);
        List<InstanceRow> rows = everyPage(fttb);
        assertThat(rows).hasSize(11).allSatisfy(r -> assertThat(r.values()).containsEntry("broadband.technology", "fttb"));
        assertThat(rows).extracting(InstanceRow::name).contains("acme-broadband-001");
        assertThat(instances.count(fttb)).isEqualTo(11);

        InstanceQuery named = new InstanceQuery(V1, "BULK-001", null, null, null, Sort.NAME, false, 100);
        assertThat(instances.page(named, null).rows()).extracting(InstanceRow::name)
                .hasSize(13).startsWith("acme-bulk-0010", "acme-bulk-0011").endsWith("beta-bulk-0011", "beta-bulk-0012");
        assertThat(instances.count(named)).isEqualTo(13);

        InstanceQuery nothing = new InstanceQuery(V1, null, null, "broadband.technology", "ftt", Sort.NAME, false, 100);
        assertThat(instances.page(nothing, null).rows()).as("a value matches whole, not as a prefix").isEmpty();
    }

    @Test
    void aFilterWithAKeyButNoValueIsRefused() {
        assertThatThrownBy(() -> new InstanceQuery(V1, null, null, "broadband.technology", " ", Sort.NAME, false, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs both");
    }

    @Test
    void createBuildsAnInstanceInDiffosShapeOnTheChosenVersion() {
        String uuid = instances.create(V2, "acme-broadband-003", Map.of("broadband.technology", "fw"));
        String onV1 = instances.create(V1, "acme-broadband-004", Map.of("broadband.technology", "fttn"));
        var created = graph.query("""
                MATCH (i:Instance {uuid: $uuid})-[:SPECIFIED_BY]->(s)
                RETURN labels(i) AS labels, i.name AS name, i.type AS type, i.which AS which, i.state AS state, i.createdAt IS NOT NULL AS stamped,
                       s.uuid AS spec, COUNT { (i)-[:SPECIFIED_BY]->() } AS specs,
                       [(i)-[:HAS]->(c:Characteristic:Provider) | c {.name, .value, .type, .isArray, .uuid}] AS chars
                """, Map.of("uuid", uuid)).getFirst();
        assertThat(created.get("labels").asList(org.neo4j.driver.Value::asString)).containsExactlyInAnyOrder("Nbn", "BroadbandV2", "Instance", "Provider");
        assertThat(created.get("name").asString()).isEqualTo("acme-broadband-003");
        assertThat(created.get("type").asString()).isEqualTo("service");
        assertThat(created.get("which").asString()).isEqualTo("actual");
        assertThat(created.get("state").asString()).isEqualTo("initial");
        assertThat(created.get("stamped").asBoolean()).isTrue();
        assertThat(created.get("spec").asString()).isEqualTo(V2);
        assertThat(created.get("specs").asLong()).isEqualTo(1);
        var chars = created.get("chars").asList(v -> v.asMap());
        assertThat(chars).hasSize(1);
        assertThat(chars.getFirst()).containsEntry("name", "broadband").containsEntry("type", "instance").containsEntry("isArray", false)
                .containsEntry("value", "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandV2Value\",\"value\":{\"technology\":\"fw\"}}}");
        assertThat(graph.query("MATCH (i:Instance {uuid: $uuid})-[:HAS]->(c) RETURN labels(i) AS labels, c.value AS value", Map.of("uuid", onV1)).getFirst())
                .satisfies(r -> assertThat(r.get("value").asString()).as("the value type of instances on the same version").contains("Elixir.Diffo.Nbn.BroadbandValue"))
                .satisfies(r -> assertThat(r.get("labels").asList(org.neo4j.driver.Value::asString)).contains("Broadband").doesNotContain("BroadbandV2"));
        assertThat(instances.page(new InstanceQuery(V2, "003", null, null, null, Sort.NAME, false, 10), null).rows())
                .singleElement().satisfies(r -> assertThat(r.rsp()).isEqualTo("acme"));
    }

    @Test
    void aValueTheVersionDoesNotAllowIsRefusedAndNothingIsWritten() {
        String before = graph.fingerprint();
        assertThatThrownBy(() -> instances.create(V2, "acme-broadband-003", Map.of("broadband.technology", "fttb")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("broadband.technology = fttb is not allowed by broadband v2.0.0")
                .satisfies(e -> assertThat(((InvalidInputException) e).hint()).contains("fttc, fttn, fttp, fw"));
        assertThatThrownBy(() -> instances.create(V2, "acme-broadband-003", Map.of("broadband.speed", "100")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no characteristic value broadband.speed");
        assertThatThrownBy(() -> instances.create(V2, "acme broadband/003", Map.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void aTakenNameOrAFrozenVersionIsRefusedAndNothingIsWritten(VersioningService versioning, CatalogueRepository catalogue) {
        String before = graph.fingerprint();
        assertThatThrownBy(() -> instances.create(V1, "acme-broadband-001", Map.of("broadband.technology", "fttn")))
                .hasMessageContaining("already exists");
        assertThat(graph.fingerprint()).isEqualTo(before);
        versioning.freeze(catalogue.findByUuid(V1).orElseThrow(), "no new V1 instances");
        String frozen = graph.fingerprint();
        assertThatThrownBy(() -> instances.create(V1, "acme-broadband-009", Map.of("broadband.technology", "fttn")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("broadband v1.0.0 is frozen");
        assertThat(graph.fingerprint()).isEqualTo(frozen);
    }
}
