package dev.diffo.admin.app;

import dev.diffo.admin.repository.LedgerTexts;
import dev.diffo.admin.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

/**
 * Durability: a migration runs in a child JVM on an embedded store of its own and the child is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) once batches have landed. The store opens again; every instance stands on exactly
 * one specification; the ledger agrees with the graph (each instance a committed batch records is on the target with
 * its value remediated, every other one on the source as it was); and the run, resumed, ends with every instance
 * moved exactly once.
 */
class KilledMidRunIT {

    private static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    private static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    private static final int SEEDED = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void aStoreKilledMidRunOpensWithLedgerAndGraphConsistentAndTheRunResumesToTheEnd() throws Exception {
        Path dir = home.resolve("store");
        seed(dir);

        Process child = migrateInAChildJvm(dir);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            // each progress line is printed after a batch has committed: wait for a few, then kill mid-run
            int landed = 0;
            List<String> seen = new ArrayList<>();
            String line;
            while (landed < 3 && (line = out.readLine()) != null) {
                seen.add(line);
                if (line.contains(" instances/s")) {
                    landed++;
                }
            }
            assertThat(landed).as("batches landed before the kill: " + seen + "\n" + Files.readString(home.resolve("child-err.txt"))).isEqualTo(3);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(dir, new EmbeddedNeo4j.Options(64L * 1024 * 1024));
             Driver driver = GraphDatabase.driver(store.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, new String(store.password())))) {
            assertEveryInstanceOnExactlyOneSpecification(driver);
            Record run = single(driver, "MATCH (r:MigrationRun) RETURN r.uuid AS uuid, r.status AS status, r.migrated AS migrated, r.total AS total", Map.of());
            String runUuid = run.get("uuid").asString();
            assertThat(run.get("status").asString()).as("the killed run never finished").isEqualTo("RUNNING");

            Map<String, Integer> recorded = ledgerIds(driver, runUuid);
            assertThat(recorded.values()).as("no instance recorded twice").allMatch(n -> n == 1);
            assertThat(recorded).as("some batches committed, not all").isNotEmpty().hasSizeLessThan(run.get("total").asInt());
            assertThat(recorded).as("the run's count agrees with its ledger").hasSize(run.get("migrated").asInt());
            Map<String, Placed> placed = acmeInstances(driver);
            for (Map.Entry<String, Placed> instance : placed.entrySet()) {
                Placed p = instance.getValue();
                if (recorded.containsKey(instance.getKey())) {
                    assertThat(p.spec()).as(p.name() + " is recorded as moved").isEqualTo(V2);
                    assertThat(p.technology()).as(p.name() + "'s value remediated with it").isNotEqualTo("fttb");
                } else {
                    assertThat(p.spec()).as(p.name() + " is in no committed batch").isEqualTo(V1);
                    assertThat(p.technology()).as(p.name() + "'s value untouched").isEqualTo(p.seededTechnology());
                }
            }

            // resumed later by another process: the dead one's heartbeat is older than the takeover wait (as after a restart)
            try (var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run("MATCH (r:MigrationRun {uuid: $run}) SET r.heartbeat = r.heartbeat - duration('PT5M')",
                        Map.of("run", runUuid)).consume());
            }
            LauncherIT.Run resumed = LauncherIT.run(Map.of("DIFFO_ADMIN_URI", store.boltUri(), "DIFFO_ADMIN_PASSWORD", new String(store.password())),
                    "migrate", "resume", runUuid);
            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();

            assertEveryInstanceOnExactlyOneSpecification(driver);
            Map<String, Integer> all = ledgerIds(driver, runUuid);
            Map<String, Placed> after = acmeInstances(driver);
            assertThat(all.values()).as("every instance moved exactly once").allMatch(n -> n == 1);
            assertThat(all.keySet()).as("the ledger holds every instance of the run").isEqualTo(after.keySet());
            assertThat(after.values()).as("all on the target, none with the retired value")
                    .allMatch(p -> p.spec().equals(V2) && !"fttb".equals(p.technology()));
            assertThat(single(driver, "MATCH (r:MigrationRun {uuid: $run}) RETURN r.status AS status", Map.of("run", runUuid)).get("status").asString())
                    .isEqualTo("COMPLETED");
        }
    }

    /** The demo and {@value #SEEDED} of Acme's instances on broadband v1 (a quarter with the retired fttb), then the store is closed. */
    private void seed(Path dir) {
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(dir, new EmbeddedNeo4j.Options(64L * 1024 * 1024))) {
            LauncherIT.Run demo = LauncherIT.run(Map.of("DIFFO_ADMIN_URI", store.boltUri(), "DIFFO_ADMIN_PASSWORD", new String(store.password())), "demo");
            assertThat(demo.exitCode()).as(demo.err()).isZero();
            try (Driver driver = GraphDatabase.driver(store.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, new String(store.password())));
                 var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run(TestGraph.ACME_INSTANCES,
                        TestGraph.acmeInstances(V1, "acme-kill-", SEEDED, List.of("fttb", "fttp", "fttn", "fttc"))).consume());
            }
        }
    }

    /** {@code java -cp <this test's class path> Launcher --data-dir DIR migrate …} in small batches, its stderr to a file. */
    private Process migrateInAChildJvm(Path dir) throws IOException {
        List<String> command = ChildJvm.launcher(
                // the store in the killed process itself, not in a holder kept open beside it
                "--keep-open", "0", "--data-dir", dir.toString(), "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2",
                "--map", "broadband.technology=fttb:fttn", "--batch-size", "20", "--yes");
        return ChildJvm.builder(command, home).redirectError(home.resolve("child-err.txt").toFile()).start();
    }

    private static void assertEveryInstanceOnExactlyOneSpecification(Driver driver) {
        Record counts = single(driver, """
                MATCH (i:Instance)
                RETURN count(i) AS instances, count(CASE WHEN COUNT { (i)-[:SPECIFIED_BY]->() } <> 1 THEN 1 END) AS wrong
                """, Map.of());
        assertThat(counts.get("instances").asInt()).isEqualTo(SEEDED + 3);
        assertThat(counts.get("wrong").asInt()).as("instances without exactly one SPECIFIED_BY").isZero();
    }

    /** How often each instance (element id) appears in the run's ledger entries. */
    private static Map<String, Integer> ledgerIds(Driver driver, String runUuid) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        List<Record> batches;
        try (var session = driver.session()) {
            batches = session.executeRead(tx -> tx.run("MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch) RETURN " + LedgerTexts.COLUMNS,
                    Map.of("run", runUuid)).list());
        }
        for (Record b : batches) {
            for (String entry : LedgerTexts.of(b)) {
                ids.merge(JSON.readTree(entry).path("id").asText(), 1, Integer::sum);
            }
        }
        return ids;
    }

    record Placed(String name, String spec, String technology, String seededTechnology) {
    }

    /** Acme's instances (element id →) where they stand and their technology, with the one they were seeded with. */
    private static Map<String, Placed> acmeInstances(Driver driver) {
        List<Record> rows;
        try (var session = driver.session()) {
            rows = session.executeRead(tx -> tx.run("""
                    MATCH (s:Specification)<-[:SPECIFIED_BY]-(i:Instance)-[:HAS]->(c:Characteristic)
                    WHERE i.name STARTS WITH 'acme-'
                    RETURN elementId(i) AS id, i.name AS name, s.uuid AS spec, c.value AS value
                    """).list());
        }
        Map<String, Placed> placed = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (Record r : rows) {
            String name = r.get("name").asString();
            assertThat(names.add(name)).as(name + " read once").isTrue();
            String technology = technology(r.get("value").asString());
            String seeded = name.startsWith("acme-kill-") ? List.of("fttb", "fttp", "fttn", "fttc").get(Integer.parseInt(name.substring("acme-kill-".length())) % 4)
                    : technology;
            placed.put(r.get("id").asString(), new Placed(name, r.get("spec").asString(), technology, seeded));
        }
        return placed;
    }

    private static String technology(String value) {
        try {
            return JSON.readTree(value).path("value").path("value").path("technology").asText();
        } catch (IOException e) {
            throw new AssertionError(value, e);
        }
    }

    private static Record single(Driver driver, String query, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query, params).single());
        }
    }
}
