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
}
