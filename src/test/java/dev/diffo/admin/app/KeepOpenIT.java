package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code --keep-open}: a command that opened the embedded store itself hands it, once closed, to a process started
 * in the background; the next command uses that one (waiting for it while it opens the store); a client still connected keeps it open past its idle time; once nothing
 * uses it for that time it closes the store by itself (and the next command opens the store, everything written
 * through the holder in it); {@code serve --stop} stops it at once. Commands run in child JVMs, as a user runs them.
 */
class KeepOpenIT {

    private static final Pattern NOTICE = Pattern.compile("The store stays open in the background for (\\S+) after the last command \\(diffo-admin process (\\d+)\\)");

    @TempDir
    Path home;

    private final List<Long> holders = new ArrayList<>();

    @AfterEach
    void stopHolders() throws Exception {
        for (long pid : holders) {
            Optional<ProcessHandle> holder = ProcessHandle.of(pid);
            if (holder.isPresent()) {
                holder.get().destroy();
                holder.get().onExit().get(2, TimeUnit.MINUTES);
            }
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run command(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = ChildJvm.builder(ChildJvm.launcher(args), home).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not end");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The holder the notice names, remembered for the clean-up. */
    private long holderNamedIn(Run run) {
        Matcher m = NOTICE.matcher(run.err());
        assertThat(m.find()).as("the notice that the store is kept open, in: " + run.err()).isTrue();
        long pid = Long.parseLong(m.group(2));
        holders.add(pid);
        return pid;
    }

    private static long heldBy(Run catalogue) throws IOException {
        assertThat(catalogue.exitCode()).as(catalogue.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(catalogue.out());
        assertThat(json.path("specifications").get(0).path("name").asText()).isEqualTo("broadband");
        return json.path("connection").path("heldBy").asLong();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void awaitEnd(long pid) throws Exception {
        Optional<ProcessHandle> holder = ProcessHandle.of(pid);
        if (holder.isPresent()) {
            holder.get().onExit().get(3, TimeUnit.MINUTES);
        }
    }

    @Test
    void theNextCommandUsesTheStoreTheFirstKeptOpenAndTheHolderStopsOnceNothingUsesIt() throws Exception {
        Path dir = home.resolve("store");
        Run demo = command("--keep-open", "8s", "--data-dir", dir.toString(), "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Demo loaded.");
        long holder = holderNamedIn(demo);
        assertThat(NOTICE.matcher(demo.err()).results().findFirst().orElseThrow().group(1)).isEqualTo("8s");
        assertThat(demo.err()).contains("--data-dir " + dir.toAbsolutePath() + " serve --stop");
        assertThat(alive(holder)).as("the holder outlives the command").isTrue();

        // the next command uses it (waiting for it while it opens the store), and starts no holder of its own
        Run catalogue = command("--keep-open", "8s", "--data-dir", dir.toString(), "catalogue", "--json");
        assertThat(heldBy(catalogue)).isEqualTo(holder);
        assertThat(catalogue.err()).doesNotContain("stays open");
        assertThat(HeldStore.read(dir.resolve(HeldStore.FILE))).get().extracting(HeldStore.Held::pid).isEqualTo(holder);
        assertThat(dir.resolve(BackgroundHolder.STARTING_FILE)).as("gone once the holder published its address").doesNotExist();

        // a client connected to it (the window, a long migration) keeps it open past its idle time
        char[] password = EmbeddedNeo4j.existingPassword(dir).orElseThrow();
        String uri = HeldStore.read(dir.resolve(HeldStore.FILE)).orElseThrow().boltUri();
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic(EmbeddedNeo4j.USER, new String(password)));
             var session = driver.session()) {
            session.run("RETURN 1").consume();
            Thread.sleep(12_000);
            assertThat(alive(holder)).as("a client still connected keeps the store open").isTrue();
            session.executeWriteWithoutResult(tx -> tx.run("CREATE (:KeepOpenProbe {at: 'held'})").consume());
        }

        // with nothing using it, it withdraws its address and closes the store by itself
        awaitEnd(holder);
        assertThat(dir.resolve(HeldStore.FILE)).doesNotExist();
        String console = Files.readString(dir.resolve("logs").resolve(BackgroundHolder.CONSOLE_FILE), StandardCharsets.UTF_8);
        assertThat(console).contains("Stopped: no command used the store for 8s.");

        // the next command without keep-open opens the store itself: what was written through the holder is there
        Run after = command("--keep-open", "0", "--data-dir", dir.toString(), "catalogue", "--json");
        assertThat(heldBy(after)).as("opened by the command itself").isZero();
        assertThat(after.err()).doesNotContain("stays open");
        assertThat(dir.resolve(HeldStore.FILE)).as("closed by the command, no holder after --keep-open 0").doesNotExist();
        try (var store = EmbeddedNeo4j.start(dir, new EmbeddedNeo4j.Options(32L * 1024 * 1024));
             Driver driver = GraphDatabase.driver(store.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, new String(store.password())));
             var session = driver.session()) {
            assertThat(session.run("MATCH (p:KeepOpenProbe {at: 'held'}) RETURN count(p) AS n").single().get("n").asLong()).isEqualTo(1);
            assertThat(session.run("MATCH ()-[r:SPECIFIED_BY]->() RETURN count(r) AS n").single().get("n").asLong()).isEqualTo(3);
        }
    }

    @Test
    void serveStopStopsTheHolderAtOnceAndSaysWhenThereIsNone() throws Exception {
        Path dir = home.resolve("stopped");
        Run demo = command("--data-dir", dir.toString(), "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        long holder = holderNamedIn(demo);
        assertThat(NOTICE.matcher(demo.err()).results().findFirst().orElseThrow().group(1)).as("the default").isEqualTo("10m");

        Run stop = command("--data-dir", dir.toString(), "serve", "--stop");
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).contains("Stopped diffo-admin process " + holder);
        assertThat(alive(holder)).as("ended before serve --stop returned").isFalse();
        assertThat(dir.resolve(HeldStore.FILE)).doesNotExist();

        Run again = command("--data-dir", dir.toString(), "serve", "--stop");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("No diffo-admin process holds the store at " + dir.toAbsolutePath() + " open.");

        Run wrong = command("--keep-open", "soon", "--data-dir", dir.toString(), "catalogue");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("--keep-open is 'soon', not a duration").contains("90s");
        assertThat(dir.resolve(HeldStore.FILE)).as("a mistake starts nothing").doesNotExist();
    }
}
