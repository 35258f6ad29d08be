package dev.diffo.admin.app;

import static dev.diffo.admin.support.DiffoLivebookCatalogue.A_ON_V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.B_ON_V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_A;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_B;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.catalogue.CatalogueEntry;
import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.catalogue.InstanceService;
import dev.diffo.admin.catalogue.ReadSchemaService;
import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.NotPermittedException;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.SemanticVersion;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.exchange.ExchangeService;
import dev.diffo.admin.exchange.ImportPlan;
import dev.diffo.admin.exchange.TmfVersion;
import dev.diffo.admin.graph.GraphService;
import dev.diffo.admin.migration.Check;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import dev.diffo.admin.versioning.RuleText;
import dev.diffo.admin.versioning.VersioningService;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The roles as the services enforce them, whatever calls them (screen or command line), on a catalogue in diffo's
 * own shape: instances related to their resellers by PartyRefs in roles, two resellers told apart by key only. An
 * RSP operator reads, counts, exports and migrates only its own RSP's instances; a viewer writes nothing.
 */
@ExtendWith(Neo4jExtension.class)
class RoleEnforcementIT {

    TestGraph graph;
    CurrentAccess access;
    MigrationService migration;
    VersioningService versioning;
    CatalogueService catalogue;
    InstanceService instances;
    GraphService graphs;

    @BeforeEach
    void write(TestGraph graph, CurrentAccess access, MigrationService migration, VersioningService versioning, CatalogueService catalogue,
               InstanceService instances, GraphService graphs) {
        DiffoLivebookCatalogue.write(graph);
        this.graph = graph;
        this.access = access;
        this.migration = migration;
        this.versioning = versioning;
        this.catalogue = catalogue;
        this.instances = instances;
        this.graphs = graphs;
        versioning.recordRules(spec(V2), RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), "as diffo's BroadbandV2 code allows");
    }

    private Specification spec(String uuid) {
        return catalogue.find(uuid).orElseThrow();
    }

    private static MigrationPlan planFor(String rsp) {
        return new MigrationPlan(rsp, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 2);
    }

    /** A run of reseller B's instances, made by a catalogue manager before the test changes the role. */
    private MigrationRun resellerBsRun() {
        return migration.run(planFor(RESELLER_B), migration.check(RESELLER_B, V1, V2), Progress.NONE);
    }

    private void refusedAndNothingWritten(ThrowingCallable call, String saying) {
        String before = graph.fingerprint();
        assertThatThrownBy(call).isInstanceOf(NotPermittedException.class).hasMessageContaining(saying);
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    private void asResellerAsOperator() {
        access.set(Access.rspOperator(RESELLER_A));
    }

    @Test
    void anRspOperatorReadsAndCountsOnlyItsOwnInstancesWhenNoRspIsGiven() {
        asResellerAsOperator();
        InstanceQuery all = InstanceQuery.of(V1);

        List<InstanceRow> rows = instances.page(all, null).rows();

        assertThat(rows).hasSize(A_ON_V1).allSatisfy(r -> assertThat(r.owner().key()).isEqualTo(RESELLER_A));
        assertThat(instances.count(all)).isEqualTo(A_ON_V1);
        assertThat(instances.rsps(spec(V1))).extracting(s -> s.rsp().key()).containsExactly(RESELLER_A);
        assertThat(instances.resolveRsp(spec(V1), null).key()).isEqualTo(RESELLER_A);
    }

    @Test
    void anRspOperatorIsRefusedAnotherRspsInstancesWithASentenceNamingBoth() {
        asResellerAsOperator();
        InstanceQuery others = new InstanceQuery(V1, null, RESELLER_B, null, null, InstanceQuery.Sort.NAME, false, 50);

        assertThatThrownBy(() -> instances.page(others, null)).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("RSP " + RESELLER_B).hasMessageContaining("RSP operator for " + RESELLER_A);
        assertThatThrownBy(() -> instances.count(others)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> instances.resolveRsp(spec(V1), RESELLER_B)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> migration.count(RESELLER_B, V1, null)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> migration.remaining(RESELLER_B, V1)).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void anRspOperatorChoosesOnlyAmongItsOwnRspInTheWizardAndItsCheckSelectsOnlyItsInstances() {
        asResellerAsOperator();
        assertThat(migration.rsps(V1)).extracting(s -> s.rsp().key()).containsExactly(RESELLER_A);
        assertThat(migration.count(null, V1, null)).isEqualTo(A_ON_V1);

        Check check = migration.check(null, V1, V2);

        assertThat(check.rsp()).isEqualTo(RESELLER_A);
        assertThat(check.selected()).isEqualTo(A_ON_V1);
        assertThatThrownBy(() -> migration.check(RESELLER_B, V1, V2)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> migration.resolveRsp(V1, "organizationId")).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void anRspOperatorMigratesItsOwnInstancesButNeverAnotherRsps() {
        asResellerAsOperator();
        access.set(Access.CATALOGUE_MANAGER);
        Check others = migration.check(RESELLER_B, V1, V2);
        access.set(Access.rspOperator(RESELLER_A));

        refusedAndNothingWritten(() -> migration.run(planFor(RESELLER_B), others, Progress.NONE), "RSP " + RESELLER_B);
        refusedAndNothingWritten(() -> migration.dryRun(planFor(RESELLER_B), others, Progress.NONE), "RSP " + RESELLER_B);
        MigrationRun own = migration.run(planFor(RESELLER_A), migration.check(null, V1, V2), Progress.NONE);

        assertThat(own.migrated()).isEqualTo(A_ON_V1);
        assertThat(graph.count("MATCH (i)-[:SPECIFIED_BY]->(:Specification {uuid: '" + V1 + "'}) RETURN count(i)")).isEqualTo(B_ON_V1);
    }

    @Test
    void anRspOperatorCannotUndoResumeExportOrVerifyARunOfAnotherRsp() {
        asResellerAsOperator();
        access.set(Access.CATALOGUE_MANAGER);
        MigrationRun others = resellerBsRun();
        access.set(Access.rspOperator(RESELLER_A));

        refusedAndNothingWritten(() -> migration.undo(others.uuid(), Progress.NONE), "Undoing run " + others.uuid());
        refusedAndNothingWritten(() -> migration.resume(others.uuid(), Progress.NONE), "Resuming run " + others.uuid());
        assertThatThrownBy(() -> migration.exportCsv(others.uuid(), new StringWriter())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> migration.verify(others)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> migration.leftOnSource(others.uuid(), 10)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> migration.findRun(others.uuid())).isInstanceOf(NotPermittedException.class);
        assertThat(migration.runs(V1)).isEmpty();
    }

    @Test
    void anRspOperatorExportsTheCsvOfItsOwnRunWithOnlyItsInstancesAndUndoesIt() throws IOException {
        asResellerAsOperator();
        MigrationRun own = migration.run(planFor(RESELLER_A), migration.check(null, V1, V2), Progress.NONE);
        StringWriter csv = new StringWriter();

        migration.exportCsv(own.uuid(), csv);

        List<String> rows = csv.toString().lines().skip(1).toList();
        assertThat(rows).hasSize(A_ON_V1).allSatisfy(row -> assertThat(row.split(",")[1]).isEqualTo(RESELLER_A));
        assertThat(migration.runs(V1)).extracting(MigrationRun::uuid).containsExactly(own.uuid());
        assertThat(migration.undo(own.uuid(), Progress.NONE).status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(instances.count(InstanceQuery.of(V1))).isEqualTo(A_ON_V1);
    }

    @Test
    void anRspOperatorChangesNoSpecification() {
        asResellerAsOperator();
        refusedAndNothingWritten(() -> versioning.publishMajor("broadband", null, null, null, "v3"), "Publishing a new major of broadband");
        refusedAndNothingWritten(() -> versioning.recordRules(spec(V1), RuleText.parse("broadband.technology: string = fttc"), null),
                "Recording the allowed values of broadband v1.1.0 is not permitted");
        assertThatThrownBy(() -> versioning.nextPatch(spec(V1), "corrected", null, null))
                .satisfies(e -> assertThat(((NotPermittedException) e).hint()).contains("Only a catalogue manager changes specifications"));
        refusedAndNothingWritten(() -> versioning.freeze(spec(V1), null), "RSP operator for " + RESELLER_A);
    }

    @Test
    void anRspOperatorSeesOnlyItsOwnShareOfASpecificationsInstancesInTheGraph() {
        asResellerAsOperator();
        GraphSlice lineage = graphs.open(GraphService.Start.SPECIFICATION_NAME, "broadband", 50);

        List<GraphNode> aggregates = lineage.nodes().stream().filter(n -> n.kind() == GraphNode.Kind.INSTANCES).toList();
        assertThat(aggregates).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(A_ON_V1);
            assertThat(((GraphRef.Aggregate) a.ref()).rsp()).isEqualTo(RESELLER_A);
        });
        GraphSlice expanded = graphs.expand(aggregates.getFirst(), 50);
        List<String> ids = expanded.nodes().stream().filter(n -> n.kind() == GraphNode.Kind.INSTANCE).map(n -> n.properties().get("uuid")).toList();
        assertThat(ids).hasSize(A_ON_V1);
        assertThat(graph.count("MATCH (i:Instance)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: '" + RESELLER_A
                + "'}) WHERE i.uuid IN ['" + String.join("','", ids) + "'] RETURN count(i)")).isEqualTo(A_ON_V1);
        assertThatThrownBy(() -> graphs.splitByRsp(aggregates.getFirst(), 50)).isInstanceOf(NotPermittedException.class);
        GraphNode everyInstance = new GraphNode(new GraphRef.Aggregate(((GraphRef.Aggregate) aggregates.getFirst().ref()).specElementId(), RESELLER_B),
                GraphNode.Kind.INSTANCES, "B", "", Map.of(), B_ON_V1);
        assertThatThrownBy(() -> graphs.expand(everyInstance, 50)).isInstanceOf(NotPermittedException.class);
    }

    /** A party as the graph view shows it, by its key. */
    private GraphNode party(String key) {
        String id = graph.query("MATCH (p:Party {key: $key}) RETURN elementId(p) AS id", Map.of("key", key)).getFirst().get("id").asString();
        return new GraphNode(new GraphRef.Node(id), GraphNode.Kind.PARTY, key, "party", Map.of(), 0);
    }

    /** How many of these PartyRefs (by element id) an instance of the reseller relates to. */
    private long partyRefsOf(String reseller, List<String> elementIds) {
        return graph.count("MATCH (:Party {key: '" + reseller + "'})<-[:RELATES]-(:PartyRef {role: 'Reseller'})<-[:RELATES]-(:Instance)-[:RELATES]->(ref:PartyRef)"
                + " WHERE elementId(ref) IN ['" + String.join("','", elementIds) + "'] RETURN count(DISTINCT ref)");
    }

    private static List<String> partyRefs(GraphSlice slice) {
        return slice.nodes().stream().filter(n -> n.properties().getOrDefault("labels", "").contains("PartyRef"))
                .map(n -> ((GraphRef.Element) n.ref()).elementId()).toList();
    }

    @Test
    void anRspOperatorExpandingAPartyOfEveryInstanceSeesOnlyItsOwnInstancesPartyRefsPagedInTheRead() {
        asResellerAsOperator();
        GraphNode nbn = party(DiffoLivebookCatalogue.NBN);

        GraphSlice first = graphs.expand(nbn, 4);
        List<String> firstRefs = partyRefs(first);
        GraphNode more = first.nodes().stream().filter(n -> n.kind() == GraphNode.Kind.MORE).findFirst().orElseThrow();
        List<String> rest = partyRefs(graphs.expand(more, 4));

        assertThat(firstRefs).as("a full page of its own: the filter is in the read, before the page is cut").hasSize(4);
        assertThat(rest).hasSize(A_ON_V1 - 4).doesNotContainAnyElementsOf(firstRefs);
        assertThat(partyRefsOf(RESELLER_A, firstRefs) + partyRefsOf(RESELLER_A, rest)).isEqualTo(A_ON_V1);
        assertThat(partyRefs(graphs.expand(party(RESELLER_B), 50))).as("another reseller's party: none of its PartyRefs").isEmpty();
        access.set(Access.CATALOGUE_MANAGER);
        assertThat(partyRefs(graphs.expand(nbn, 50))).as("a catalogue manager sees every instance's").hasSize(A_ON_V1 + B_ON_V1 + 1);
    }

    @Test
    void anInstanceAnRspOperatorCreatesIsRelatedToItsRspsPartyAsDiffoRelatesAResellerAndCountedAsItsOwn(ReadSchemaService readSchema) {
        readSchema.recount(V2); // the counts the app keeps for v2: B's one instance
        asResellerAsOperator();

        String uuid = instances.create(V2, "bb-0301", Map.of("broadband.technology", "fttn"));

        assertThat(graph.count("MATCH (i:Instance:Provider {uuid: '" + uuid + "'})-[:RELATES]->(ref:Provider:PartyRef {role: 'Reseller'})-[:RELATES]->(p:Party {key: '"
                + RESELLER_A + "'}) WHERE ref.uuid IS NOT NULL AND ref.createdAt IS :: ZONED DATETIME AND ref.updatedAt = ref.createdAt RETURN count(ref)"))
                .as("one PartyRef {uuid, role, createdAt, updatedAt} between the instance and the reseller, as diffo's create_party_ref makes").isEqualTo(1);
        assertThat(instances.page(InstanceQuery.of(V2), null).rows()).singleElement()
                .satisfies(row -> assertThat(row.owner().key()).isEqualTo(RESELLER_A)).satisfies(row -> assertThat(row.owner().foundBy()).isEqualTo(Rsp.FoundBy.PARTY));
        assertThat(graph.count("MATCH (k:InstanceCount {spec: '" + V2 + "', rsp: '" + RESELLER_A + "'}) WHERE k.characteristic IS NULL RETURN k.n"))
                .as("kept in the same transaction").isEqualTo(1);
        assertThat(graph.count("MATCH (k:InstanceCount {spec: '" + V2 + "', rsp: '" + RESELLER_B + "'}) WHERE k.characteristic IS NULL RETURN k.n")).isEqualTo(1);
        access.set(Access.rspOperator(RESELLER_B));
        assertThat(instances.count(InstanceQuery.of(V2))).as("not B's").isEqualTo(1);
    }

    @Test
    void anRspOperatorFoundByNamePrefixStillNamesItsInstancesAfterItself() {
        access.set(Access.rspOperator("acme"));

        refusedAndNothingWritten(() -> instances.create(V2, "bb-0302", Map.of("broadband.technology", "fttn")), "no party has the key acme");
        String uuid = instances.create(V2, "acme-broadband-0303", Map.of("broadband.technology", "fttn"));
        assertThat(graph.count("MATCH (:Instance {uuid: '" + uuid + "'})-[:RELATES]->(ref:PartyRef) RETURN count(ref)")).isZero();
    }

    private CatalogueService.Snapshot catalogueAsA() {
        asResellerAsOperator();
        return catalogue.load("");
    }

    private static Specification version(CatalogueService.Snapshot snapshot, String uuid) {
        return snapshot.groups().stream().flatMap(g -> g.majors().stream()).filter(s -> s.uuid().equals(uuid)).findFirst().orElseThrow();
    }

    @Test
    void anRspOperatorsCatalogueCountsItsOwnShareNeverEveryRspsTotalFromKeptCountsWhenTheyAreRight(ReadSchemaService readSchema,
                                                                                                   dev.diffo.admin.repository.OverviewRepository overview) {
        CatalogueService.Snapshot counted = catalogueAsA();
        Specification v1 = version(counted, V1);

        assertThat(new CatalogueEntry.Version(v1, counted.counts()).subtitle()).contains("6 instances of yours").doesNotContain((A_ON_V1 + B_ON_V1) + " instances");
        assertThat(new CatalogueEntry.Version(version(counted, V2), counted.counts()).subtitle()).as("B's one instance on v2 is not A's").contains("0 instances of yours");
        assertThat(new CatalogueEntry.Name(counted.groups().getFirst(), counted.counts()).subtitle()).contains("6 instances of yours");
        assertThat(overview.overview(RESELLER_A).instances()).isEqualTo(A_ON_V1);
        assertThat(graphs.open(GraphService.Start.SPECIFICATION_NAME, "broadband", 50).nodes()).filteredOn(n -> n.kind().specification())
                .allSatisfy(spec -> assertThat(spec.properties()).doesNotContainKey("instances"));

        access.set(Access.CATALOGUE_MANAGER);
        readSchema.recount(V1);
        readSchema.recount(V2);
        assertThat(catalogueAsA().counts().of(version(catalogueAsA(), V1))).as("from the kept counts").isEqualTo(A_ON_V1);

        // one of A's instances deleted behind the app's back: the kept counts no longer add up, so the share is counted
        graph.run("MATCH (:Party {key: $a})<-[:RELATES]-(:PartyRef {role: 'Reseller'})<-[:RELATES]-(i:Instance {name: 'bb-0001'}) DETACH DELETE i", Map.of("a", RESELLER_A));
        assertThat(catalogueAsA().counts().of(version(catalogueAsA(), V1))).isEqualTo(A_ON_V1 - 1);
        assertThat(overview.overview(RESELLER_A).instances()).isEqualTo(A_ON_V1 - 1);
    }

    @Test
    void theKeptCountsAnRspOperatorsCatalogueShowsAreTheKeptOnesWhenTheyAddUp(ReadSchemaService readSchema) {
        readSchema.recount(V1);
        // the kept share changed by hand, the total kept the same: only a read of the kept counts shows 5
        graph.run("MATCH (k:InstanceCount {spec: $v1, rsp: $a}) WHERE k.characteristic IS NULL SET k.n = k.n - 1", Map.of("v1", V1, "a", RESELLER_A));
        graph.run("MATCH (k:InstanceCount {spec: $v1, rsp: $b}) WHERE k.characteristic IS NULL SET k.n = k.n + 1", Map.of("v1", V1, "b", RESELLER_B));

        CatalogueService.Snapshot snapshot = catalogueAsA();

        assertThat(snapshot.counts().of(version(snapshot, V1))).isEqualTo(A_ON_V1 - 1);
    }

    @Test
    void anRspKeyGivenInAnotherCaseIsTheStoredPartysKeyForEveryRead() {
        access.set(Access.rspOperator(RESELLER_A.toLowerCase(java.util.Locale.ROOT)));

        assertThat(access.get().rspKey()).as("resolved once, when the access is set").isEqualTo(RESELLER_A);
        GraphNode share = graphs.open(GraphService.Start.SPECIFICATION_NAME, "broadband", 50).nodes().stream()
                .filter(n -> n.kind() == GraphNode.Kind.INSTANCES).findFirst().orElseThrow();
        assertThat(graphs.expand(share, 50).nodes()).filteredOn(n -> n.kind() == GraphNode.Kind.INSTANCE).hasSize(A_ON_V1);
        assertThat(migration.check(null, V1, V2).selected()).isEqualTo(A_ON_V1);
        assertThat(migration.count(null, V1, null)).isEqualTo(A_ON_V1);
        assertThat(instances.count(InstanceQuery.of(V1))).isEqualTo(A_ON_V1);
        access.set(Access.rspOperator("Org000000999999"));
        assertThat(access.get().rspKey()).as("a key no party has stays as given").isEqualTo("Org000000999999");
    }

    @Test
    void anRspOperatorCannotOpenAnotherRspsInstanceInTheGraph() {
        asResellerAsOperator();
        String bs = graph.query("MATCH (i:Instance)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: $b}) RETURN i.uuid AS id LIMIT 1",
                Map.of("b", RESELLER_B)).getFirst().get("id").asString();
        String as = graph.query("MATCH (i:Instance)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: $a}) RETURN i.uuid AS id LIMIT 1",
                Map.of("a", RESELLER_A)).getFirst().get("id").asString();

        assertThatThrownBy(() -> graphs.open(GraphService.Start.INSTANCE, bs, 50)).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining(RESELLER_B);
        assertThat(graphs.open(GraphService.Start.INSTANCE, as, 50).nodes()).isNotEmpty();
    }


    @Test
    void aViewerWritesNothingWhateverItCalls(DemoService demo, ExchangeService exchange) {
        access.set(Access.CATALOGUE_MANAGER);
        MigrationRun others = resellerBsRun();
        Check check = migration.check(RESELLER_A, V1, V2);
        ImportPlan router = exchange.preview(exchange.export("broadband", 2L, TmfVersion.V4).json().replace("\"broadband\"", "\"router\""), "router.json");
        access.set(Access.VIEWER);
        Specification v1 = spec(V1);

        refusedAndNothingWritten(() -> instances.create(V2, "acme-broadband-009", Map.of("broadband.technology", "fttn")), "Creating an instance");
        refusedAndNothingWritten(() -> versioning.create("router", null, SpecificationType.SERVICE, 1, "Home router", null, List.of(), null), "viewer");
        refusedAndNothingWritten(() -> versioning.createAt("router", null, SpecificationType.SERVICE, SemanticVersion.of(1, 2, 0), null, null, List.of(), null),
                "viewer");
        refusedAndNothingWritten(() -> versioning.update("broadband", 1, null, "new words", null, null), "viewer");
        refusedAndNothingWritten(() -> versioning.nextPatch(v1, "corrected", v1.category(), null), "viewer");
        refusedAndNothingWritten(() -> versioning.nextMinor(v1, RuleText.parse("broadband.technology: string = fttc, fw"), null), "viewer");
        refusedAndNothingWritten(() -> versioning.publishMajor("broadband", null, null, null, null), "viewer");
        refusedAndNothingWritten(() -> versioning.freeze(v1, null), "viewer");
        refusedAndNothingWritten(() -> versioning.unfreeze(v1, null), "viewer");
        refusedAndNothingWritten(() -> versioning.withdraw(v1, null), "viewer");
        refusedAndNothingWritten(() -> versioning.delete(spec(V2), null), "viewer");
        refusedAndNothingWritten(() -> versioning.recordRules(v1, RuleText.parse("broadband.technology: string = fttc"), null), "viewer");
        refusedAndNothingWritten(demo::loadDemo, "Loading the demo catalogue");
        refusedAndNothingWritten(() -> exchange.importPlan(router, null), "Importing specifications");
        refusedAndNothingWritten(() -> migration.run(planFor(RESELLER_A), check, Progress.NONE), "Migrating instances");
        refusedAndNothingWritten(() -> migration.dryRun(planFor(RESELLER_A), check, Progress.NONE), "viewer");
        refusedAndNothingWritten(() -> migration.resume(others.uuid(), Progress.NONE), "Resuming run");
        refusedAndNothingWritten(() -> migration.undo(others.uuid(), Progress.NONE), "Undoing run");
    }

    @Test
    void aViewerStillReadsEverything() {
        access.set(Access.VIEWER);

        assertThat(instances.count(InstanceQuery.of(V1))).isEqualTo(A_ON_V1 + B_ON_V1);
        assertThat(migration.rsps(V1)).extracting(s -> s.rsp().key()).containsExactly(RESELLER_A, RESELLER_B);
        assertThat(catalogue.load("").specificationCount()).isEqualTo(2);
        assertThat(migration.check(RESELLER_B, V1, V2).selected()).isEqualTo(B_ON_V1);
        assertThat(graphs.open(GraphService.Start.SPECIFICATION_NAME, "broadband", 50).nodes())
                .filteredOn(n -> n.kind() == GraphNode.Kind.INSTANCES).extracting(GraphNode::count).containsExactly((long) A_ON_V1 + B_ON_V1, 1L);
    }
}
