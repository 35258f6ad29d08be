package dev.diffo.admin.migration;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.StoredValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.LedgerTexts;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.VersioningRepository;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Migration on the real embedded Neo4j: the seed's phase 5, and what must hold when things go wrong. */
@ExtendWith(Neo4jExtension.class)
class MigrationServiceIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final Offence FTTB = new Offence("broadband.technology", "fttb");

    MigrationService migration;
    TestGraph graph;

    @BeforeEach
    void seed(DemoService demo, MigrationService migration, TestGraph graph) {
        demo.loadDemo();
        this.migration = migration;
        this.graph = graph;
    }

    static MigrationPlan plan(int batchSize) {
        return new MigrationPlan("acme", V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), batchSize);
    }

    /** More of Acme's V1 instances, in diffo's shape, alternating fttb and fttp. */
    void moreAcmeInstances(int n) {
        graph.moreAcmeInstances(V1, n);
    }

    long onSpec(String uuid) {
        return graph.count("MATCH (:Specification {uuid: '" + uuid + "'})<-[:SPECIFIED_BY]-(i) RETURN count(i)");
    }

    void assertEveryInstanceOnExactlyOneSpecification() {
        assertThat(graph.count("MATCH (i:Instance) WHERE COUNT { (i)-[:SPECIFIED_BY]->() } <> 1 RETURN count(i)")).isZero();
    }

    @Test
    void checkGroupsTheInstancesThatNeedRemediationByValue() {
        Check check = migration.check("acme", V1, V2);

        assertThat(check.selected()).isEqualTo(2);
        assertThat(check.offences()).containsExactly(Map.entry(FTTB, 1L));
    }

    @Test
    void theSeedEndToEnd() {
        String betaBefore = graph.query("MATCH (i:Instance {name: 'beta-broadband-v2-001'}) RETURN properties(i) AS p").getFirst().get("p").toString();

        MigrationRun run = migration.run(plan(1000), Progress.NONE);

        assertThat(run.status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(run.migrated()).isEqualTo(2);
        assertThat(migration.remaining("acme", V1)).isZero();
        assertThat(onSpec(V2)).isEqualTo(3);
        assertThat(graph.query("MATCH (i:Instance {name: 'acme-broadband-001'})-[:HAS]->(c) RETURN c.value AS v").getFirst().get("v").asString())
                .isEqualTo("{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttn\"}}}");
        assertThat(graph.query("MATCH (i:Instance {name: 'acme-broadband-001'}) RETURN labels(i) AS l").getFirst().get("l").asList())
                .as("the node keeps its labels, as diffo's respecify does").contains("Broadband");
        assertThat(graph.query("MATCH (i:Instance {name: 'beta-broadband-v2-001'}) RETURN properties(i) AS p").getFirst().get("p").toString()).isEqualTo(betaBefore);
        assertEveryInstanceOnExactlyOneSpecification();
    }

    @Test
    void aRunsResultsExportAsCsvOneRowPerMovedInstance() throws Exception {
        MigrationRun run = migration.run(plan(1), Progress.NONE);
        StringBuilder csv = new StringBuilder();

        migration.exportCsv(run.uuid(), csv);

        List<String> lines = csv.toString().lines().toList();
        // the old columns first, then the fields the run changed, with their values before and after
        assertThat(lines.getFirst()).isEqualTo("run,rsp,batch,instance_uuid,outcome,from_version,to_version,values_rewritten,undone,reason,field,before,after");
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(1, 3)).allSatisfy(l -> assertThat(l).startsWith(run.uuid() + ",acme,").contains(",moved,v1.0.0,v2.0.0,").contains(",false,"));
        assertThat(lines.subList(1, 3)).extracting(l -> l.split(",", -1)[7]).containsExactlyInAnyOrder("1", "0");
        assertThat(lines.subList(1, 3)).extracting(l -> String.join(",", java.util.Arrays.asList(l.split(",", -1)).subList(10, 13)))
                .containsExactlyInAnyOrder("broadband.technology,fttb,fttn", ",,");
    }

    @Test
    void anUnremediatedValueIsRefusedBeforeAnythingIsWritten() {
        String before = graph.fingerprint();
        var noMapping = new MigrationPlan("acme", V1, V2, Map.of(), Set.of(), 1000);

        assertThatThrownBy(() -> migration.run(noMapping, Progress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 instance(s) have broadband.technology=fttb, which broadband v2 does not allow");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void excludedInstancesStayOnTheSource() {
        var exclude = new MigrationPlan("acme", V1, V2, Map.of(), Set.of(FTTB), 1000);

        MigrationRun run = migration.run(exclude, Progress.NONE);

        assertThat(run.migrated()).isEqualTo(1);
        assertThat(run.excluded()).isEqualTo(1);
        assertThat(migration.verify(run).reasons()).containsExactly(Map.entry("excluded: broadband.technology=fttb is excluded by the plan", 1L));
        assertThat(graph.count("MATCH (:Instance {name: 'acme-broadband-001'})-[:SPECIFIED_BY]->(:Specification {uuid: '" + V1 + "'}) RETURN count(*)")).isEqualTo(1);
    }

    String uuidOf(String name) {
        return graph.query("MATCH (i:Instance {name: '" + name + "'}) RETURN i.uuid AS u").getFirst().get("u").asString();
    }

    String technologyOf(String name) {
        return graph.query("MATCH (:Instance {name: '" + name + "'})-[:HAS]->(c) RETURN c.value AS v").getFirst().get("v").asString()
                .replaceAll(".*\"technology\":\"([a-z]+)\".*", "$1");
    }

    @Test
    void anInstancesOwnRemedyOverridesItsGroup() {
        moreAcmeInstances(4);
        var plan = plan(2).withPerInstance(Map.of(
                uuidOf("acme-bulk-2"), MigrationPlan.InstanceRemedy.mapTo("broadband.technology", "fttc"),
                uuidOf("acme-bulk-4"), MigrationPlan.InstanceRemedy.excluded(),
                uuidOf("acme-bulk-3"), MigrationPlan.InstanceRemedy.excluded()));

        MigrationRun run = migration.run(plan, Progress.NONE);

        assertThat(run.migrated()).isEqualTo(4);
        assertThat(run.excluded()).isEqualTo(2);
        assertThat(technologyOf("acme-bulk-2")).as("its own remedy").isEqualTo("fttc");
        assertThat(technologyOf("acme-broadband-001")).as("the group's remedy").isEqualTo("fttn");
        assertThat(graph.count("MATCH (i:Instance)-[:SPECIFIED_BY]->(:Specification {uuid: '" + V1 + "'}) WHERE i.name IN ['acme-bulk-3', 'acme-bulk-4'] RETURN count(i)"))
                .as("excluded one by one, whatever their value").isEqualTo(2);
        assertThat(technologyOf("acme-bulk-4")).isEqualTo("fttb");
        assertEveryInstanceOnExactlyOneSpecification();
        Verification verified = migration.verify(run);
        assertThat(verified.remaining()).isEqualTo(2);
        assertThat(verified.reasons()).containsExactly(Map.entry("excluded: excluded by its own remedy", 2L));
        assertThat(verified.sample()).extracting(MigrationRepository.Left::name).containsExactlyInAnyOrder("acme-bulk-3", "acme-bulk-4");
        assertThat(MigrationText.describe(verified)).contains("Left on v1.0.0 by this run:", "2 × excluded: excluded by its own remedy", "acme-bulk-4 (");
    }

    @Test
    void anInstanceMovedByOthersAfterTheCheckIsSkippedWithItsReason() {
        Check check = migration.check("acme", V1, V2);
        graph.run("""
                MATCH (i:Instance {name: 'acme-broadband-002'})-[r:SPECIFIED_BY]->(), (v2:Specification {uuid: $v2})
                DELETE r CREATE (i)-[:SPECIFIED_BY]->(v2)
                """, Map.of("v2", V2));

        MigrationRun run = migration.run(plan(10), check, Progress.NONE);

        assertThat(run.migrated()).isEqualTo(1);
        assertThat(run.skipped()).isEqualTo(1);
        assertThat(migration.verify(run).reasons())
                .containsExactly(Map.entry("skipped: no longer on the source (moved or respecified since the selection)", 1L));
        assertEveryInstanceOnExactlyOneSpecification();
    }

    List<String> labelsOf(String name) {
        return graph.query("MATCH (i:Instance {name: '" + name + "'}) RETURN labels(i) AS l").getFirst().get("l").asList(org.neo4j.driver.Value::asString);
    }

    @Test
    void labelsAreKeptUnlessTheOfferedRelabelIsTakenAndUndoRestoresThem() {
        moreAcmeInstances(3);
        String before = graph.diffoFingerprint();
        Check check = migration.check("acme", V1, V2);
        assertThat(check.relabelOffer()).hasToString(":Broadband → :BroadbandV2");
        assertThat(MigrationText.labelNote(check)).contains("Moved instances keep their labels (:", "instances built for v2.0.0 carry :", "BroadbandV2");

        MigrationRun run = migration.run(plan(2).withRelabel(check.relabelOffer()), check, Progress.NONE);

        assertThat(run.relabel()).isEqualTo(check.relabelOffer());
        assertThat(labelsOf("acme-broadband-001")).contains("BroadbandV2", "Instance", "Provider", "Nbn").doesNotContain("Broadband");
        assertThat(labelsOf("acme-bulk-3")).contains("BroadbandV2").doesNotContain("Broadband");
        assertEveryInstanceOnExactlyOneSpecification();

        migration.undo(run.uuid(), Progress.NONE);

        assertThat(labelsOf("acme-broadband-001")).contains("Broadband").doesNotContain("BroadbandV2");
        assertThat(graph.diffoFingerprint()).isEqualTo(before);
    }

    @Test
    void aRelabelThatIsNotOnOfferIsRefused() {
        String before = graph.fingerprint();
        var plan = plan(2).withRelabel(new dev.diffo.admin.domain.Relabel(List.of("Broadband"), List.of("FibreOnly")));

        assertThatThrownBy(() -> migration.run(plan, Progress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Relabel :Broadband → :FibreOnly is not what instances on v2.0.0 carry");
        assertThat(graph.fingerprint()).isEqualTo(before);
        assertThatThrownBy(() -> new dev.diffo.admin.domain.Relabel(List.of("Instance"), List.of("Other")))
                .hasMessageContaining("'Instance' cannot be relabelled");
    }

    @Test
    void anInstancesOwnRemedyMustBeAllowedByTheTarget() {
        moreAcmeInstances(2);
        String before = graph.fingerprint();
        var plan = plan(2).withPerInstance(Map.of(uuidOf("acme-bulk-2"), MigrationPlan.InstanceRemedy.mapTo("broadband.technology", "fttb")));

        assertThatThrownBy(() -> migration.run(plan, Progress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("own remedy broadband.technology → fttb is a value the target does not allow");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void aNameFilterNarrowsTheSelectionAndTheListOfOffendersPages() {
        moreAcmeInstances(9);

        Check check = migration.check("acme", V1, V2, "BULK");

        assertThat(check.selected()).isEqualTo(9);
        assertThat(migration.count("acme", V1, "bulk")).isEqualTo(9);
        assertThat(migration.count("acme", V1, null)).isEqualTo(11);
        assertThat(check.offences()).containsExactly(Map.entry(FTTB, 4L));
        var firstPage = migration.carrying(check, FTTB, null, null, 3);
        var rest = migration.carrying(check, FTTB, null, firstPage.getLast().name(), 3);
        assertThat(firstPage).extracting(MigrationRepository.InstanceRef::name).containsExactly("acme-bulk-2", "acme-bulk-4", "acme-bulk-6");
        assertThat(rest).extracting(MigrationRepository.InstanceRef::name).containsExactly("acme-bulk-8");
        assertThat(migration.carrying(check, FTTB, "-6", null, 10)).extracting(MigrationRepository.InstanceRef::name).containsExactly("acme-bulk-6");

        MigrationRun run = migration.run(plan(4).withNameFilter("BULK"), check, Progress.NONE);

        assertThat(run.migrated()).isEqualTo(9);
        assertThat(run.nameFilter()).isEqualTo("BULK");
        assertThat(migration.remaining("acme", V1)).as("acme-broadband-001/002 were not selected").isEqualTo(2);
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndWritesNothing() {
        moreAcmeInstances(7);
        String before = graph.fingerprint();

        DryRun dry = migration.dryRun(plan(3), Progress.NONE);

        assertThat(dry.selected()).isEqualTo(9);
        assertThat(dry.wouldMigrate()).isEqualTo(9);
        // acme-broadband-001 and the three more with fttb, each said as the field that changes
        assertThat(dry.rewrites()).hasSize(4).extracting(r -> r.changes().getFirst().text()).containsOnly("technology: fttb → fttn");
        assertThat(dry.rewrites()).extracting(r -> r.instanceName()).contains("acme-broadband-001");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    /**
     * {@code acme-bulk-1..n} on V1, 25,000 a transaction: with the read indexes of schema steps 2 and 3 (five on
     * {@code :Instance}, one a TEXT index) 100,000 in one transaction pass the test JVM's transaction memory limit.
     */
    static void seedInChunks(dev.diffo.admin.repository.BenchmarkRepository seeding, int n) {
        for (int from = 1; from <= n; from += 25_000) {
            seeding.seed(V1, "acme-bulk-", from, Math.min(n, from + 24_999), List.of("fttb", "fttp"));
        }
    }

    @Test
    void aDryRunOver100kInstancesStoppedAfterItsFirstBatchStopsThereAndWritesNothing(dev.diffo.admin.repository.BenchmarkRepository seeding) {
        seedInChunks(seeding, 100_000);
        String before = graph.fingerprint();
        Progress stopAfterFirstBatch = new dev.diffo.admin.support.StopAfterFirstBatch();

        DryRun dry = migration.dryRun(plan(5_000), stopAfterFirstBatch);

        assertThat(dry.selected()).isEqualTo(100_002);
        assertThat(dry.stopped()).isTrue();
        assertThat(dry.examined()).as("one batch, then it stopped").isEqualTo(5_000);
        assertThat(dry.wouldMigrate()).isEqualTo(5_000);
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    /** Progress a caller cancels from its own thread, remembering how far the work had reported when it did. */
    static final class CancelledByTheCaller implements Progress {
        final java.util.concurrent.CountDownLatch firstBatch = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicLong lastDone = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean cancelled;

        @Override
        public void update(long done, long total) {
            lastDone.set(done);
            firstBatch.countDown();
        }

        @Override
        public void message(String message) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        /** Cancels, then says how far the work had got: nothing submitted after this point ever runs. */
        long cancel() {
            cancelled = true;
            return lastDone.get();
        }
    }

    @Test
    void aDryRunOver100kInstancesCancelledByItsCallerStopsWithinOneBatchAndWritesNothing(dev.diffo.admin.repository.BenchmarkRepository seeding,
                                                                                        com.google.inject.Injector injector) throws Exception {
        java.util.concurrent.ExecutorService executor = injector.getInstance(java.util.concurrent.ExecutorService.class);
        seedInChunks(seeding, 100_000);
        String before = graph.fingerprint();
        Check check = migration.check("acme", V1, V2);
        CancelledByTheCaller progress = new CancelledByTheCaller();

        var dryRunning = executor.submit(() -> migration.dryRun(plan(5_000), check, progress));
        progress.firstBatch.await();
        long doneWhenCancelled = progress.cancel();
        DryRun dry = dryRunning.get();

        assertThat(dry.stopped()).isTrue();
        assertThat(dry.examined()).as("at most the batch in flight lands after the cancel").isBetween(doneWhenCancelled, doneWhenCancelled + 5_000);
        assertThat(dry.wouldMigrate()).isEqualTo(dry.examined());
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    /** Progress that keeps every report. */
    static final class Recorded implements Progress {
        final List<long[]> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void update(long done, long total) {
            updates.add(new long[] {done, total});
        }

        @Override
        public void message(String message) {
            messages.add(message);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    @Test
    void aRunAndItsUndoReportProgressAfterEachBatch() {
        moreAcmeInstances(5);
        Recorded running = new Recorded();
        MigrationRun run = migration.run(plan(2), running);
        Recorded undoing = new Recorded();

        migration.undo(run.uuid(), undoing);

        assertThat(running.updates).extracting(u -> u[0] + "/" + u[1]).containsExactly("2/7", "4/7", "6/7", "7/7");
        assertThat(running.messages).last().asString().startsWith("7 of 7 · ").contains("instances/s");
        assertThat(undoing.updates).extracting(u -> u[0] + "/" + u[1]).containsExactly("1/4", "2/4", "3/4", "4/4");
        assertThat(undoing.messages).last().asString().startsWith("4 of 4 · ").contains("batches/s");
    }

    @Test
    void aRunIsNotResumedWhileItsUndoIsPaused() {
        moreAcmeInstances(5);
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        Progress stopAfterFiveBatches = new Progress() {
            @Override
            public void update(long done, long total) {
                batches.incrementAndGet();
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean isCancelled() {
                return batches.get() >= 5;
            }
        };
        MigrationRun paused = migration.run(plan(1), stopAfterFiveBatches);
        assertThat(paused.status()).isEqualTo(MigrationRun.Status.PAUSED);
        MigrationRun undoPaused = migration.undo(paused.uuid(), new dev.diffo.admin.support.StopAfterFirstBatch());
        assertThat(undoPaused.status()).isEqualTo(MigrationRun.Status.PAUSED);
        String during = graph.diffoFingerprint();

        assertThatThrownBy(() -> migration.resume(paused.uuid(), Progress.NONE))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("is being undone").hasMessageContaining(undoPaused.uuid());
        assertThat(graph.diffoFingerprint()).isEqualTo(during);
        assertThat(migration.resume(undoPaused.uuid(), Progress.NONE).status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertEveryInstanceOnExactlyOneSpecification();
    }

    @Test
    void aRunWhoseUndoHasStartedIsNotResumed() {
        moreAcmeInstances(5);
        MigrationRun paused = migration.run(plan(2), new dev.diffo.admin.support.StopAfterFirstBatch());
        migration.undo(paused.uuid(), new dev.diffo.admin.support.StopAfterFirstBatch());
        String during = graph.diffoFingerprint();

        // the paused run cannot be resumed while its undo stands: the two would move the same instances both ways
        assertThatThrownBy(() -> migration.resume(paused.uuid(), Progress.NONE))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("is undone");
        assertThat(graph.diffoFingerprint()).isEqualTo(during);
        assertEveryInstanceOnExactlyOneSpecification();
    }

    @Test
    void anUndoPausedAfterItsFirstBatchResumesToTheExactPriorGraph() {
        moreAcmeInstances(5);
        String before = graph.diffoFingerprint();
        MigrationRun run = migration.run(plan(2), Progress.NONE);

        MigrationRun paused = migration.undo(run.uuid(), new dev.diffo.admin.support.StopAfterFirstBatch());

        assertThat(paused.status()).isEqualTo(MigrationRun.Status.PAUSED);
        assertThat(paused.batches()).as("the batches in flight land, no more").isBetween(1, BatchPump.BATCHES_IN_FLIGHT);
        assertThat(graph.diffoFingerprint()).isNotEqualTo(before);
        assertEveryInstanceOnExactlyOneSpecification();

        MigrationRun resumed = migration.resume(paused.uuid(), Progress.NONE);

        assertThat(resumed.status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(resumed.migrated()).isEqualTo(7);
        assertThat(graph.diffoFingerprint()).isEqualTo(before);
    }

    @Test
    void aCheckCancelledByItsCallerStopsWaitingAndInterruptsItsReads(MigrationRepository real, CatalogueRepository catalogue,
                                                                     VersioningRepository versioning, Operator operator,
                                                                     com.google.inject.Injector injector) throws Exception {
        java.util.concurrent.ExecutorService executor = injector.getInstance(java.util.concurrent.ExecutorService.class);
        var surveying = new java.util.concurrent.CountDownLatch(1);
        var interrupted = new java.util.concurrent.CountDownLatch(1);
        // the real repository, except that the value survey never ends by itself
        MigrationRepository endless = (MigrationRepository) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MigrationRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("valueCounts")) {
                        surveying.countDown();
                        try {
                            new java.util.concurrent.CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                            throw new IllegalStateException("the survey was interrupted", e);
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        MigrationService service = new MigrationService(endless, catalogue, versioning, operator, executor, new CurrentAccess());
        CancelledByTheCaller progress = new CancelledByTheCaller();

        var checking = executor.submit(() -> service.check("acme", V1, V2, null, progress));
        surveying.await();
        progress.cancel();

        assertThatThrownBy(checking::get).hasCauseInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(interrupted.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the abandoned read was interrupted").isTrue();
    }

    @Test
    void aRunThatFailsInsideABatchResumesAndMovesEveryInstanceExactlyOnce(MigrationRepository real, CatalogueRepository catalogue,
                                                                        VersioningRepository versioning, Operator operator,
                                                                        com.google.inject.Injector injector) {
        java.util.concurrent.ExecutorService executor = injector.getInstance(java.util.concurrent.ExecutorService.class);
        moreAcmeInstances(10);
        AtomicInteger decisions = new AtomicInteger();
        MigrationRepository failing = new FailingInThirdBatch(real, decisions);
        MigrationService flaky = new MigrationService(failing, catalogue, versioning, operator, executor, new CurrentAccess());

        assertThatThrownBy(() -> flaky.run(plan(4), Progress.NONE))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("stopped after 8 of 12");
        assertThat(onSpec(V2)).as("two whole batches landed, the third rolled back").isEqualTo(1 + 8);
        assertEveryInstanceOnExactlyOneSpecification();
        MigrationRun interrupted = migration.runs(V1).getFirst();
        assertThat(interrupted.status()).isEqualTo(MigrationRun.Status.INTERRUPTED);

        MigrationRun resumed = migration.resume(interrupted.uuid(), Progress.NONE);

        assertThat(resumed.status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(resumed.migrated()).isEqualTo(12);
        assertThat(resumed.batchSize()).isEqualTo(4);
        assertThat(resumed.batches()).as("resumed with the run's own batch size: 2 + 4/4").isEqualTo(3);
        assertThat(migration.remaining("acme", V1)).isZero();
        assertThat(onSpec(V2)).isEqualTo(13);
        assertThat(graph.query("MATCH (:MigrationRun {uuid: '" + resumed.uuid() + "'})-[:HAS_BATCH]->(b) RETURN " + LedgerTexts.COLUMNS).stream()
                .flatMap(b -> LedgerTexts.of(b).stream()).toList())
                .as("the ledger names each instance once").hasSize(12).doesNotHaveDuplicates();
        assertEveryInstanceOnExactlyOneSpecification();
    }

    @Test
    void undoRestoresTheExactPriorGraph() {
        moreAcmeInstances(5);
        String before = graph.diffoFingerprint();
        MigrationRun run = migration.run(plan(2), Progress.NONE);
        assertThat(graph.diffoFingerprint()).isNotEqualTo(before);

        MigrationRun undo = migration.undo(run.uuid(), Progress.NONE);

        assertThat(undo.kind()).isEqualTo(MigrationRun.Kind.UNDO);
        assertThat(undo.status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(undo.migrated()).isEqualTo(7);
        assertThat(graph.diffoFingerprint()).isEqualTo(before);
        assertThat(migration.findRun(run.uuid()).orElseThrow().status()).isEqualTo(MigrationRun.Status.UNDONE);
        assertThatThrownBy(() -> migration.undo(run.uuid(), Progress.NONE)).hasMessageContaining("cannot be undone");
    }

    @Test
    void aLedgerWrittenBeforeItsEntriesWerePackedIsStillExportedAndUndone() throws Exception {
        moreAcmeInstances(5);
        String before = graph.diffoFingerprint();
        MigrationRun run = migration.run(plan(2), Progress.NONE);
        StringBuilder packedCsv = new StringBuilder();
        migration.exportCsv(run.uuid(), packedCsv);
        // each batch node as a version before the packed form wrote it: its entries a list of texts
        var batches = graph.query("MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b) RETURN elementId(b) AS id, " + LedgerTexts.COLUMNS,
                Map.of("run", run.uuid()));
        assertThat(batches).allSatisfy(b -> assertThat(b.get("entriesGzip").isNull()).as("written packed").isFalse());
        for (var b : batches) {
            graph.run("MATCH (b) WHERE elementId(b) = $id SET b.entries = $entries REMOVE b.entriesGzip",
                    Map.of("id", b.get("id").asString(), "entries", LedgerTexts.of(b)));
        }

        StringBuilder plainCsv = new StringBuilder();
        migration.exportCsv(run.uuid(), plainCsv);
        assertThat(plainCsv.toString()).isEqualTo(packedCsv.toString()).contains("fttb");
        MigrationRun undo = migration.undo(run.uuid(), Progress.NONE);

        assertThat(undo.migrated()).isEqualTo(7);
        assertThat(graph.diffoFingerprint()).isEqualTo(before);
    }

    @Test
    void overlappingRunsNeverCorruptAnything() throws Exception {
        moreAcmeInstances(40);
        var first = CompletableFuture.supplyAsync(() -> attempt(plan(5)));
        var second = CompletableFuture.supplyAsync(() -> attempt(plan(5)));

        List<String> outcomes = List.of(first.get(), second.get());

        assertThat(outcomes).contains("COMPLETED");
        assertThat(outcomes).allSatisfy(o -> assertThat(o).matches("COMPLETED|.*Another migration of acme's instances.*"));
        assertThat(migration.remaining("acme", V1)).isZero();
        assertEveryInstanceOnExactlyOneSpecification();
    }

    private String attempt(MigrationPlan plan) {
        try {
            return migration.run(plan, Progress.NONE).status().name();
        } catch (DiffoAdminException e) {
            return e.getMessage();
        }
    }

    /** The real repository, except that the third batch fails midway, inside its transaction. */
    record FailingInThirdBatch(MigrationRepository real, AtomicInteger decisions) implements MigrationRepository {
        @Override
        public BatchResult migrateBatch(MigrationRun run, String owner, int index, List<String> ids, Decider decider, boolean rollback) {
            Decider failing = index == 2 ? candidate -> {
                if (decisions.incrementAndGet() > 2) {
                    throw new IllegalStateException("injected failure in batch " + index);
                }
                return decider.decide(candidate);
            } : decider;
            return real.migrateBatch(run, owner, index, ids, failing, rollback);
        }

        @Override
        public List<dev.diffo.admin.domain.Rsp.Share> rsps(String sourceUuid) {
            return real.rsps(sourceUuid);
        }

        @Override
        public List<String> selection(String sourceUuid, String rsp, String nameFilter) {
            return real.selection(sourceUuid, rsp, nameFilter);
        }

        @Override
        public long selectionCount(String sourceUuid, String rsp, String nameFilter) {
            return real.selectionCount(sourceUuid, rsp, nameFilter);
        }

        @Override
        public List<InstanceRef> carrying(String sourceUuid, String rsp, String nameFilter, List<StoredValue> values, String contains, String after,
                                          int limit) {
            return real.carrying(sourceUuid, rsp, nameFilter, values, contains, after, limit);
        }

        @Override
        public List<ValueCount> valueCounts(String sourceUuid, String rsp, String nameFilter) {
            return real.valueCounts(sourceUuid, rsp, nameFilter);
        }

        @Override
        public MigrationRun startRun(MigrationPlan plan, MigrationRun.Kind kind, String undoOf, String actor, String owner, long total) {
            return real.startRun(plan, kind, undoOf, actor, owner, total);
        }

        @Override
        public List<String> commonLabels(String specUuid) {
            return real.commonLabels(specUuid);
        }

        @Override
        public List<Left> leftOnSource(String runUuid) {
            return real.leftOnSource(runUuid);
        }

        @Override
        public int nextBatchIndex(String runUuid) {
            return real.nextBatchIndex(runUuid);
        }

        @Override
        public MigrationRun claim(String runUuid, String owner) {
            return real.claim(runUuid, owner);
        }

        @Override
        public int undoBatch(MigrationRun undo, String owner, String runUuid, int index) {
            return real.undoBatch(undo, owner, runUuid, index);
        }

        @Override
        public List<Integer> undoableBatches(String runUuid) {
            return real.undoableBatches(runUuid);
        }

        @Override
        public MigrationRun finish(String runUuid, MigrationRun.Status status, String error) {
            return real.finish(runUuid, status, error);
        }

        @Override
        public List<LedgerEntry> ledger(String runUuid) {
            return real.ledger(runUuid);
        }

        @Override
        public java.util.Optional<MigrationRun> run(String runUuid) {
            return real.run(runUuid);
        }

        @Override
        public List<MigrationRun> runs(String sourceOrTargetUuid) {
            return real.runs(sourceOrTargetUuid);
        }
    }
}
