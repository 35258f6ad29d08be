package dev.diffo.admin.repository;

import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_A;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceQuery.Sort;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Record;

/**
 * Every order the table offers, both directions, with every filter, paged a few rows at a time: the same instances
 * in the same order from the indexes, from the sort, and from a naive sort here — on diffo's livebook shape (RSPs
 * by party) with instances of a name-prefix RSP, tied keys, and instances without a state or a creation date.
 */
@ExtendWith(Neo4jExtension.class)
class InstancePagesIT {

    TestGraph graph;
    Neo4jInstanceRepository fromIndexes;
    Neo4jInstanceRepository sorted;
    Neo4jReadSchemaRepository readSchema;

    @BeforeEach
    void write(TestGraph graph, Database database, CatalogueSettings settings, Neo4jReadSchemaRepository readSchema) {
        DiffoLivebookCatalogue.write(graph);
        graph.run("""
                MATCH (v1:Specification {uuid: $v1})
                UNWIND range(1, 30) AS k
                CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service',
                        name: 'zz-' + right('00' + toString(k % 17), 2) + '-' + toString(k),
                        updatedAt: datetime({timezone: 'Etc/UTC'})})
                SET i.state = CASE k % 4 WHEN 0 THEN null WHEN 1 THEN 'active' ELSE 'initial' END,
                    i.createdAt = CASE k % 5 WHEN 0 THEN null WHEN 1 THEN '2024-01-01T00:00:00Z'
                                  ELSE datetime({year: 2025, month: 1 + k % 3, day: 1, timezone: 'Etc/UTC'}) END
                CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                        value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.BroadbandValue","value":{"technology":"'
                               + CASE WHEN k % 3 = 0 THEN 'fttb' ELSE 'fttp' END + '"}}}'})
                CREATE (i)-[:SPECIFIED_BY]->(v1), (i)-[:HAS]->(c)
                """, Map.of("v1", V1));
        this.graph = graph;
        this.readSchema = readSchema;
        readSchema.applySchema();
        graph.run("CALL db.awaitIndexes(300)"); // the test waits for them; no screen ever does
        fromIndexes = new Neo4jInstanceRepository(database, settings, readSchema, 0);
        sorted = new Neo4jInstanceRepository(database, settings, readSchema, Long.MAX_VALUE);
    }

    /** An instance as the naive read sees it: its typed sort keys (null where missing or of another type), RSP and value. */
    record Naive(String uuid, String name, String state, ZonedDateTime created, String rsp, String value) {
        Comparable<?> key(Sort sort) {
            return switch (sort) {
                case NAME -> name;
                case ID -> uuid;
                case STATE -> state;
                case CREATED -> created;
            };
        }
    }

    List<Naive> naive() {
        List<Naive> all = new ArrayList<>();
        for (Record r : graph.query("""
                MATCH (:Specification {uuid: $v1})<-[:SPECIFIED_BY]-(i)
                OPTIONAL MATCH (i)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(p:Party)
                OPTIONAL MATCH (i)-[:HAS]->(c:Characteristic)
                RETURN i.uuid AS uuid, i.name AS name, i.state AS state,
                       CASE WHEN i.createdAt IS :: ZONED DATETIME NOT NULL THEN i.createdAt END AS created,
                       coalesce(p.key, split(i.name, '-')[0]) AS rsp, c.value AS value
                """, Map.of("v1", V1))) {
            all.add(new Naive(r.get("uuid").asString(), r.get("name").asString(), r.get("state").asString(null),
                    r.get("created").isNull() ? null : r.get("created").asZonedDateTime(), r.get("rsp").asString(), r.get("value").asString(null)));
        }
        return all;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    List<String> expected(Sort sort, boolean descending, Predicate<Naive> filter) {
        Comparator<Comparable> natural = (a, b) -> a.compareTo(b);
        Comparator<Naive> byKey = Comparator.comparing(n -> (Comparable) n.key(sort), Comparator.nullsLast(descending ? natural.reversed() : natural));
        Comparator<Naive> byUuid = descending ? Comparator.comparing(Naive::uuid).reversed() : Comparator.comparing(Naive::uuid);
        // missing keys last in both directions, each order's ties by id in its direction
        Comparator<Naive> order = Comparator.comparing((Naive n) -> n.key(sort) == null).thenComparing(byKey).thenComparing(byUuid);
        return naive().stream().filter(filter).sorted(order).map(Naive::uuid).toList();
    }

    static List<String> everyPage(InstanceRepository repository, InstanceQuery query) {
        List<String> uuids = new ArrayList<>();
        InstanceQuery.Cursor after = null;
        for (int pages = 0; pages < 100; pages++) {
            InstanceQuery.Page page = repository.page(query, after);
            page.rows().stream().map(InstanceRow::uuid).forEach(uuids::add);
            if (!page.hasMore()) {
                return uuids;
            }
            after = page.next(query.sort());
        }
        throw new AssertionError("paging never ended");
    }

    @Test
    void everyOrderAndFilterPagesTheSameInstancesFromTheIndexesTheSortAndANaiveSort() {
        record Filter(String name, String rsp, String key, String value, Predicate<Naive> naive) {
        }
        List<Filter> filters = List.of(
                new Filter(null, null, null, null, n -> true),
                new Filter(null, RESELLER_A.toLowerCase(), null, null, n -> n.rsp().equals(RESELLER_A)),
                new Filter(null, "ZZ", null, null, n -> n.rsp().equals("zz")),
                new Filter(null, null, "broadband.technology", "fttb", n -> n.value() != null && n.value().contains("\"technology\":\"fttb\"")),
                new Filter("-0", null, null, null, n -> n.name().contains("-0")),
                // found by the name's text index in every case spelling, then checked whole
                new Filter("Z-0", null, null, null, n -> n.name().toLowerCase().contains("z-0")),
                new Filter("z-1", "ZZ", "broadband.technology", "fttp",
                        n -> n.name().contains("z-1") && n.rsp().equals("zz") && n.value().contains("\"technology\":\"fttp\"")),
                new Filter(null, "zz", "broadband.technology", "fttp", n -> n.rsp().equals("zz") && n.value().contains("\"technology\":\"fttp\"")));
        for (Sort sort : Sort.values()) {
            for (boolean descending : List.of(false, true)) {
                for (Filter f : filters) {
                    InstanceQuery query = new InstanceQuery(V1, f.name(), f.rsp(), f.key(), f.value(), sort, descending, 4);
                    List<String> expected = expected(sort, descending, f.naive());
                    String what = sort + (descending ? " desc" : " asc") + " " + f;
                    assertThat(everyPage(fromIndexes, query)).as("from the indexes: " + what).isEqualTo(expected);
                    assertThat(everyPage(sorted, query)).as("sorted: " + what).isEqualTo(expected);
                    assertThat(sorted.count(query)).as("count: " + what).isEqualTo(expected.size());
                }
            }
        }
    }

    @Test
    void everyIndexOrderedReadSeeksTheOrdersIndexInItsOrderWithoutSortingOrScanning() {
        Map<String, Object> params = new java.util.HashMap<>();
        params.putAll(Map.of("spec", V1, "rsp", "acme", "rspRole", "Reseller", "charName", "broadband", "needles", List.of("\"technology\":\"fttb\""),
                "afterKey", "initial", "afterUuid", "5c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5", "limit", 101));
        params.put("name", "bench");
        for (InstanceCypher.Order order : InstanceCypher.Order.values()) {
            for (boolean descending : List.of(false, true)) {
                for (InstanceCypher.Part part : InstanceCypher.Part.values()) {
                    for (boolean byRsp : List.of(false, true)) {
                        if (order == InstanceCypher.Order.CREATED && part != InstanceCypher.Part.MISSING) {
                            params.put("afterKey", "2025-01-01T00:00:00Z");
                        } else {
                            params.put("afterKey", "initial");
                        }
                        List<String> operators = graph.operators(InstanceCypher.indexedRead(order, descending, part, byRsp), params);
                        String what = order + (descending ? " desc " : " asc ") + part + (byRsp ? " by RSP" : "") + ": " + operators;
                        assertThat(operators).as(what).anyMatch(o -> o.startsWith("NodeIndexSeek") || o.startsWith("NodeIndexScan"))
                                .noneMatch(o -> o.contains("Sort") || o.startsWith("Top") || o.contains("PartialTop")
                                        || o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan"));
                    }
                }
            }
        }
    }

    @Test
    void aPageOfTheInstancesANameSeekFindsChecksTheirEdgesAndPartiesOnlyUntilThePageIsFull() {
        graph.moreAcmeInstances(V1, 2_000);
        graph.run("CALL db.awaitIndexes(300)");
        // 'bulk-1' is in 1,111 names (acme-bulk-1, -10..19, -100..199, -1000..1999), all Acme's on v1
        InstanceQuery query = new InstanceQuery(V1, "BULK-1", "acme", null, null, Sort.NAME, false, 4);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("spec", V1, "name", "BULK-1", "rsp", "acme", "rspRole", "Reseller",
                "variants", Neo4jInstanceRepository.variants("BULK-1"), "needles", List.of(), "limit", 5));
        params.put("charName", null);
        params.put("afterKey", null);
        params.put("afterUuid", null);

        long page = graph.dbHits(InstanceCypher.candidatesPage(InstanceCypher.Order.NAME, false, true), params);
        long count = graph.dbHits(InstanceCypher.COUNT_BY_NAME_INDEX_AND_RSP, params);

        // the count must check every one of them; the page only the first few in its order
        assertThat(page).as("the page's database hits against the count's").isLessThan(count / 2);
        List<String> expected = expected(Sort.NAME, false, n -> n.name().toLowerCase().contains("bulk-1") && n.rsp().equals("acme"));
        assertThat(expected).hasSize(1_111);
        assertThat(fromIndexes.page(query, null).rows()).extracting(InstanceRow::uuid).isEqualTo(expected.subList(0, 4));
        assertThat(everyPage(fromIndexes, new InstanceQuery(V1, "BULK-1", "acme", null, null, Sort.NAME, false, 100))).isEqualTo(expected);
    }

    @Test
    void theNameIndexCountsTheInstancesATextFindsOnlyWhereTheVersionsNameFilterReadsFromIt() {
        long containing = naive().stream().filter(n -> n.name().toLowerCase().contains("zz-0")).map(Naive::uuid).distinct().count();
        assertThat(containing).isGreaterThan(1);
        assertThat(fromIndexes.nameCandidates(V1, "ZZ-0")).isEqualTo(containing);
        assertThat(fromIndexes.nameCandidates(V1, "~~~~")).isZero();
        assertThat(fromIndexes.nameCandidates(V1, "zz")).as("too short to seek").isEqualTo(-1);
        assertThat(fromIndexes.nameCandidates(V1, "zz-ü")).as("not plain ASCII").isEqualTo(-1);
        assertThat(sorted.nameCandidates(V1, "zz-0")).as("a version whose pages are sorted").isEqualTo(-1);
    }

    @Test
    void aNameFilterWhoseTextIndexIsMissingIsCheckedInThePagesOrderAndSaysSo() {
        graph.run("DROP INDEX diffo_admin_instance_name_text");
        InstanceQuery query = new InstanceQuery(V1, "Z-0", null, null, null, Sort.NAME, false, 4);

        InstanceQuery.Page first = fromIndexes.page(query, null);

        assertThat(first.note()).contains("name contains: no index yet");
        List<String> expected = expected(Sort.NAME, false, n -> n.name().toLowerCase().contains("z-0"));
        assertThat(everyPage(fromIndexes, query)).isEqualTo(expected);
        assertThat(fromIndexes.count(query)).isEqualTo(expected.size());
    }

    @Test
    void aPageWhoseIndexIsMissingIsReadTheSlowerWayAndSaysSo() {
        // (the next test's connect finds no schema version, the graph being wiped, and creates it again)
        graph.run("DROP INDEX diffo_admin_instance_state_uuid");
        InstanceQuery query = new InstanceQuery(V1, null, null, null, null, Sort.STATE, true, 4);

        InstanceQuery.Page first = fromIndexes.page(query, null);

        assertThat(first.note()).startsWith("pages by state: no index yet");
        assertThat(everyPage(fromIndexes, query)).isEqualTo(expected(Sort.STATE, true, n -> true));
    }
}
