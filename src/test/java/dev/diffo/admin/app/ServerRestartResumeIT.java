package dev.diffo.admin.app;

import dev.diffo.admin.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.ConnectionLostException;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.repository.LedgerTexts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * A lost connection mid-migration, end to end through the migration service as the app calls it: the server is
 * stopped while batches run, started again on the same data, the app reconnects and resumes, and every instance
 * has moved exactly once (the ledger names each once, each is on the target once, none has two specifications).
 */
class ServerRestartResumeIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final int SEEDED = 1000;

    @TempDir
    Path home;

    static ConnectionSettings server(EmbeddedNeo4j store) {
        return new ConnectionSettings(store.boltUri(), EmbeddedNeo4j.USER, store.password(), null, Path.of("unused"));
    }

    static long count(EmbeddedNeo4j store, String cypher) {
        try (var driver = GraphDatabase.driver(store.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, new String(store.password())));
             var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
        }
    }

    /** The run's ledger entries, every batch's. */
    static List<String> ledger(EmbeddedNeo4j store, String runUuid) {
        try (var driver = GraphDatabase.driver(store.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, new String(store.password())));
             var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b) RETURN " + LedgerTexts.COLUMNS,
                    Map.of("run", runUuid)).list()).stream().flatMap(b -> LedgerTexts.of(b).stream()).toList();
        }
    }

    @Test
    void aServerStoppedMidRunThenStartedAgainResumesToCompletionWithEveryInstanceMovedExactlyOnce() throws Exception {
        Path data = home.resolve("store");
        EmbeddedNeo4j.Options options = new EmbeddedNeo4j.Options(64L * 1024 * 1024);
        EmbeddedNeo4j first = EmbeddedNeo4j.start(data, options);
        Injector app = Guice.createInjector(new AppModule(server(first), new EmbeddedNeo4j.Options(0)));
        Connector connector = app.getInstance(Connector.class);
        MigrationService migration = app.getInstance(MigrationService.class);
        EmbeddedNeo4j second = null;
        try {
            connector.connect(server(first));
            app.getInstance(DemoService.class).loadDemo();
            try (var driver = GraphDatabase.driver(first.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, new String(first.password())));
                 var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run(TestGraph.ACME_INSTANCES,
                        TestGraph.acmeInstances(V1, "acme-bulk-", SEEDED, java.util.List.of("fttp"))).consume());
            }
            long acme = count(first, "MATCH (i:Instance)-[:SPECIFIED_BY]->(:Specification {uuid: '" + V1 + "'}) WHERE i.name STARTS WITH 'acme' RETURN count(i)");

            // the run, in batches of 5, until some have landed; then the server stops under it
            CountDownLatch going = new CountDownLatch(1);
            AtomicLong reported = new AtomicLong();
            Progress progress = new Progress() {
                @Override
                public void update(long done, long total) {
                    reported.set(done);
                    if (done >= 50) {
                        going.countDown();
                    }
                }

                @Override
                public void message(String message) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            MigrationPlan plan = new MigrationPlan("acme", V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 5);
            CompletableFuture<MigrationRun> run = CompletableFuture.supplyAsync(() -> migration.run(plan, progress));
            assertThat(going.await(120, TimeUnit.SECONDS)).as("the run got going").isTrue();
            first.close();
            Throwable failed = null;
            try {
                run.get(180, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failed = e.getCause();
            }
            assertThat(failed).as("the run fails when the server goes").isInstanceOf(DiffoAdminException.class);
            System.out.printf("server stopped after %d of %d instances were reported moved: %s%n", reported.get(), acme, failed.getMessage());
            assertThat(hasCause(failed, ConnectionLostException.class)).as("told as a lost connection: " + failed.getMessage()).isTrue();

            // the same data, a new server process (a new port): the app reconnects, finds the run and resumes it
            second = EmbeddedNeo4j.start(data, options);
            connector.connect(server(second));
            MigrationRun stopped = migration.runs(V1).stream().filter(r -> r.kind() == MigrationRun.Kind.RUN).findFirst().orElseThrow();
            assertThat(stopped.status().resumable()).as("status " + stopped.status()).isTrue();
            long before = count(second, "MATCH (i:Instance)-[:SPECIFIED_BY]->(:Specification {uuid: '" + V2 + "'}) RETURN count(i)");
            assertThat(before).as("some moved before the stop, not all").isPositive().isLessThan(acme);

            MigrationRun resumed = migration.resume(stopped.uuid(), Progress.NONE);

            assertThat(resumed.status()).isEqualTo(MigrationRun.Status.COMPLETED);
            assertThat(count(second, "MATCH (i:Instance)-[:SPECIFIED_BY]->(:Specification {uuid: '" + V2 + "'}) WHERE i.name STARTS WITH 'acme' RETURN count(i)"))
                    .as("every acme instance on the target").isEqualTo(acme);
            assertThat(count(second, "MATCH (i:Instance)-[:SPECIFIED_BY]->(:Specification {uuid: '" + V1 + "'}) WHERE i.name STARTS WITH 'acme' RETURN count(i)"))
                    .as("none left on the source").isZero();
            assertThat(count(second, "MATCH (i:Instance) WHERE COUNT { (i)-[:SPECIFIED_BY]->() } <> 1 RETURN count(i)"))
                    .as("every instance has exactly one SPECIFIED_BY").isZero();
            List<String> ledger = ledger(second, stopped.uuid());
            assertThat(ledger).as("the ledger has one entry per instance: none moved twice").hasSize((int) acme).doesNotHaveDuplicates();
            assertThat(count(second, "MATCH (c:Characteristic) WHERE NOT EXISTS { (:Instance)-[:HAS]->(c) } RETURN count(c)")).as("orphan characteristics").isZero();
            assertThat(migration.verify(resumed).remaining()).isZero();
        } finally {
            app.getInstance(WorkerPool.class).close();
            app.getInstance(Store.class).close();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
