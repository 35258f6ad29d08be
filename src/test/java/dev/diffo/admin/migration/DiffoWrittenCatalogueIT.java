package dev.diffo.admin.migration;

import static dev.diffo.admin.support.DiffoLivebookCatalogue.A_FTTB;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.A_ON_V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.B_ON_V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_A;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_B;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.catalogue.InstanceService;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.versioning.RuleText;
import dev.diffo.admin.versioning.VersioningService;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Record;

/**
 * Every feature on a catalogue diffo wrote (parties in roles as its livebook relates them, two resellers both named
 * organizationId, no allowed values recorded, no history of ours), not on our demo.
 */
@ExtendWith(Neo4jExtension.class)
class DiffoWrittenCatalogueIT {

    TestGraph graph;
    MigrationService migration;
    VersioningService versioning;
    CatalogueService catalogue;

    @BeforeEach
    void write(TestGraph graph, MigrationService migration, VersioningService versioning, CatalogueService catalogue) {
        DiffoLivebookCatalogue.write(graph);
        this.graph = graph;
        this.migration = migration;
        this.versioning = versioning;
        this.catalogue = catalogue;
    }

    @Test
    void theRspsOfV1AreTheResellersByKeyWithTheirCountsNeverTheProviderOrTheSiteContact() {
        List<Rsp.Share> rsps = migration.rsps(V1);

        assertThat(rsps).extracting(s -> s.rsp().key(), Rsp.Share::instances)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RESELLER_A, (long) A_ON_V1), org.assertj.core.groups.Tuple.tuple(RESELLER_B, (long) B_ON_V1));
        assertThat(rsps).allSatisfy(s -> {
            assertThat(s.rsp().foundBy()).isEqualTo(Rsp.FoundBy.PARTY);
            assertThat(s.rsp().display()).isEqualTo(s.rsp().key() + " · organizationId");
        });
        assertThat(rsps.toString()).doesNotContain("NBNCo", "nbn", "individualId", "IND");
    }

    @Test
    void anAmbiguousPartyNameIsRefusedNamingBothKeysAndAnUnknownRspListsThoseThere() {
        assertThatThrownBy(() -> migration.resolveRsp(V1, "organizationId"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(RESELLER_A).hasMessageContaining(RESELLER_B);
        assertThatThrownBy(() -> migration.resolveRsp(V1, "NBNCo"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No instances of RSP NBNCo")
                .satisfies(e -> assertThat(((InvalidInputException) e).hint()).contains(RESELLER_A + " · organizationId (6)"));
        assertThat(migration.resolveRsp(V1, RESELLER_A.toLowerCase()).key()).isEqualTo(RESELLER_A);
    }

    @Test
    void theWithdrawalImpactNamesTheResellersByKeyAndNameAndHowTheyWereFound() {
        assertThat(versioning.withdrawalImpact(spec(V1))).containsExactly(
                Map.entry(RESELLER_A + " · organizationId (by party role Reseller)", (long) A_ON_V1),
                Map.entry(RESELLER_B + " · organizationId (by party role Reseller)", (long) B_ON_V1));
    }

    @Test
    void theInstancesTableShowsTheResellerAndFiltersByItsKey(InstanceService instances) {
        var page = instances.page(new InstanceQuery(V1, null, RESELLER_B, null, null, InstanceQuery.Sort.NAME, false, 50), null);

        assertThat(page.rows()).hasSize(B_ON_V1).allSatisfy(r -> assertThat(r.owner().display()).isEqualTo(RESELLER_B + " · organizationId"));
    }

    @Test
    void recordingV2sAllowedValuesLeavesDiffosVersionNumbersAndUpdatedAtAlone() {
        Record before = diffoNode(V2);

        Specification v2 = versioning.recordRules(spec(V2), RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), "as diffo's BroadbandV2 code allows");

        Record after = diffoNode(V2);
        assertThat(after.get("props").asMap()).isEqualTo(before.get("props").asMap());
        assertThat(v2.version()).isEqualTo("v2.0.0");
        assertThat(versioning.rules(v2)).singleElement().satisfies(r -> assertThat(r.allowedValues()).containsExactly("fttc", "fttn", "fttp", "fw"));
        assertThat(versioning.history("broadband")).filteredOn(e -> e.action() == VersionEvent.Action.RULES_RECORDED)
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("as diffo's BroadbandV2 code allows"));
    }

    @Test
    void theValuesInUseAreSurveyedPerFieldSoTheUserTicksRatherThanTypes() {
        assertThat(versioning.valuesInUse(spec(V1))).extracting(v -> v.key() + "=" + v.value() + ":" + v.instances())
                .containsExactly("broadband.technology=fttb:4", "broadband.technology=fttc:1", "broadband.technology=fttn:2", "broadband.technology=fttp:3");
    }

    @Test
    void aCheckAgainstATargetWithoutRulesSaysSoAndAfterRecordingFindsTheResellersFttb() {
        Check unrecorded = migration.check(RESELLER_A, V1, V2);
        assertThat(unrecorded.needingRemediation()).isZero();
        assertThat(MigrationText.rulesNote(unrecorded)).contains("no allowed values recorded");

        versioning.recordRules(spec(V2), RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), null);
        Check check = migration.check(RESELLER_A, V1, V2);

        assertThat(MigrationText.rulesNote(check)).isEmpty();
        assertThat(check.selected()).isEqualTo(A_ON_V1);
        assertThat(check.offences()).containsExactly(Map.entry(new MigrationPlan.Offence("broadband.technology", "fttb"), (long) A_FTTB));
    }

    @Test
    void migratingOneResellerByKeyMovesExactlyItsInstancesRewritesDiffosJsonKeepsThePartiesAndLeavesTheOtherReseller() {
        versioning.recordRules(spec(V2), RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), null);
        String otherBefore = resellerFingerprint(RESELLER_B);
        MigrationPlan plan = new MigrationPlan(RESELLER_A, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 2);

        MigrationRun run = migration.run(plan, migration.check(RESELLER_A, V1, V2), Progress.NONE);

        assertThat(run.migrated()).isEqualTo(A_ON_V1);
        assertThat(graph.count("MATCH (i)-[:SPECIFIED_BY]->(:Specification {uuid: '" + V2 + "'}) WHERE EXISTS { (i)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: '" + RESELLER_A + "'}) } RETURN count(i)"))
                .isEqualTo(A_ON_V1);
        assertThat(graph.count("MATCH (i:Instance) WHERE COUNT { (i)-[:SPECIFIED_BY]->() } <> 1 RETURN count(i)")).isZero();
        assertThat(graph.query("MATCH (i)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: $a}) MATCH (i)-[:HAS]->(c) RETURN c.value AS v",
                Map.of("a", RESELLER_A))).extracting(r -> r.get("v").asString())
                .noneMatch(v -> v.contains("fttb"))
                .contains("{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttn\"}}}");
        assertThat(graph.query("MATCH (i)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: $a}) RETURN [(i)-[:RELATES]->(r:PartyRef) | r.role] AS roles",
                Map.of("a", RESELLER_A))).hasSize(A_ON_V1)
                .allSatisfy(r -> assertThat(r.get("roles").asList(org.neo4j.driver.Value::asString)).containsExactlyInAnyOrder("SiteContact", "Provider", "Reseller"));
        assertThat(resellerFingerprint(RESELLER_B)).isEqualTo(otherBefore);
    }

    @Test
    void aServiceThatChurnedToTheOtherResellerAfterTheCheckIsNeverMovedAndIsReportedSkipped() {
        versioning.recordRules(spec(V2), RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), null);
        MigrationPlan plan = new MigrationPlan(RESELLER_A, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 2);
        Check check = migration.check(RESELLER_A, V1, V2);
        // diffo moves one of A's services to reseller B (its Reseller PartyRef now relates to B's party) between the check and the run
        String churned = graph.query("MATCH (i)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: $a}) RETURN i.uuid AS u ORDER BY i.name LIMIT 1",
                Map.of("a", RESELLER_A)).getFirst().get("u").asString();
        graph.run("""
                MATCH (i {uuid: $u})-[:RELATES]->(ref:PartyRef {role: 'Reseller'})-[r:RELATES]->(:Party), (b:Party {key: $b})
                DELETE r CREATE (ref)-[:RELATES]->(b)
                """, Map.of("u", churned, "b", RESELLER_B));
        String otherBefore = resellerFingerprint(RESELLER_B);

        MigrationRun run = migration.run(plan, check, Progress.NONE);

        assertThat(run.migrated()).isEqualTo(A_ON_V1 - 1);
        assertThat(run.skipped()).isEqualTo(1);
        assertThat(graph.count("MATCH (i {uuid: '" + churned + "'})-[:SPECIFIED_BY]->(:Specification {uuid: '" + V1 + "'}) RETURN count(i)")).isEqualTo(1);
        assertThat(resellerFingerprint(RESELLER_B)).isEqualTo(otherBefore);
        assertThat(migration.verify(run).reasons().entrySet()).singleElement().satisfies(reason -> {
            assertThat(reason.getKey()).startsWith("skipped: no longer " + RESELLER_A + "'s (now " + RESELLER_B + "'s");
            assertThat(reason.getValue()).isEqualTo(1L);
        });
        assertThat(graph.count("MATCH (i:Instance) WHERE COUNT { (i)-[:SPECIFIED_BY]->() } <> 1 RETURN count(i)")).isZero();
    }

    @Test
    void anUndoLeavesAServiceThatChurnedToTheOtherResellerSinceTheRunWhereItIs() {
        versioning.recordRules(spec(V2), RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), null);
        MigrationPlan plan = new MigrationPlan(RESELLER_A, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 2);
        MigrationRun run = migration.run(plan, migration.check(RESELLER_A, V1, V2), Progress.NONE);
        // after the run, diffo moves one of A's migrated services to reseller B
        String churned = graph.query("""
                MATCH (:Specification {uuid: $v2})<-[:SPECIFIED_BY]-(i)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: $a})
                RETURN i.uuid AS u ORDER BY i.name LIMIT 1
                """, Map.of("a", RESELLER_A, "v2", V2)).getFirst().get("u").asString();
        graph.run("""
                MATCH (i {uuid: $u})-[:RELATES]->(ref:PartyRef {role: 'Reseller'})-[r:RELATES]->(:Party), (b:Party {key: $b})
                DELETE r CREATE (ref)-[:RELATES]->(b)
                """, Map.of("u", churned, "b", RESELLER_B));
        String otherBefore = resellerFingerprint(RESELLER_B);

        MigrationRun undo = migration.undo(run.uuid(), Progress.NONE);

        assertThat(undo.migrated()).isEqualTo(A_ON_V1 - 1);
        assertThat(undo.skipped()).isEqualTo(1);
        assertThat(graph.count("MATCH (i {uuid: '" + churned + "'})-[:SPECIFIED_BY]->(:Specification {uuid: '" + V2 + "'}) RETURN count(i)")).isEqualTo(1);
        assertThat(resellerFingerprint(RESELLER_B)).isEqualTo(otherBefore);
        assertThat(graph.count("MATCH (i:Instance) WHERE COUNT { (i)-[:SPECIFIED_BY]->() } <> 1 RETURN count(i)")).isZero();
    }

    @Test
    void aMapOntoATargetWithoutRulesIsAcceptedWithAWarningAndApplied() {
        MigrationPlan plan = new MigrationPlan(RESELLER_B, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 10);
        Check check = migration.check(RESELLER_B, V1, V2);

        assertThat(migration.warnings(plan, check)).singleElement().asString().contains("No allowed values are recorded for broadband.technology");
        MigrationRun run = migration.run(plan, check, Progress.NONE);

        assertThat(run.migrated()).isEqualTo(B_ON_V1);
        assertThat(graph.count("MATCH (:Party {key: '" + RESELLER_B + "'})<-[:RELATES]-(:PartyRef)<-[:RELATES]-(i)-[:HAS]->(c) WHERE c.value CONTAINS 'fttb' RETURN count(i)")).isZero();
    }

    @Test
    void historyShowsBothMajorsFromDiffosOwnTimestamps() {
        List<VersionEvent> history = versioning.history("broadband");

        assertThat(history).extracting(VersionEvent::headline).containsExactly(
                "v1 created (from diffo's createdAt)", "v1.1.0 last changed (from diffo's updatedAt)", "v2 created (from diffo's createdAt)");
        assertThat(history).allMatch(VersionEvent::fromDiffo);
    }

    private Specification spec(String uuid) {
        return catalogue.find(uuid).orElseThrow();
    }

    private Record diffoNode(String uuid) {
        return graph.query("MATCH (s:Specification {uuid: $uuid}) RETURN properties(s) AS props, labels(s) AS labels", Map.of("uuid", uuid)).getFirst();
    }

    private String resellerFingerprint(String key) {
        return graph.query("""
                MATCH (:Party {key: $key})<-[:RELATES]-(:PartyRef {role: 'Reseller'})<-[:RELATES]-(i)-[:SPECIFIED_BY]->(s)
                MATCH (i)-[:HAS]->(c)
                RETURN i.name AS name, s.uuid AS spec, c.value AS value, labels(i) AS labels, i.updatedAt AS at ORDER BY name
                """, Map.of("key", key)).stream().map(r -> r.asMap().toString()).toList().toString();
    }
}
