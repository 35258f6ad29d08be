package dev.diffo.admin.repository;

import static dev.diffo.admin.support.DiffoLivebookCatalogue.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch's first step ({@link MigrationCypher#LOCK_BATCH}) takes each instance's write lock before it reads it, and
 * holds it to the end of the batch's transaction: a write to a locked instance by anyone else waits until then (so no
 * instance is read, decided on and moved by two batches or two processes at once), and goes through once it ends.
 */
@ExtendWith(Neo4jExtension.class)
class LockStepIT {

    @Test
    void theLockStepHoldsEachInstancesWriteLockUntilItsTransactionEnds(TestGraph graph, Database database) throws Exception {
        DiffoLivebookCatalogue.write(graph);
        String id = graph.query("MATCH (i:Instance {name: 'bb-0001'}) RETURN elementId(i) AS id").getFirst().get("id").asString();
        String labels = graph.query("MATCH (i) WHERE elementId(i) = $id RETURN labels(i) AS labels", Map.of("id", id)).getFirst().get("labels").toString();

        assertTheLockStepHoldsTheWriteLock(graph, database, id);
        assertThat(graph.query("MATCH (i) WHERE elementId(i) = $id RETURN labels(i) AS labels", Map.of("id", id)).getFirst().get("labels").toString())
                .as("the labels it sets to take the lock are those it had").isEqualTo(labels);
    }

    @Test
    void anInstanceWithoutALabelIsLockedToo(TestGraph graph, Database database) throws Exception {
        DiffoLivebookCatalogue.write(graph);
        graph.run("""
                MATCH (s:Specification {uuid: $v1})
                CREATE (i {uuid: randomUUID(), name: 'acme-unlabelled', state: 'initial'})-[:SPECIFIED_BY]->(s)
                """, Map.of("v1", V1));
        String id = graph.query("MATCH (i {name: 'acme-unlabelled'}) RETURN elementId(i) AS id").getFirst().get("id").asString();

        assertTheLockStepHoldsTheWriteLock(graph, database, id);
        assertThat(graph.query("MATCH (i) WHERE elementId(i) = $id RETURN labels(i) AS labels", Map.of("id", id)).getFirst().get("labels").asList())
                .as("still without a label").isEmpty();
    }

    private static void assertTheLockStepHoldsTheWriteLock(TestGraph graph, Database database, String id) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // threads of their own (the common pool may have one thread on a small machine: the write would queue behind the batch)
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Integer> batch = CompletableFuture.supplyAsync(() -> database.rolledBack(tx -> {
            int rows = tx.run(MigrationCypher.LOCK_BATCH, Map.of("source", V1, "ids", List.of(id), "unaffected", Map.of(), "rsp", "acme", "rspRole", "Reseller", "tally", false)).list().size();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return rows;
        }), threads);
        assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();

        // as diffo would, meanwhile: a write to the same instance
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> graph.run("MATCH (i) WHERE elementId(i) = $id SET i.state = 'active'", Map.of("id", id)),
                threads);

        assertThatThrownBy(() -> other.get(3, TimeUnit.SECONDS)).as("the other write waits for the batch").isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(batch.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        other.get(60, TimeUnit.SECONDS);
        assertThat(graph.query("MATCH (i) WHERE elementId(i) = $id RETURN i.state AS state, i.diffoAdminLock AS lock", Map.of("id", id)).getFirst())
                .satisfies(r -> {
                    assertThat(r.get("state").asString()).isEqualTo("active");
                    assertThat(r.get("lock").isNull()).as("the lock leaves no property behind").isTrue();
                });
        threads.shutdown();
    }
}
