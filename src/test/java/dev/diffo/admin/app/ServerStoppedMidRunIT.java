package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine;

/**
 * A store of its own (not the shared one: this test stops it) with a migration running from the command line in
 * small batches; the store stops mid-run. The command must end with one plain error naming the run and, as its last
 * line, the exact command that resumes it; no driver stack trace on the console.
 */
class ServerStoppedMidRunIT {

    @TempDir
    Path home;

    @Test
    void aServerStoppedMidRunEndsWithTheResumeCommandAsTheLastLine() throws Exception {
        EmbeddedNeo4j store = EmbeddedNeo4j.start(home.resolve("store"), new EmbeddedNeo4j.Options(64L * 1024 * 1024));
        Map<String, String> env = Map.of("DIFFO_ADMIN_URI", store.boltUri(), "DIFFO_ADMIN_PASSWORD", new String(store.password()));
        try {
            assertThat(CommandLineFailuresIT.run(env, "demo").exitCode()).isZero();
            try (var driver = GraphDatabase.driver(store.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, new String(store.password())));
                 var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        MATCH (v1:Specification {uuid: 'a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5'})
                        UNWIND range(1, 3000) AS k
                        CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service',
                                name: 'acme-bulk-' + toString(k), state: 'initial', createdAt: datetime({timezone: 'Etc/UTC'}), updatedAt: datetime({timezone: 'Etc/UTC'})})
                        CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                                value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.BroadbandValue","value":{"technology":"fttp"}}}'})
                        CREATE (i)-[:SPECIFIED_BY]->(v1), (i)-[:HAS]->(c)
                        """).consume());
            }

            CountDownLatch progressShown = new CountDownLatch(1);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Writer watchingOut = new Writer() {
                @Override
                public void write(char[] chars, int offset, int length) {
                    out.write(chars, offset, length);
                    if (out.toString().contains(" instances/s")) {
                        progressShown.countDown();
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            CompletableFuture<Integer> migrate = CompletableFuture.supplyAsync(() -> {
                CommandLine cli = Launcher.commandLine(env);
                cli.setOut(new PrintWriter(watchingOut, true));
                cli.setErr(new PrintWriter(err, true));
                try {
                    return cli.execute("migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2",
                            "--map", "broadband.technology=fttb:fttn", "--batch-size", "5", "--yes");
                } finally {
                    ((Launcher.RootCommand) cli.getCommand()).close();
                }
            });
            assertThat(progressShown.await(120, TimeUnit.SECONDS)).as("the run got going: " + out + err).isTrue();

            long stopped = System.nanoTime();
            store.close();
            int exitCode = migrate.get(180, TimeUnit.SECONDS);
            System.out.printf("server stopped mid-run: the command exited %d ms after the store began to stop%n", (System.nanoTime() - stopped) / 1_000_000);

            assertThat(exitCode).as(out + "\n" + err).isEqualTo(2);
            List<String> lines = err.toString().lines().filter(l -> !l.isBlank()).toList();
            Matcher run = Pattern.compile("\\(run ([0-9a-f-]{36})\\)").matcher(err.toString());
            assertThat(run.find()).as(err.toString()).isTrue();
            assertThat(lines.getLast()).isEqualTo("diffo-admin migrate resume " + run.group(1));
            assertThat(lines.getFirst()).startsWith("error: The migration stopped after").contains("Lost the connection to Neo4j");
            assertThat(lines).as("one error, its hint and the command").hasSizeLessThanOrEqualTo(3);
            assertThat(err.toString() + out).doesNotContain("\tat ", "Exception");
        } finally {
            store.close();
        }
    }
}
