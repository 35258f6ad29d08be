package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.repository.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One embedded store, several diffo-admin processes: while one holds the store open ({@code serve} here; the window
 * alike), a command on the same data directory talks to it over Bolt instead of failing on the store's lock or
 * starting a store of its own, and leaves it open when it ends; once the holder stops, the next command opens the
 * store itself and finds what was written through the holder.
 */
class SharedStoreIT {

    @TempDir
    Path home;

    private Process serve;

    @AfterEach
    void stopServe() throws InterruptedException {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private ProcessBuilder child(Path out, String... args) {
        return ChildJvm.builder(ChildJvm.launcher(args), home).redirectOutput(out.toFile()).redirectError(home.resolve(out.getFileName() + ".err").toFile());
    }

    private static String waitFor(Path out, String text, Process process) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < until) {
            String now = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            if (now.contains(text)) {
                return now;
            }
            assertThat(process.isAlive()).as("the child is still running; its output so far: " + now).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("'" + text + "' not printed in 5 minutes");
    }

    @Test
    void aCommandUsesTheStoreAnotherProcessHoldsAndTheStoreOutlivesTheCommand() throws Exception {
        Path dir = home.resolve("store");
        Path serveOut = home.resolve("serve.txt");
        serve = child(serveOut, "--data-dir", dir.toString(), "serve").start();
        String served = waitFor(serveOut, "Serving the embedded store on bolt://127.0.0.1:", serve);
        assertThat(HeldStore.read(dir.resolve(HeldStore.FILE))).get().extracting(HeldStore.Held::pid).isEqualTo(serve.pid());

        // a command in another JVM: it loads the demo through the held store, and the holder keeps serving after it ended
        Path demoOut = home.resolve("demo.txt");
        Process demo = child(demoOut, "--data-dir", dir.toString(), "demo").start();
        assertThat(demo.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(demo.exitValue()).as(Files.readString(home.resolve("demo.txt.err"))).isZero();
        Path catalogueOut = home.resolve("catalogue.txt");
        Process catalogue = child(catalogueOut, "--data-dir", dir.toString(), "catalogue", "--json").start();
        assertThat(catalogue.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(catalogue.exitValue()).as(Files.readString(home.resolve("catalogue.txt.err"))).isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(catalogueOut));
        assertThat(json.path("connection").path("heldBy").asLong()).isEqualTo(serve.pid());
        assertThat(json.path("specifications").get(0).path("name").asText()).isEqualTo("broadband");
        assertThat(serve.isAlive()).as("the holder outlives the commands").isTrue();

        // this JVM, through the Store as the window uses it: the held store, written and read over Bolt
        ConnectionSettings settings = ConnectionSettings.embedded(dir);
        Database database = new Database();
        try (Store store = new Store(database, settings, new EmbeddedNeo4j.Options(32L * 1024 * 1024))) {
            ConnectionInfo info = store.connect(settings);
            assertThat(info.heldBy()).isEqualTo(serve.pid());
            assertThat(info.summary()).contains("held open by diffo-admin process " + serve.pid());
            assertThat(served).contains(info.uri());
            database.write(tx -> tx.run("CREATE (:SharedStoreProbe {at: 'held'})").consume());
        }
        assertThat(serve.isAlive()).isTrue();

        // the holder stops (SIGTERM, as Ctrl+C): its note goes with it, and the next connection opens the store here
        serve.destroy();
        assertThat(serve.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(dir.resolve(HeldStore.FILE)).doesNotExist();
        Database own = new Database();
        try (Store store = new Store(own, settings, new EmbeddedNeo4j.Options(32L * 1024 * 1024))) {
            ConnectionInfo info = store.connect(settings);
            assertThat(info.heldBy()).isZero();
            long probes = own.read(tx -> tx.run("MATCH (p:SharedStoreProbe {at: 'held'}) RETURN count(p) AS n").single().get("n").asLong());
            assertThat(probes).as("what was written through the holder is in the store").isEqualTo(1);
            long specifications = own.read(tx -> tx.run("MATCH (s:Specification) RETURN count(s) AS n").single().get("n").asLong());
            assertThat(specifications).as("the demo loaded through the holder").isPositive();
        }
    }

    @Test
    void aStoreThisProcessCannotShareIsRefusedWithTheReasonNotWaitedOnForever() throws Exception {
        // two Stores of one JVM on one directory: the second cannot take the lock and cannot share (the note is its own
        // process's), so after the short wait it says plainly that the store is in use
        Path dir = home.resolve("own");
        ConnectionSettings settings = ConnectionSettings.embedded(dir);
        System.setProperty(Store.SHARE_WAIT_PROPERTY, "1");
        try (Store first = new Store(new Database(), settings, new EmbeddedNeo4j.Options(32L * 1024 * 1024));
             Store second = new Store(new Database(), settings, new EmbeddedNeo4j.Options(32L * 1024 * 1024))) {
            first.connect(settings);
            assertThatThrownBy(() -> second.connect(settings))
                    .isInstanceOf(DiffoAdminException.class)
                    .hasMessageContaining("did not start")
                    .satisfies(e -> assertThat(EmbeddedNeo4j.lockedByAnother(e)).as("the lock is recognised").isTrue())
                    .satisfies(e -> assertThat(((DiffoAdminException) e).describe()).contains("If another diffo-admin"));
        } finally {
            System.clearProperty(Store.SHARE_WAIT_PROPERTY);
        }
    }
}
