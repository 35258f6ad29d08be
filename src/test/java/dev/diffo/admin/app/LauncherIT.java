package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.StoreCredentials;
import dev.diffo.admin.support.TestGraph;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The command line, against the shared store reached as a server (URI option, password from the environment). */
@ExtendWith(Neo4jExtension.class)
class LauncherIT {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(StoreCredentials store, String... args) {
        return run(Map.of("DIFFO_ADMIN_URI", store.uri(), "DIFFO_ADMIN_PASSWORD", new String(store.password())), args);
    }

    /** The command line with this environment (e.g. a server reached without a password). */
    static Run run(Map<String, String> env, String... args) {
        CommandLine cli = Launcher.commandLine(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code;
        try {
            code = cli.execute(args);
        } finally {
            ((Launcher.RootCommand) cli.getCommand()).close();
        }
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demoThenCatalogueAsJson(StoreCredentials store) throws Exception {
        Run demo = run(store, "demo");
        Run catalogue = run(store, "catalogue", "--json");

        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out()).contains("Demo loaded.");
        assertThat(catalogue.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(catalogue.out());
        assertThat(json.path("connection").path("embedded").asBoolean()).isFalse();
        assertThat(json.path("specifications").get(0).path("majors").get(0).path("status").asText()).isEqualTo("CURRENT");
        JsonNode broadband = json.path("specifications").get(0);
        assertThat(broadband.path("name").asText()).isEqualTo("broadband");
        assertThat(broadband.path("instanceCount").asLong()).isEqualTo(3);
        assertThat(broadband.path("majors")).extracting(m -> m.path("version").asText()).containsExactly("v2.0.0", "v1.0.0");
        assertThat(broadband.path("majors").get(0).path("uuid").asText()).isEqualTo("f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c");
        assertThat(broadband.path("majors").get(1).path("instanceCount").asLong()).isEqualTo(2);
    }

    @Test
    void catalogueAsTextOnAnEmptyDatabaseSaysHowToLoadTheDemo(StoreCredentials store) {
        Run catalogue = run(store, "catalogue");

        assertThat(catalogue.exitCode()).isZero();
        assertThat(catalogue.out()).contains("The database is empty").contains("diffo-admin demo");
    }

    @Test
    void catalogueOfAForeignDatabaseFailsAndSaysWhatWasFound(StoreCredentials store, TestGraph graph) {
        graph.run("CREATE (:Person {name: 'Keanu'})");

        Run catalogue = run(store, "catalogue");

        assertThat(catalogue.exitCode()).isEqualTo(3);
        assertThat(catalogue.err()).contains("not a diffo catalogue").contains("Person (1)");
    }

    @Test
    void aWrongPasswordIsAClearErrorWithExitCode2(StoreCredentials store) {
        Run catalogue = run(new StoreCredentials(store.uri(), "wrong".toCharArray()), "catalogue");

        assertThat(catalogue.exitCode()).isEqualTo(2);
        assertThat(catalogue.err()).contains("wrong user name or password").doesNotContain("wrong\n");
    }

    @Test
    void versioningFromTheCommandLine(StoreCredentials store) {
        assertThat(run(store, "demo").exitCode()).isZero();

        Run minor = run(store, "spec", "minor", "--name", "broadband", "--major", "1", "--add-value", "broadband.technology=fw", "--reason", "adds fw");
        Run narrowing = run(store, "spec", "minor", "--name", "broadband", "--major", "1", "--allows", "broadband.technology: string = fttc, fttn");
        Run major = run(store, "spec", "publish-major", "--name", "broadband", "--remove-value", "broadband.technology=fttc");
        Run freeze = run(store, "spec", "freeze", "--name", "broadband", "--major", "1", "--yes");
        Run withdrawDry = run(store, "spec", "withdraw", "--name", "broadband", "--major", "1");
        Run withdraw = run(store, "spec", "withdraw", "--name", "broadband", "--major", "1", "--yes");
        Run delete = run(store, "spec", "delete", "--name", "broadband", "--major", "1", "--yes");
        Run history = run(store, "spec", "history", "--name", "broadband");

        assertThat(minor.exitCode()).isZero();
        assertThat(minor.out()).contains("broadband v1.1.0", "+ value broadband.technology = fw");
        assertThat(narrowing.exitCode()).isEqualTo(2);
        assertThat(narrowing.err()).contains("not a minor change", "removes the value fttb from broadband.technology");
        assertThat(major.out()).contains("broadband v3.0.0", "compared with v2.0.0", "− value broadband.technology = fttc");
        assertThat(freeze.out()).contains("frozen");
        assertThat(withdrawDry.exitCode()).isEqualTo(1);
        assertThat(withdrawDry.out()).contains("2 instances still stand on broadband v1", "acme (by name prefix): 2", "--yes");
        assertThat(withdraw.out()).contains("withdrawn");
        assertThat(delete.exitCode()).isEqualTo(2);
        assertThat(delete.err()).contains("Cannot delete broadband v1.1.0: 2 instances still stand on it");
        assertThat(history.out()).contains("v1.0.0 → v1.1.0 minor", "adds fw", "v3.0.0 published", "v1 frozen", "v1 withdrawn");
    }

    @Test
    void createWithAnInvalidIdIsRefusedClearly(StoreCredentials store, TestGraph graph) {
        Run create = run(store, "spec", "create", "--name", "router", "--id", "not-a-uuid");

        assertThat(create.exitCode()).isEqualTo(2);
        assertThat(create.err()).contains("not a UUID version 4");
        assertThat(graph.count("MATCH (n) RETURN count(n)")).isZero();
    }

    @Test
    void migrationFromTheCommandLine(StoreCredentials store) {
        assertThat(run(store, "demo").exitCode()).isZero();

        Run check = run(store, "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2", "--check");
        Run unmapped = run(store, "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2");
        Run dry = run(store, "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2", "--map", "broadband.technology=fttb:fttn", "--dry-run");
        Run migrate = run(store, "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2", "--map", "broadband.technology=fttb:fttn", "--batch-size", "1", "--yes");

        assertThat(check.out()).contains("acme (by name prefix): 2 instances on broadband v1.0.0", "needs remediation: 1 with broadband.technology=fttb");
        assertThat(unmapped.exitCode()).isEqualTo(2);
        assertThat(unmapped.err()).contains("does not allow", "Nothing was written");
        assertThat(dry.out()).contains("Dry run (nothing written): 2 would move", "fttb", "fttn");
        assertThat(migrate.exitCode()).isZero();
        assertThat(migrate.out()).contains("Move 2 of acme's instances from broadband v1.0.0 to v2.0.0, rewriting 1 value; batches of 1.", "completed: 2 moved", "in 2 batches", "remaining on v1.0.0: 0", "instances/s");
        String runId = migrate.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split(" ")[1];

        Run undo = run(store, "migrate", "undo", runId, "--yes");
        Run runs = run(store, "migrate", "runs", "--name", "broadband", "--major", "1");

        assertThat(undo.out()).contains("completed: 2 moved");
        assertThat(runs.out()).contains(runId, "UNDONE", "UNDO");
    }

    @Test
    void catalogueShowsFrozenAndWithdrawnMajors(StoreCredentials store) throws Exception {
        assertThat(run(store, "demo").exitCode()).isZero();
        assertThat(run(store, "spec", "freeze", "--name", "broadband", "--major", "1", "--yes").exitCode()).isZero();

        Run frozen = run(store, "catalogue");
        assertThat(run(store, "spec", "withdraw", "--name", "broadband", "--major", "2", "--yes").exitCode()).isZero();
        Run withdrawn = run(store, "catalogue");
        Run json = run(store, "catalogue", "--json");

        assertThat(frozen.out().lines().filter(l -> l.contains("v1.0.0"))).singleElement().asString().contains("FROZEN");
        assertThat(frozen.out().lines().filter(l -> l.contains("v2.0.0"))).singleElement().asString().contains("CURRENT");
        assertThat(withdrawn.out().lines().filter(l -> l.contains("v2.0.0"))).singleElement().asString().contains("WITHDRAWN");
        JsonNode majors = new ObjectMapper().readTree(json.out()).path("specifications").get(0).path("majors");
        assertThat(majors).extracting(m -> m.path("version").asText() + " " + m.path("status").asText())
                .containsExactly("v2.0.0 WITHDRAWN", "v1.0.0 FROZEN");
    }

    @Test
    void bulkAndDestructiveCommandsPrintWhatTheyWouldDoAndNeedYes(StoreCredentials store, TestGraph graph) {
        assertThat(run(store, "demo").exitCode()).isZero();
        String before = graph.fingerprint();

        Run migrate = run(store, "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2", "--map", "broadband.technology=fttb:fttn");
        Run freeze = run(store, "spec", "freeze", "--name", "broadband", "--major", "1");
        Run withdraw = run(store, "spec", "withdraw", "--name", "broadband", "--major", "1");
        Run delete = run(store, "spec", "delete", "--name", "broadband", "--major", "1");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.out()).contains("Move 2 of acme's instances from broadband v1.0.0 to v2.0.0, rewriting 1 value; batches of 5,000.",
                "Not run: run again with --yes");
        assertThat(freeze.exitCode()).isEqualTo(1);
        assertThat(freeze.out()).contains("broadband v1.0.0 takes no new instances once frozen. The 2 instances standing on it stay as they are.",
                "Not frozen: run again with --yes");
        assertThat(withdraw.exitCode()).isEqualTo(1);
        assertThat(withdraw.out()).contains("2 instances still stand on broadband v1", "Not withdrawn: run again with --yes");
        assertThat(delete.exitCode()).isEqualTo(1);
        assertThat(delete.out()).contains("broadband v1.0.0 (a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5) has 2 instances standing on it", "Not deleted: run again with --yes");
        assertThat(graph.fingerprint()).isEqualTo(before);

        Run migrated = run(store, "migrate", "--rsp", "acme", "--name", "broadband", "--from", "1", "--to", "2", "--map", "broadband.technology=fttb:fttn", "--yes");
        String runId = migrated.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split(" ")[1];
        String afterRun = graph.fingerprint();
        Run undo = run(store, "migrate", "undo", runId);

        assertThat(undo.exitCode()).isEqualTo(1);
        assertThat(undo.out()).contains("Undo run " + runId + " (acme's instances, v1.0.0 → v2.0.0, started ", "2 instances go back to v1.0.0",
                "Not undone: run again with --yes");
        assertThat(graph.fingerprint()).isEqualTo(afterRun);
    }

    @Test
    void createRefusesAnExistingNameAndMajorAndUpdateChangesOnlyTheFieldsGiven(StoreCredentials store, TestGraph graph) {
        assertThat(run(store, "demo").exitCode()).isZero();
        String before = graph.fingerprint();

        Run create = run(store, "spec", "create", "--name", "broadband", "--description", "oops");

        assertThat(create.exitCode()).isEqualTo(2);
        assertThat(create.err()).contains("broadband v1 exists (v1.0.0): use Next patch/Next minor, or Publish major");
        assertThat(graph.fingerprint()).isEqualTo(before);

        Run update = run(store, "spec", "create", "--name", "broadband", "--update", "--category", "Access network");
        Run show = run(store, "spec", "show", "--name", "broadband", "--major", "1");
        Run rules = run(store, "spec", "create", "--name", "broadband", "--update", "--allows", "broadband.technology: string = fttc");
        assertThat(run(store, "spec", "freeze", "--name", "broadband", "--major", "1", "--yes").exitCode()).isZero();
        Run frozen = run(store, "spec", "create", "--name", "broadband", "--update", "--description", "oops");

        assertThat(update.exitCode()).isZero();
        assertThat(update.out()).contains("broadband v1.0.0", "Access network");
        assertThat(show.out()).contains("allows broadband.technology ∈ {fttc, fttb, fttn, fttp}");
        assertThat(rules.exitCode()).isEqualTo(2);
        assertThat(rules.err()).contains("--update changes only the description, category or type");
        assertThat(frozen.exitCode()).isEqualTo(2);
        assertThat(frozen.err()).contains("broadband v1 is frozen");
    }
}
