package dev.diffo.admin.catalogue;

import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_A;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_B;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceTotal;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.versioning.RuleText;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import dev.diffo.admin.versioning.VersioningService;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The instance counts the app keeps equal the graph's, counted naively here, after every write the app makes
 * (create, migrate, undo) and, after writes made behind its back (plain Cypher, as diffo would), once recounted.
 */
@ExtendWith(Neo4jExtension.class)
class KeptCountsIT {

    TestGraph graph;
    ReadSchemaService readSchema;
    InstanceService instances;

    @BeforeEach
    void write(TestGraph graph, ReadSchemaService readSchema, InstanceService instances, VersioningService versioning,
               dev.diffo.admin.catalogue.CatalogueService catalogue) {
        DiffoLivebookCatalogue.write(graph);
        this.graph = graph;
        this.readSchema = readSchema;
        this.instances = instances;
        versioning.recordRules(catalogue.find(V1).orElseThrow(), RuleText.parse("broadband.technology: string = fttc, fttb, fttn, fttp"), null);
        versioning.recordRules(catalogue.find(V2).orElseThrow(), RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), null);
        assertThat(readSchema.prepare(Progress.NONE)).isEqualTo("Read indexes created; counted 11 instances of 2 specification(s)");
    }

    /** The graph's counts, by (spec, RSP by the Reseller role else the name prefix, characteristic, value), worked out naively. */
    Map<String, Long> graphCounts() {
        Map<String, Long> counts = new TreeMap<>();
        graph.query("""
                MATCH (s:Specification)<-[:SPECIFIED_BY]-(i)
                OPTIONAL MATCH (i)-[:RELATES]->(ref:PartyRef {role: 'Reseller'})-[:RELATES]->(p:Party)
                WITH s, i, min(p.key) AS party
                WITH s, i, coalesce(party, split(i.name, '-')[0]) AS rsp
                OPTIONAL MATCH (i)-[:HAS]->(c:Characteristic)
                RETURN s.uuid AS spec, rsp, c.name AS characteristic, c.value AS value
                """).forEach(r -> {
            String spec = r.get("spec").asString();
            String rsp = r.get("rsp").asString();
            counts.merge(spec + " " + rsp, 1L, Long::sum);
            if (!r.get("characteristic").isNull()) {
                counts.merge(spec + " " + rsp + " " + r.get("characteristic").asString() + " " + r.get("value").asString(), 1L, Long::sum);
            }
        });
        return counts;
    }

    Map<String, Long> keptCounts() {
        Map<String, Long> counts = new TreeMap<>();
        graph.query("MATCH (k:DiffoAdmin:InstanceCount) WHERE k.n <> 0 RETURN k.spec AS spec, k.rsp AS rsp, k.characteristic AS characteristic, k.value AS value, k.n AS n")
                .forEach(r -> counts.put(r.get("spec").asString() + " " + r.get("rsp").asString()
                        + (r.get("characteristic").isNull() ? "" : " " + r.get("characteristic").asString() + " " + r.get("value").asString()), r.get("n").asLong()));
        return counts;
    }

    @Test
    void theFirstCountOnConnectEqualsTheGraph() {
        assertThat(keptCounts()).isEqualTo(graphCounts()).containsEntry(V1 + " " + RESELLER_A, 6L);
    }

    @Test
    void keptCountsFollowACreate() {
        instances.create(V1, "bb-new-1", Map.of("broadband.technology", "fttn"));

        assertThat(keptCounts()).isEqualTo(graphCounts()).containsEntry(V1 + " bb", 1L);
    }

    @Test
    void keptCountsFollowAMigrationAndItsUndo(MigrationService migration) {
        MigrationPlan plan = new MigrationPlan(RESELLER_A, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 2);
        MigrationRun run = migration.run(plan, migration.check(RESELLER_A, V1, V2), Progress.NONE);
        assertThat(run.migrated()).isEqualTo(6);

        Map<String, Long> afterRun = keptCounts();
        assertThat(afterRun).isEqualTo(graphCounts()).containsEntry(V2 + " " + RESELLER_A, 6L).doesNotContainKey(V1 + " " + RESELLER_A);

        migration.undo(run.uuid(), Progress.NONE);

        assertThat(keptCounts()).isEqualTo(graphCounts()).containsEntry(V1 + " " + RESELLER_A, 6L).doesNotContainKey(V2 + " " + RESELLER_A);
    }

    @Test
    void keptCountsFollowARunByAnotherRspRoleThroughTheirOwnRole(MigrationService migration, dev.diffo.admin.common.CatalogueSettings settings) {
        // the counts are kept by role Reseller; this run is the provider's (role Provider), so each batch tallies by the counts' own role
        settings.rspRole("Provider");
        MigrationPlan plan = new MigrationPlan(DiffoLivebookCatalogue.NBN, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 3);

        MigrationRun run = migration.run(plan, migration.check(DiffoLivebookCatalogue.NBN, V1, V2), Progress.NONE);

        assertThat(run.migrated()).isEqualTo(DiffoLivebookCatalogue.A_ON_V1 + DiffoLivebookCatalogue.B_ON_V1);
        assertThat(keptCounts()).isEqualTo(graphCounts())
                .containsEntry(V2 + " " + RESELLER_A, (long) DiffoLivebookCatalogue.A_ON_V1)
                .doesNotContainKeys(V1 + " " + RESELLER_A, V1 + " " + RESELLER_B);
    }

    @Test
    void aChangeBehindTheAppsBackMakesThemStaleUntilARecount() {
        // as diffo would: one instance deleted, one value changed, one instance of Reseller B respecified to v2
        graph.run("MATCH (i:Instance {name: 'bb-0001'}) OPTIONAL MATCH (i)-[:HAS|RELATES]->(x) DETACH DELETE i, x");
        graph.run("MATCH (:Instance {name: 'bb-0102'})-[:HAS]->(c:Characteristic) SET c.value = replace(c.value, 'fttb', 'fttc')");
        graph.run("""
                MATCH (i:Instance {name: 'bb-0103'})-[r:SPECIFIED_BY]->() DELETE r
                WITH i MATCH (v2:Specification {uuid: $v2}) CREATE (i)-[:SPECIFIED_BY]->(v2)
                """, Map.of("v2", V2));
        assertThat(keptCounts()).isNotEqualTo(graphCounts());

        readSchema.recount(Progress.NONE);

        assertThat(keptCounts()).isEqualTo(graphCounts()).containsEntry(V1 + " " + RESELLER_A, 5L).containsEntry(V2 + " " + RESELLER_B, 2L);
    }

    @Test
    void theTableCountsComeFromTheKeptCountsAndSaySo() {
        InstanceTotal fttbOfA = instances.total(new InstanceQuery(V1, null, RESELLER_A.toLowerCase(), "broadband.technology", "fttb", InstanceQuery.Sort.NAME, false, 50));
        InstanceTotal fttb = instances.total(new InstanceQuery(V1, null, null, "broadband.technology", "fttb", InstanceQuery.Sort.NAME, false, 50));
        InstanceTotal named = instances.total(new InstanceQuery(V1, "bb-01", RESELLER_B, null, null, InstanceQuery.Sort.NAME, false, 50));

        assertThat(fttbOfA.kept()).isTrue();
        assertThat(fttbOfA.count()).isEqualTo(2);
        assertThat(fttb.count()).isEqualTo(4).isEqualTo(instances.count(new InstanceQuery(V1, null, null, "broadband.technology", "fttb", InstanceQuery.Sort.NAME, false, 50)));
        assertThat(named.kept()).isFalse();
        assertThat(named.count()).isEqualTo(4);
    }

    @Test
    void countsKeptByAnotherRspRoleAreNotUsedAndSaySo(dev.diffo.admin.common.CatalogueSettings settings) {
        settings.rspRole("SiteContact");

        InstanceTotal total = instances.total(new InstanceQuery(V1, null, null, "broadband.technology", "fttb", InstanceQuery.Sort.NAME, false, 50));

        assertThat(total.kept()).isFalse();
        assertThat(total.count()).isEqualTo(4);
        assertThat(total.note()).contains("kept counts are by RSP role Reseller");
    }

    @Test
    void aCheckJudgesTheValuesFromTheKeptCountsAndFindsWhatReadingTheGraphFinds(MigrationService migration) {
        dev.diffo.admin.migration.Check fromCounts = migration.check(RESELLER_A, V1, V2);
        // a name filter is not kept: that check reads every selected instance's values (all of Reseller A's are named bb-…)
        dev.diffo.admin.migration.Check fromGraph = migration.check(RESELLER_A, V1, V2, "bb-");

        assertThat(fromCounts.valuesCountedAt()).isNotNull();
        assertThat(fromGraph.valuesCountedAt()).isNull();
        assertThat(fromCounts.selection()).hasSize(6).containsExactlyInAnyOrderElementsOf(fromGraph.selection());
        assertThat(fromCounts.offences()).isEqualTo(fromGraph.offences()).hasSize(1).containsValue(2L);
        assertThat(fromCounts.offendingValues()).isEqualTo(fromGraph.offendingValues());
        assertThat(fromCounts.unaffected()).containsExactlyInAnyOrderElementsOf(fromGraph.unaffected()).hasSize(3);
        assertThat(dev.diffo.admin.migration.MigrationText.valuesNote(fromCounts)).startsWith("Values judged from the counts kept since ")
                .contains("the graph's 6 instances");
        assertThat(dev.diffo.admin.migration.MigrationText.valuesNote(fromGraph)).isEmpty();
    }

    @Test
    void anRspsInstancesChangedBehindTheAppsBackMakeTheCheckReadTheGraph(MigrationService migration) {
        // as diffo would: one of Reseller A's fttb instances handed to Reseller B (the totals still add up to the degree)
        graph.run("""
                MATCH (:Instance {name: 'bb-0001'})-[:RELATES]->(:PartyRef {role: 'Reseller'})-[r:RELATES]->(:Party)
                MATCH (b:Party {key: $b})
                DELETE r
                WITH b MATCH (ref:PartyRef {role: 'Reseller'})<-[:RELATES]-(:Instance {name: 'bb-0001'}) CREATE (ref)-[:RELATES]->(b)
                """, Map.of("b", RESELLER_B));

        dev.diffo.admin.migration.Check check = migration.check(RESELLER_A, V1, V2);

        assertThat(check.valuesCountedAt()).isNull();
        assertThat(check.selection()).hasSize(5);
        assertThat(check.offences()).containsValue(1L);
    }

    @Test
    void aValueChangedBehindTheAppsBackIsJudgedByTheBatchAndNeverMovedUnremedied(MigrationService migration) {
        // as diffo would: a value the target does not allow, written in place (the kept counts still say fttp, and add up)
        graph.run("MATCH (:Instance {name: 'bb-0002'})-[:HAS]->(c:Characteristic) SET c.value = replace(c.value, 'fttp', 'fttz')");
        dev.diffo.admin.migration.Check check = migration.check(RESELLER_A, V1, V2);
        assertThat(check.valuesCountedAt()).isNotNull();
        assertThat(check.offences()).hasSize(1).containsValue(2L); // fttb only: fttz is not in the kept counts

        MigrationPlan plan = new MigrationPlan(RESELLER_A, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 2);
        MigrationRun run = migration.run(plan, check, Progress.NONE);

        assertThat(run.migrated()).isEqualTo(5);
        assertThat(run.excluded()).isEqualTo(1);
        assertThat(migration.leftOnSource(run.uuid(), 10)).singleElement().satisfies(left -> {
            assertThat(left.name()).isEqualTo("bb-0002");
            assertThat(left.reason()).contains("broadband.technology=fttz").contains("appeared after the check");
        });
        assertThat(graph.query("MATCH (i:Instance {name: 'bb-0002'})-[:SPECIFIED_BY]->(s) MATCH (i)-[:HAS]->(c) RETURN s.uuid AS spec, c.value AS value")
                .getFirst().get("value").asString()).contains("fttz");
        assertThat(graph.count("MATCH (:Instance {name: 'bb-0002'})-[:SPECIFIED_BY]->(:Specification {uuid: '" + V1 + "'}) RETURN count(*)")).isEqualTo(1);
    }

    @Test
    void theRspListComesFromTheKeptCountsWhileTheyAddUpAndFromTheGraphOnceTheyDoNot(MigrationService migration) {
        java.util.List<String> fromCounts = shown(migration.rsps(V1));
        java.util.List<String> fromGraph = readFromTheGraph(migration);
        assertThat(fromCounts).isEqualTo(fromGraph).hasSize(2).first().asString().startsWith(RESELLER_A + "|");

        // kept totals that still add up are used as they are (one of A's instances counted as B's, in the counts only)
        graph.run("MATCH (k:DiffoAdmin:InstanceCount {spec: $v1}) WHERE k.characteristic IS NULL SET k.n = k.n + CASE k.rsp WHEN $a THEN -1 ELSE 1 END",
                Map.of("v1", V1, "a", RESELLER_A));
        assertThat(migration.rsps(V1)).extracting(s -> s.rsp().key(), dev.diffo.admin.domain.Rsp.Share::instances)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RESELLER_A, 5L), org.assertj.core.groups.Tuple.tuple(RESELLER_B, 5L));

        // as diffo would: an instance deleted; the totals no longer add up to v1's instances, so the graph is read
        graph.run("MATCH (i:Instance {name: 'bb-0101'}) OPTIONAL MATCH (i)-[:HAS|RELATES]->(x) DETACH DELETE i, x");
        assertThat(shown(migration.rsps(V1))).isNotEqualTo(fromGraph).hasSize(2).isEqualTo(readFromTheGraph(migration));
    }

    /** An RSP list as compared here: key, party name, how found and instances, one text each. */
    private static java.util.List<String> shown(java.util.List<dev.diffo.admin.domain.Rsp.Share> shares) {
        return shares.stream().map(s -> s.rsp().key() + "|" + s.rsp().name() + "|" + s.rsp().foundBy() + "|" + s.instances()).toList();
    }

    /** The RSP list worked out from the graph: with v1's count set set aside, nothing is kept for v1. */
    private java.util.List<String> readFromTheGraph(MigrationService migration) {
        graph.run("MATCH (set:DiffoAdmin:InstanceCountSet {spec: $v1}) SET set.spec = 'set aside'", Map.of("v1", V1));
        try {
            return shown(migration.rsps(V1));
        } finally {
            graph.run("MATCH (set:DiffoAdmin:InstanceCountSet {spec: 'set aside'}) SET set.spec = $v1", Map.of("v1", V1));
        }
    }
}
