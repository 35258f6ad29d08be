package dev.diffo.admin.app;

import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_A;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.StoreCredentials;
import dev.diffo.admin.support.TestGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/** The command line on a catalogue diffo wrote: RSPs by party key, allowed values recorded without a bump, history from diffo's timestamps. */
@ExtendWith(Neo4jExtension.class)
class DiffoCatalogueCliIT {

    StoreCredentials store;
    TestGraph graph;

    @BeforeEach
    void write(StoreCredentials store, TestGraph graph) {
        DiffoLivebookCatalogue.write(graph);
        this.store = store;
        this.graph = graph;
    }

    LauncherIT.Run run(String... args) {
        return LauncherIT.run(store, args);
    }

    @Test
    void anRspNamedByAPartyNameTwoResellersShareIsRefusedNamingBothKeys() {
        LauncherIT.Run migrate = run("migrate", "--rsp", "organizationId", "--name", "broadband", "--from", "1", "--to", "2", "--check");

        assertThat(migrate.exitCode()).isEqualTo(2);
        assertThat(migrate.err()).contains("'organizationId' is the name of 2 RSPs", RESELLER_A, RESELLER_B);
    }

    @Test
    void anUnknownRspOrTheProviderIsRefusedWithTheRspsThereAndTheirCounts() {
        for (String who : new String[] {"NBNCo", "nosuch"}) {
            LauncherIT.Run migrate = run("migrate", "--rsp", who, "--name", "broadband", "--from", "1", "--to", "2", "--check");

            assertThat(migrate.exitCode()).isEqualTo(2);
            assertThat(migrate.err()).contains("No instances of RSP " + who + " on broadband v1.1.0",
                    RESELLER_A + " · organizationId (6)", RESELLER_B + " · organizationId (4)");
        }
        assertThat(graph.count("MATCH (r:MigrationRun) RETURN count(r)")).isZero();
    }

    @Test
    void recordingV2sRulesThenMigratingOneResellerByKeyMovesOnlyItsInstances() {
        LauncherIT.Run unrecorded = run("migrate", "--rsp", RESELLER_A, "--name", "broadband", "--from", "1", "--to", "2", "--check");
        assertThat(unrecorded.out()).contains(RESELLER_A + " · organizationId (by party role Reseller): 6 instances", "no allowed values recorded");

        LauncherIT.Run survey = run("spec", "rules", "--name", "broadband", "--major", "2");
        assertThat(survey.exitCode()).isEqualTo(1);
        assertThat(survey.out()).contains("allowed values: not recorded", "in use: broadband.technology = fttn (1 instance)");

        LauncherIT.Run rules = run("spec", "rules", "--name", "broadband", "--major", "2", "--allows", "broadband.technology: string = fttc, fttn, fttp, fw",
                "--reason", "as diffo's BroadbandV2 code allows");
        assertThat(rules.exitCode()).as(rules.err()).isZero();
        assertThat(rules.out()).contains("broadband v2.0.0", "stays v2.0.0");

        LauncherIT.Run check = run("migrate", "--rsp", RESELLER_A, "--name", "broadband", "--from", "1", "--to", "2", "--check");
        assertThat(check.out()).contains("needs remediation: 2 with broadband.technology=fttb").doesNotContain("no allowed values recorded");

        LauncherIT.Run migrate = run("migrate", "--rsp", RESELLER_A.toLowerCase(), "--name", "broadband", "--from", "1", "--to", "2",
                "--map", "broadband.technology=fttb:fttn", "--yes");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("6 moved");
        assertThat(graph.count("MATCH (:Specification {majorVersion: 1})<-[:SPECIFIED_BY]-(i) RETURN count(i)")).isEqualTo(4);

        LauncherIT.Run instances = run("instances", "--name", "broadband", "--major", "1", "--rsp", RESELLER_B);
        assertThat(instances.out()).contains("4 instances match", RESELLER_B + " · organizationId");
    }

    @Test
    void historyShowsTheMajorsFromDiffosOwnTimestamps() {
        LauncherIT.Run history = run("spec", "history", "--name", "broadband");

        assertThat(history.exitCode()).isZero();
        java.time.ZoneId utc = java.time.ZoneId.of("Etc/UTC");
        assertThat(history.out()).contains(
                dev.diffo.admin.domain.Dates.display(java.time.ZonedDateTime.of(2025, 3, 4, 9, 0, 0, 0, utc)) + "  v1 created (from diffo's createdAt)",
                "v1.1.0 last changed (from diffo's updatedAt) read from diffo's node",
                dev.diffo.admin.domain.Dates.display(java.time.ZonedDateTime.of(2025, 9, 15, 10, 0, 0, 0, utc)) + "  v2 created (from diffo's createdAt)");
    }

    @Test
    void aServerWithAuthenticationDisabledIsUsedWithNoAuth() throws Exception {
        Path dir = Files.createTempDirectory("diffo-admin-noauth");
        DatabaseManagementService server = new DatabaseManagementServiceBuilder(dir).setConfig(Map.of(
                BoltConnector.enabled, true,
                BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0),
                BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED,
                GraphDatabaseSettings.auth_enabled, false,
                GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)).build();
        try {
            var db = (GraphDatabaseAPI) server.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            int port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT).getPort();
            Map<String, String> env = Map.of("DIFFO_ADMIN_URI", "bolt://127.0.0.1:" + port);

            LauncherIT.Run withoutFlag = LauncherIT.run(env, "catalogue");
            LauncherIT.Run demo = LauncherIT.run(env, "--no-auth", "demo");
            LauncherIT.Run catalogue = LauncherIT.run(env, "--no-auth", "catalogue");

            assertThat(withoutFlag.exitCode()).isEqualTo(2);
            assertThat(withoutFlag.err()).contains("No password given");
            assertThat(demo.exitCode()).as(demo.err()).isZero();
            assertThat(catalogue.exitCode()).as(catalogue.err()).isZero();
            assertThat(catalogue.out()).contains("broadband");
        } finally {
            server.shutdown();
        }
    }
}
