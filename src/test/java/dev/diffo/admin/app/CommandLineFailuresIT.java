package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.StoreCredentials;
import dev.diffo.admin.support.TestGraph;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's failures: fast and plain on a wrong port, input refused before anything is read or written,
 * and a password typed on the command line never shown.
 */
@ExtendWith(Neo4jExtension.class)
class CommandLineFailuresIT {

    record Run(int exitCode, String out, String err, long millis) {
    }

    /** The command line as LauncherIT runs it, and how long it took. */
    static Run run(Map<String, String> env, String... args) {
        long started = System.nanoTime();
        LauncherIT.Run run = LauncherIT.run(env, args);
        return new Run(run.exitCode(), run.out(), run.err(), (System.nanoTime() - started) / 1_000_000);
    }

    static Map<String, String> server(String uri, char[] password) {
        return Map.of("DIFFO_ADMIN_URI", uri, "DIFFO_ADMIN_PASSWORD", new String(password));
    }

    static void assertNoStackTrace(Run run) {
        assertThat(run.err() + run.out()).doesNotContain("\tat ", "Exception:");
    }

    @Test
    void aSilentPortFailsWithinTheConnectTimeoutInAPlainSentence() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accepts, reads nothing, answers nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            Run catalogue = run(server("bolt://127.0.0.1:" + silent.getLocalPort(), "secret".toCharArray()), "catalogue");
            acceptor.interrupt();

            System.out.printf("silent port: failed in %d ms%n", catalogue.millis());
            assertThat(catalogue.exitCode()).isEqualTo(2);
            assertThat(catalogue.err()).startsWith("error: Nothing answers at 127.0.0.1:" + silent.getLocalPort() + " within 5 s")
                    .contains("Check host and port").doesNotContain("credentials", "password");
            assertNoStackTrace(catalogue);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void anHttpPortIsNamedAsNotNeo4j() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try {
            Run catalogue = run(server("bolt://127.0.0.1:" + http.getAddress().getPort(), "secret".toCharArray()), "catalogue");

            assertThat(catalogue.exitCode()).isEqualTo(2);
            assertThat(catalogue.err()).contains("That port answers but is not Neo4j (it speaks HTTP)", "7687").doesNotContain("credentials");
            assertNoStackTrace(catalogue);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void exportOfAnUnknownRunLeavesAnExistingFileUnchanged(StoreCredentials store, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "precious,data\n1,2\n");

        Run unknown = run(server(store.uri(), store.password()), "migrate", "export", "0b7c6a5e-1d2f-4a3b-8c9d-0e1f2a3b4c5d", "--out", file.toString());
        Run malformed = run(server(store.uri(), store.password()), "migrate", "export", "WRONG", "--out", file.toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("There is no migration run 0b7c6a5e-1d2f-4a3b-8c9d-0e1f2a3b4c5d");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("'WRONG' is not a run id");
        assertThat(Files.readString(file)).isEqualTo("precious,data\n1,2\n");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aBatchSizeOutOfRangeIsRefusedBeforeConnecting() {
        // the server named here does not exist: the refusal must come before any attempt to reach it
        Run zero = run(server("bolt://127.0.0.1:1", "secret".toCharArray()),
                "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2", "--batch-size", "0");
        Run huge = run(server("bolt://127.0.0.1:1", "secret".toCharArray()),
                "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2", "--batch-size", "100001");

        assertThat(zero.err()).contains("--batch-size 0 is out of range", "Use 1 to 100,000").doesNotContain("Cannot reach");
        assertThat(huge.err()).contains("--batch-size 100001 is out of range").doesNotContain("Cannot reach");
        assertThat(zero.exitCode()).isEqualTo(2);
    }

    @Test
    void anEmptyUriIsRefusedAndOpensNoEmbeddedStore(@TempDir Path dir) {
        Path dataDir = dir.resolve("store");
        Run run = run(Map.of("DIFFO_ADMIN_DATA_DIR", dataDir.toString()), "--uri", "", "catalogue");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--uri is empty");
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void anEmptyDataDirectoryIsRefused() {
        Run run = run(Map.of(), "--data-dir", "", "catalogue");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--data-dir is empty");
        assertThat(Path.of("neo4j-password")).doesNotExist();
    }

    @Test
    void aPasswordTypedAfterPasswordIsNeverEchoed() {
        Run separate = run(Map.of(), "--password", "hunter2-Secret", "catalogue");
        Run attached = run(Map.of(), "--password=hunter2-Secret", "catalogue");

        for (Run r : List.of(separate, attached)) {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("--password takes no value");
            assertThat(r.out() + r.err()).doesNotContain("hunter2-Secret");
        }
    }

    @Test
    void namesTooLongOrWithALineBreakAreRefusedAndNothingIsWritten(StoreCredentials store, TestGraph graph) {
        assertThat(run(server(store.uri(), store.password()), "demo").exitCode()).isZero();
        String before = graph.fingerprint();
        Map<String, String> env = new HashMap<>(server(store.uri(), store.password()));

        Run long10k = run(env, "spec", "create", "--name", "a".repeat(10_000));
        Run newline = run(env, "spec", "create", "--name", "broad\nband");

        assertThat(long10k.exitCode()).isEqualTo(2);
        assertThat(long10k.err()).contains("is too long", "at most 255").hasSizeLessThan(400);
        assertThat(newline.exitCode()).isEqualTo(2);
        assertThat(newline.err()).contains("line break");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }
}
