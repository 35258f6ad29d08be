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
        Map<String, String> env = Map.of("DIFFO_ADMIN_URI", store.uri(), "DIFFO_ADMIN_PASSWORD", new String(store.password()));
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
}
