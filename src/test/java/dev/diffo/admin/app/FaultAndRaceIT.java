package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.catalogue.InstanceService;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.LedgerTexts;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import dev.diffo.admin.versioning.VersioningService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two writers at once on the shared embedded store (two threads, each call its own driver session and transaction),
 * 20 times each; after every repetition the graph's invariants must hold: every instance has exactly one
 * SPECIFIED_BY to a specification, no orphan, and the migration ledger says where every instance it moved is.
 * A failure either side must be a {@link DiffoAdminException} (one sentence and a hint), never a raw driver error.
 */
@ExtendWith(Neo4jExtension.class)
class FaultAndRaceIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final int REPETITIONS = 20;

    DemoService demo;
    MigrationService migration;
    InstanceService instances;
    VersioningService versioning;
    CatalogueRepository catalogue;
    TestGraph graph;
    ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void setUp(DemoService demo, MigrationService migration, InstanceService instances, VersioningService versioning, CatalogueRepository catalogue,
               TestGraph graph) {
        this.demo = demo;
        this.migration = migration;
        this.instances = instances;
        this.versioning = versioning;
        this.catalogue = catalogue;
        this.graph = graph;
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    /** Both callables released at the same instant; each outcome is its value or the exception it threw. */
    List<Object> atOnce(Callable<?> a, Callable<?> b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<?> c : List.of(a, b)) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return c.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(120, TimeUnit.SECONDS));
        }
        for (Object o : outcomes) {
            if (o instanceof RuntimeException e && !(e instanceof DiffoAdminException)) {
                throw new AssertionError("a raw error reached the caller: " + e, e);
            }
        }
        return outcomes;
    }

    void resetDemo(int moreAcme) {
        graph.wipe();
        demo.loadDemo();
        graph.moreAcmeInstances(V1, moreAcme);
    }

    static MigrationPlan plan(int batchSize) {
        return new MigrationPlan("acme", V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), batchSize);
    }

    /** Every instance on exactly one existing specification; no SPECIFIED_BY to anything else. */
    void assertEveryInstanceHasExactlyOneSpecification() {
        assertThat(graph.count("""
                MATCH (i:Instance)
                WHERE COUNT { (i)-[:SPECIFIED_BY]->(:Specification) } <> 1 OR COUNT { (i)-[:SPECIFIED_BY]->() } <> 1
                RETURN count(i)
                """)).as("instances without exactly one SPECIFIED_BY to a specification").isZero();
        assertThat(graph.count("MATCH (c:Characteristic) WHERE NOT EXISTS { (:Instance)-[:HAS]->(c) } RETURN count(c)"))
                .as("orphan characteristics").isZero();
    }

    /** Each instance the ledger says moved (and not undone) is on the target, each undone one on the source. */
    void assertLedgerMatchesGraph() {
        var batches = graph.query("""
                MATCH (run:MigrationRun {kind: 'RUN'})-[:HAS_BATCH]->(b:MigrationBatch)
                RETURN run.source AS source, run.target AS target, %s, b.undoneAt IS NOT NULL AS undone
                """.formatted(LedgerTexts.COLUMNS));
        long checked = 0;
        long movedAndKept = 0;
        for (var b : batches) {
            if (!b.get("undone").asBoolean()) {
                movedAndKept += LedgerTexts.of(b).size();
            }
            for (String json : LedgerTexts.of(b)) {
                JsonNode entry = CanonicalJson.read(json);
                String expected = b.get("undone").asBoolean() ? b.get("source").asString() : b.get("target").asString();
                var on = graph.query("MATCH (i:Instance {uuid: $uuid})-[:SPECIFIED_BY]->(s) RETURN s.uuid AS spec",
                        Map.of("uuid", entry.path("uuid").asText()));
                assertThat(on).as("instance %s per the ledger", entry.path("uuid").asText()).hasSize(1);
                assertThat(on.getFirst().get("spec").asString()).as("instance %s per the ledger", entry.path("uuid").asText()).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(graph.count("MATCH (i:Instance)-[:SPECIFIED_BY]->(:Specification {uuid: '" + V2 + "'}) WHERE i.name STARTS WITH 'acme' RETURN count(i)"))
                .as("acme's instances on V2 = moved and not undone in the ledger (checked %d entries)", checked).isEqualTo(movedAndKept);
    }

    @Test
    void ofTwoFirstRunsOfTheSameRspAndSourceExactlyOneProceedsAndTheOtherIsToldWhichRun() throws Exception {
        for (int rep = 0; rep < REPETITIONS; rep++) {
            resetDemo(20);
            List<Object> outcomes = atOnce(() -> migration.run(plan(5), Progress.NONE), () -> migration.run(plan(5), Progress.NONE));

            List<MigrationRun> proceeded = outcomes.stream().filter(MigrationRun.class::isInstance).map(MigrationRun.class::cast).toList();
            assertThat(proceeded).as("repetition %d: %s", rep, outcomes).hasSize(1);
            DiffoAdminException refused = (DiffoAdminException) outcomes.stream().filter(DiffoAdminException.class::isInstance).findFirst().orElseThrow();
            assertThat(refused.getMessage()).as("repetition %d", rep).contains("run " + proceeded.getFirst().uuid());
            assertThat(graph.count("MATCH (r:MigrationRun) RETURN count(r)")).as("repetition %d", rep).isEqualTo(1);
            assertThat(graph.count("MATCH (l:MigrationLock) RETURN count(l)")).as("repetition %d", rep).isEqualTo(1);
            assertEveryInstanceHasExactlyOneSpecification();
            assertLedgerMatchesGraph();
        }
    }

    @Test
    void createInstanceAgainstDeleteSpecificationNeverReportsAFalseSuccessNorLeavesAnOrphan() throws Exception {
        demo.loadDemo();
        for (int rep = 0; rep < REPETITIONS; rep++) {
            Specification spec = versioning.create("raceSpec" + rep, null, SpecificationType.SERVICE, 1, "race", "Test", List.of(), null);
            String name = "race-instance-" + rep;
            List<Object> outcomes = atOnce(() -> instances.create(spec.uuid(), name, Map.of()), () -> {
                versioning.delete(catalogue.findByUuid(spec.uuid()).orElseThrow(), "race");
                return "deleted";
            });

            boolean created = outcomes.get(0) instanceof String;
            boolean deleted = "deleted".equals(outcomes.get(1));
            assertThat(created ^ deleted).as("repetition %d: exactly one wins: %s", rep, outcomes).isTrue();
            long stored = graph.count("MATCH (i:Instance {name: '" + name + "'}) RETURN count(i)");
            long specs = graph.count("MATCH (s:Specification {uuid: '" + spec.uuid() + "'}) RETURN count(s)");
            if (created) {
                assertThat(stored).as("repetition %d: a reported success wrote the instance", rep).isEqualTo(1);
                assertThat(graph.count("MATCH (:Instance {name: '" + name + "'})-[:SPECIFIED_BY]->(s:Specification {uuid: '" + spec.uuid() + "'}) RETURN count(s)"))
                        .as("repetition %d", rep).isEqualTo(1);
                assertThat(specs).as("repetition %d: the delete was refused", rep).isEqualTo(1);
            } else {
                assertThat(stored).as("repetition %d: nothing written on a refused create", rep).isZero();
                assertThat(specs).isZero();
                DiffoAdminException refused = (DiffoAdminException) outcomes.get(0);
                assertThat(refused.getMessage()).as("repetition %d", rep).contains(spec.uuid());
                assertThat(refused.hint()).as("repetition %d", rep).isNotBlank();
            }
            assertEveryInstanceHasExactlyOneSpecification();
        }
    }

    @Test
    void createInstanceAgainstWithdrawEitherCreatesBeforeOrIsRefusedAfter() throws Exception {
        demo.loadDemo();
        for (int rep = 0; rep < REPETITIONS; rep++) {
            Specification spec = versioning.create("withdrawRace" + rep, null, SpecificationType.SERVICE, 1, "race", "Test", List.of(), null);
            Specification frozen = versioning.freeze(spec, null);
            versioning.unfreeze(frozen, null);
            Specification current = catalogue.findByUuid(spec.uuid()).orElseThrow();
            String name = "withdraw-race-" + rep;
            List<Object> outcomes = atOnce(() -> instances.create(spec.uuid(), name, Map.of()), () -> versioning.withdraw(current, "race"));

            assertThat(outcomes.get(1)).as("repetition %d: the withdrawal lands", rep).isInstanceOf(Specification.class);
            long stored = graph.count("MATCH (i:Instance {name: '" + name + "'}) RETURN count(i)");
            if (outcomes.get(0) instanceof String) {
                assertThat(stored).as("repetition %d", rep).isEqualTo(1);
                // the instance was there before the withdrawal committed: the withdrawal's record counted it
                assertThat(versioning.withdrawalImpact(catalogue.findByUuid(spec.uuid()).orElseThrow()).values().stream().mapToLong(Long::longValue).sum())
                        .isEqualTo(1);
            } else {
                assertThat(stored).as("repetition %d: refused, nothing written", rep).isZero();
                assertThat(((DiffoAdminException) outcomes.get(0)).getMessage()).as("repetition %d", rep).contains("withdrawn");
            }
            assertEveryInstanceHasExactlyOneSpecification();
        }
    }

    @Test
    void resumingARunWhileItIsUndoneKeepsEveryInstanceOnOneSpecificationAndTheLedgerTrue() throws Exception {
        for (int rep = 0; rep < REPETITIONS; rep++) {
            resetDemo(30);
            Progress pauseAfterFirstBatch = new dev.diffo.admin.support.StopAfterFirstBatch();
            MigrationRun paused = migration.run(plan(5), pauseAfterFirstBatch);
            assertThat(paused.status()).isEqualTo(MigrationRun.Status.PAUSED);

            List<Object> outcomes = atOnce(() -> migration.resume(paused.uuid(), Progress.NONE), () -> migration.undo(paused.uuid(), Progress.NONE));

            assertThat(outcomes).as("repetition %d: at least one of them proceeds: %s", rep, outcomes).anyMatch(MigrationRun.class::isInstance);
            assertEveryInstanceHasExactlyOneSpecification();
            assertLedgerMatchesGraph();
        }
    }
}
