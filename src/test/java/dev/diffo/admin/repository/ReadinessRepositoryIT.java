package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.LedgerMove;
import dev.diffo.admin.domain.MajorShare;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.readiness.ReadinessService;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The withdrawal-readiness reads on a real embedded Neo4j: counts per major and RSP, and the ledger's batches over time. */
@ExtendWith(Neo4jExtension.class)
class ReadinessRepositoryIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";

    static MigrationPlan acme() {
        return new MigrationPlan("acme", V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 1);
    }

    @Test
    void theDemosCountsPerMajorAndRspAreFoundByNamePrefix(DemoService demo, ReadinessRepository readiness) {
        demo.loadDemo();

        assertThat(readiness.names()).containsExactly("broadband");
        assertThat(readiness.majors("broadband")).extracting(Specification::majorVersion).containsExactly(1L, 2L);
        assertThat(readiness.shares("broadband")).extracting(MajorShare::specUuid, s -> s.rsp().key(), s -> s.rsp().foundBy(), MajorShare::instances)
                .containsExactlyInAnyOrder(tuple(V1, "acme", Rsp.FoundBy.NAME_PREFIX, 2L), tuple(V2, "beta", Rsp.FoundBy.NAME_PREFIX, 1L));
        assertThat(readiness.moves(List.of(V1, V2))).isEmpty();
    }

    @Test
    void aCatalogueDiffoWroteIsCountedByTheResellersParties(TestGraph graph, ReadinessRepository readiness) {
        DiffoLivebookCatalogue.write(graph);

        assertThat(readiness.shares("broadband")).extracting(MajorShare::major, s -> s.rsp().key(), s -> s.rsp().name(), s -> s.rsp().foundBy(),
                        MajorShare::instances)
                .containsExactlyInAnyOrder(
                        tuple(1L, DiffoLivebookCatalogue.RESELLER_A, "organizationId", Rsp.FoundBy.PARTY, (long) DiffoLivebookCatalogue.A_ON_V1),
                        tuple(1L, DiffoLivebookCatalogue.RESELLER_B, "organizationId", Rsp.FoundBy.PARTY, (long) DiffoLivebookCatalogue.B_ON_V1),
                        tuple(2L, DiffoLivebookCatalogue.RESELLER_B, "organizationId", Rsp.FoundBy.PARTY, 1L));
        assertThat(readiness.shares("nothing")).isEmpty();
    }

    @Test
    void keptCountsAnswerWhileTheyAddUpToEachMajorAndTheGraphIsWalkedOnceTheyDoNot(TestGraph graph, ReadinessRepository readiness,
                                                                                  dev.diffo.admin.catalogue.ReadSchemaService readSchema) {
        DiffoLivebookCatalogue.write(graph);
        List<MajorShare> walked = readiness.shares("broadband");
        readSchema.prepare(Progress.NONE);
        assertThat(readiness.shares("broadband")).as("kept counts give the same shares, party names included")
                .extracting(MajorShare::specUuid, s -> s.rsp().key(), s -> s.rsp().name(), s -> s.rsp().foundBy(), MajorShare::instances)
                .containsExactlyInAnyOrderElementsOf(walked.stream().map(s -> tuple(s.specUuid(), s.rsp().key(), s.rsp().name(), s.rsp().foundBy(), s.instances())).toList());

        // one of Reseller A's kept counts moved to another RSP, the total kept: the view reads the kept counts (and shows it)
        graph.run("""
                MATCH (k:InstanceCount {spec: $v1, rsp: $a}) WHERE k.characteristic IS NULL SET k.n = k.n - 1
                CREATE (:DiffoAdmin:InstanceCount {key: 'test', spec: $v1, rsp: 'kept-only', rspBy: 'prefix', n: 1})
                """, Map.of("v1", DiffoLivebookCatalogue.V1, "a", DiffoLivebookCatalogue.RESELLER_A));
        assertThat(readiness.shares("broadband")).extracting(s -> s.rsp().key()).contains("kept-only");

        // an instance deleted behind the app's back: v1's kept counts no longer add up to what v1 holds, so the parties are walked
        graph.run("MATCH (i:Instance {name: 'bb-0001'}) OPTIONAL MATCH (i)-[:HAS|RELATES]->(x) DETACH DELETE i, x");
        assertThat(readiness.shares("broadband")).extracting(s -> s.rsp().key()).doesNotContain("kept-only");
        assertThat(readiness.shares("broadband")).filteredOn(s -> s.major() == 1 && s.rsp().key().equals(DiffoLivebookCatalogue.RESELLER_A))
                .singleElement().extracting(MajorShare::instances).isEqualTo((long) DiffoLivebookCatalogue.A_ON_V1 - 1);
    }

    @Test
    void theLedgerGivesEachBatchWithItsTimeAndCountAndItsUndo(DemoService demo, MigrationService migration, ReadinessRepository readiness) {
        demo.loadDemo();
        ZonedDateTime before = ZonedDateTime.now().minusSeconds(1);

        MigrationRun run = migration.run(acme(), Progress.NONE);

        List<LedgerMove> moves = readiness.moves(List.of(V1, V2));
        assertThat(moves).hasSize(2).allSatisfy(m -> {
            assertThat(m.sourceUuid()).isEqualTo(V1);
            assertThat(m.targetUuid()).isEqualTo(V2);
            assertThat(m.migrated()).isEqualTo(1);
            assertThat(m.at()).isAfter(before);
            assertThat(m.undoneAt()).isNull();
        });
        assertThat(moves.get(0).at()).isBeforeOrEqualTo(moves.get(1).at());
        assertThat(readiness.moves(List.of("some-other-spec"))).isEmpty();

        migration.undo(run.uuid(), Progress.NONE);

        assertThat(readiness.moves(List.of(V1))).hasSize(2).allSatisfy(m -> assertThat(m.undoneAt()).isAfterOrEqualTo(m.at()));
    }

    @Test
    void afterAcmesMigrationTheOldMajorsLineFallsToZeroAndTheTableSaysWhoHoldsWhat(DemoService demo, MigrationService migration,
                                                                                   ReadinessService service) throws Exception {
        demo.loadDemo();
        migration.run(acme(), Progress.NONE);

        ReadinessService.Readiness read = service.read("broadband");

        ReadinessService.MajorLine v1 = read.lines().getFirst();
        assertThat(v1.old()).isTrue();
        assertThat(v1.series()).extracting(p -> p.remaining()).containsExactly(2L, 1L, 0L, 0L);
        assertThat(v1.projection().text()).isEqualTo("no instances left");
        assertThat(read.lines().getLast().old()).isFalse();
        assertThat(read.lines().getLast().series()).extracting(p -> p.remaining()).containsExactly(1L, 2L, 3L, 3L);
        StringBuilder csv = new StringBuilder();
        ReadinessService.writeCsv(read, csv);
        assertThat(csv.toString().lines()).containsExactlyInAnyOrder("name,version,major,old_major,status,rsp,rsp_name,found_by,instances",
                "broadband,v2.0.0,2,false,current,acme,,by name prefix,2", "broadband,v2.0.0,2,false,current,beta,,by name prefix,1");
    }
}
