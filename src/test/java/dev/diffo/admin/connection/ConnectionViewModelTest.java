package dev.diffo.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.ManualTaskRunner;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.app.ProfileFile;
import dev.diffo.admin.common.MemoryVault;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionReport;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The connection dialog without a toolkit or a database: a connector that answers as the test says. */
class ConnectionViewModelTest {

    static final Path DATA = Path.of("/var/lib/diffo-admin");
    static final ConnectionInfo SERVER = new ConnectionInfo(false, "bolt://db.example:7687", "admin", "2026.08.1", "enterprise", "catalogue");

    /** Connects to whatever it is given, or fails with {@code refusal} when one is set; remembers what it was asked. */
    static final class FakeConnector implements Connector {
        final ConnectionSettings startup;
        final List<ConnectionSettings> asked = new ArrayList<>();
        RuntimeException refusal;

        FakeConnector(ConnectionSettings startup) {
            this.startup = startup;
        }

        @Override
        public ConnectionInfo connect(ConnectionSettings settings) {
            asked.add(settings);
            if (refusal != null) {
                throw refusal;
            }
            return settings.isEmbedded() ? new ConnectionInfo(true, "bolt://127.0.0.1:7688", "neo4j", "2026.08.1", "community", "neo4j") : SERVER;
        }

        @Override
        public Optional<ConnectionInfo> current() {
            return Optional.empty();
        }

        final List<ConnectionSettings> tested = new ArrayList<>();
        ConnectionReport report;

        @Override
        public ConnectionReport test(ConnectionSettings settings) {
            tested.add(settings);
            if (refusal != null) {
                throw refusal;
            }
            return report;
        }

        @Override
        public ConnectionSettings startupSettings() {
            return startup;
        }
    }

    final ConnectionState state = new ConnectionState();
    @org.junit.jupiter.api.io.TempDir
    Path config;
    ProfileFile profiles;
    MemoryVault vault = new MemoryVault();
    final RecordingDialogs dialogs = new RecordingDialogs();

    @org.junit.jupiter.api.BeforeEach
    void profiles() {
        profiles = new ProfileFile(config.resolve("diffo-admin"));
    }
    FakeConnector connector = new FakeConnector(ConnectionSettings.embedded(DATA));

    ConnectionViewModel dialog(TaskRunner tasks) {
        return new ConnectionViewModel(connector, state, tasks, profiles, vault, dialogs);
    }

    ConnectionViewModel dialog() {
        return dialog(new ImmediateTaskRunner());
    }

    @Test
    void theDialogStartsFromTheEmbeddedStartupSettings() {
        ConnectionViewModel dialog = dialog();

        assertThat(dialog.embeddedProperty().get()).isTrue();
        assertThat(dialog.dataDirectoryProperty().get()).isEqualTo(DATA.toString());
        assertThat(dialog.canConnectProperty().get()).isTrue();
        assertThat(dialog.errorProperty().get()).isEmpty();
    }

    @Test
    void theDialogStartsFromTheServerStartupSettingsWithoutThePassword() {
        connector = new FakeConnector(new ConnectionSettings("bolt://db.example:7687", "admin", "secret".toCharArray(), "catalogue", DATA));

        ConnectionViewModel dialog = dialog();

        assertThat(dialog.embeddedProperty().get()).isFalse();
        assertThat(dialog.uriProperty().get()).isEqualTo("bolt://db.example:7687");
        assertThat(dialog.userProperty().get()).isEqualTo("admin");
        assertThat(dialog.databaseProperty().get()).isEqualTo("catalogue");
        assertThat(dialog.passwordProperty().get()).isEmpty();
    }

    @Test
    void aServerConnectionNeedsAUri() {
        ConnectionViewModel dialog = dialog();
        dialog.embeddedProperty().set(false);
        dialog.uriProperty().set("  ");
        assertThat(dialog.canConnectProperty().get()).isFalse();

        dialog.uriProperty().set("bolt://db.example:7687");

        assertThat(dialog.canConnectProperty().get()).isTrue();
    }

    @Test
    void connectingToAServerSendsWhatWasTyped() {
        ConnectionViewModel dialog = dialog();
        dialog.embeddedProperty().set(false);
        dialog.uriProperty().set(" bolt://db.example:7687 ");
        dialog.userProperty().set("admin");
        dialog.passwordProperty().set("secret");
        dialog.databaseProperty().set("catalogue");

        dialog.connect();

        assertThat(connector.asked).containsExactly(new ConnectionSettings("bolt://db.example:7687", "admin", "secret".toCharArray(), "catalogue", DATA)
                .withProfile(null, null, Access.CATALOGUE_MANAGER));
    }

    @Test
    void aServerWithoutAuthenticationIsAskedForNoPasswordAndSentNone() {
        ConnectionViewModel dialog = dialog();
        dialog.embeddedProperty().set(false);
        dialog.uriProperty().set("bolt://db.example:7687");
        dialog.passwordProperty().set("typed before ticking");
        dialog.noAuthProperty().set(true);

        dialog.connect();

        assertThat(connector.asked).singleElement().satisfies(settings -> {
            assertThat(settings.noAuth()).isTrue();
            assertThat(settings.password()).isNull();
        });
        assertThat(dialog.passwordProperty().get()).isEmpty();
    }

    @Test
    void anEmptyPasswordIsSentAsNone() {
        ConnectionViewModel dialog = dialog();
        dialog.embeddedProperty().set(false);
        dialog.uriProperty().set("bolt://db.example:7687");

        dialog.connect();

        assertThat(connector.asked.getFirst().password()).isNull();
    }

    @Test
    void connectingToTheEmbeddedStoreSendsItsDataDirectory() {
        ConnectionViewModel dialog = dialog();

        dialog.connect();

        assertThat(connector.asked).containsExactly(ConnectionSettings.embedded(DATA));
    }

    @Test
    void aWorkingConnectionIsEveryScreensAndForgetsThePassword() {
        ConnectionViewModel dialog = dialog();
        dialog.embeddedProperty().set(false);
        dialog.uriProperty().set("bolt://db.example:7687");
        dialog.passwordProperty().set("secret");

        dialog.connect();

        assertThat(state.getCurrent()).isEqualTo(SERVER);
        assertThat(dialog.connectedProperty().get()).isTrue();
        assertThat(dialog.passwordProperty().get()).isEmpty();
        assertThat(dialog.busyProperty().get()).isFalse();
    }

    @Test
    void aFailedConnectionSaysWhyAndKeepsTheForm() {
        ConnectionViewModel dialog = dialog();
        dialog.embeddedProperty().set(false);
        dialog.uriProperty().set("bolt://db.example:7687");
        dialog.passwordProperty().set("secret");
        connector.refusal = new DiffoAdminException("Cannot reach Neo4j at bolt://db.example:7687", "Is the server running?");

        dialog.connect();

        assertThat(dialog.errorProperty().get()).isEqualTo("Cannot reach Neo4j at bolt://db.example:7687\nIs the server running?");
        assertThat(dialog.connectedProperty().get()).isFalse();
        assertThat(dialog.busyProperty().get()).isFalse();
        assertThat(dialog.passwordProperty().get()).isEqualTo("secret");
        assertThat(state.getCurrent()).isNull();
    }

    @Test
    void aNewAttemptClearsTheLastError() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        ConnectionViewModel dialog = dialog(tasks);
        dialog.reportProblem("Authentication failed");

        dialog.connect();

        assertThat(dialog.errorProperty().get()).isEmpty();
    }

    @Test
    void nothingElseStartsWhileConnecting() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        ConnectionViewModel dialog = dialog(tasks);
        tasks.runAll(); // the dialog's look for the OS keyring

        dialog.connect();
        dialog.connect();

        assertThat(dialog.busyProperty().get()).isTrue();
        assertThat(dialog.canConnectProperty().get()).isFalse();
        assertThat(tasks.pending()).hasSize(1);
    }

    @Test
    void prefillingWithAProblemShowsItAndStartsOver() {
        ConnectionViewModel dialog = dialog();
        dialog.connect();

        dialog.prefill(new ConnectionSettings("bolt://other:7687", null, null, null, DATA), "Authentication failed for neo4j");

        assertThat(dialog.errorProperty().get()).isEqualTo("Authentication failed for neo4j");
        assertThat(dialog.uriProperty().get()).isEqualTo("bolt://other:7687");
        assertThat(dialog.userProperty().get()).isEqualTo(ConnectionSettings.DEFAULT_USER);
        assertThat(dialog.connectedProperty().get()).isFalse();
    }

    void fillServer(ConnectionViewModel dialog, String name) {
        dialog.newProfile();
        dialog.profileNameProperty().set(name);
        dialog.uriProperty().set("neo4j+s://db.example:7687");
        dialog.userProperty().set("ops");
        dialog.databaseProperty().set("catalogue");
        dialog.roleProperty().set(dev.diffo.admin.domain.Role.RSP_OPERATOR);
        dialog.rspKeyProperty().set("ORG000000123456");
    }

    @Test
    void aSavedProfileIsListedAndStoredWithItsRoleButNotThePassword() throws Exception {
        ConnectionViewModel dialog = dialog();
        fillServer(dialog, "prod");
        dialog.passwordProperty().set("typed-secret");

        dialog.saveProfile();

        assertThat(dialog.profileNames()).containsExactly("prod");
        assertThat(dialog.selectedProfileProperty().get()).isEqualTo("prod");
        assertThat(profiles.find("prod")).hasValueSatisfying(p -> assertThat(p.access()).isEqualTo(Access.rspOperator("ORG000000123456")));
        assertThat(java.nio.file.Files.readString(profiles.file())).doesNotContain("typed-secret");
        assertThat(dialog.noticeProperty().get()).startsWith("Saved prod in ");
    }

    @Test
    void anInvalidProfileIsToldAndNothingIsSaved() {
        ConnectionViewModel dialog = dialog();
        fillServer(dialog, "prod");
        dialog.rspKeyProperty().set("");

        dialog.saveProfile();

        assertThat(dialog.errorProperty().get()).contains("An RSP operator is bound to one RSP");
        assertThat(profiles.list()).isEmpty();
    }

    @Test
    void choosingAProfileFillsTheFormAndConnectingUsesItsRoleAndName() {
        profiles.save(new dev.diffo.admin.domain.ConnectionProfile("prod", "neo4j+s://db.example:7687", "ops", false, "catalogue", null,
                Access.VIEWER), null);
        ConnectionViewModel dialog = dialog();

        dialog.selectProfile("prod");
        dialog.passwordProperty().set("secret");
        dialog.connect();

        assertThat(dialog.uriProperty().get()).isEqualTo("neo4j+s://db.example:7687");
        assertThat(connector.asked).singleElement().satisfies(settings -> {
            assertThat(settings.profile()).isEqualTo("prod");
            assertThat(settings.access()).isEqualTo(Access.VIEWER);
            assertThat(new String(settings.password())).isEqualTo("secret");
        });
    }

    @Test
    void rememberingThePasswordKeepsItInTheKeyringOnlyOnceTheConnectionWorks() {
        profiles.save(new dev.diffo.admin.domain.ConnectionProfile("prod", "bolt+s://db.example:7687", "ops", false, null, null, null), null);
        ConnectionViewModel dialog = dialog();
        dialog.selectProfile("prod");
        dialog.passwordProperty().set("secret");
        dialog.rememberPasswordProperty().set(true);
        connector.refusal = new DiffoAdminException("Neo4j refused user 'ops': wrong user name or password", "Check the credentials.");

        dialog.connect();
        assertThat(vault.kept).as("a refused password is not kept").isEmpty();

        connector.refusal = null;
        dialog.passwordProperty().set("secret");
        dialog.connect();
        assertThat(vault.kept).containsEntry("prod", "secret");
    }

    @Test
    void withoutAKeyringRememberingIsOffAndTheDialogSaysWhy() {
        vault = new MemoryVault("No OS keyring here (no Secret Service on this session's D-Bus): the password is asked at each connect.");
        ConnectionViewModel dialog = dialog();

        assertThat(dialog.keyringAvailableProperty().get()).isFalse();
        assertThat(dialog.keyringNoteProperty().get()).startsWith("No OS keyring here");
    }

    @Test
    void removingAProfileAsksFirstAndForgetsItsPassword() {
        profiles.save(new dev.diffo.admin.domain.ConnectionProfile("prod", "bolt+s://db.example:7687", "ops", false, null, null, null), null);
        vault.kept.put("prod", "secret");
        ConnectionViewModel dialog = dialog();
        dialog.selectProfile("prod");

        dialogs.answer = false;
        dialog.removeProfile();
        assertThat(profiles.list()).hasSize(1);

        dialogs.answer = true;
        dialog.removeProfile();
        assertThat(dialogs.confirmations.getLast()).contains("Remove the profile prod from", "The server and its data are not touched");
        assertThat(profiles.list()).isEmpty();
        assertThat(vault.kept).isEmpty();
        assertThat(dialog.profileNames()).isEmpty();
    }

    @Test
    void testConnectionShowsWhatWasFoundWithoutConnecting() {
        connector.report = new ConnectionReport("neo4j://db.example:7687", "Not encrypted.", "2026.08.1", "enterprise", "catalogue",
                new dev.diffo.admin.domain.GraphShape(10, 2, 5, 0, List.of(), java.util.Map.of()),
                Optional.of(new ConnectionReport.RoutingTable(300, List.of("a:7687"), List.of("b:7687", "c:7687"), List.of("a:7687"))));
        ConnectionViewModel dialog = dialog();
        dialog.embeddedProperty().set(false);
        dialog.uriProperty().set("neo4j://db.example:7687");

        dialog.testConnection();

        assertThat(dialog.reportProperty().get()).contains("Neo4j 2026.08.1 enterprise.", "a diffo catalogue",
                "writers a:7687; readers b:7687, c:7687; routers a:7687");
        assertThat(connector.asked).as("a test never switches the connection").isEmpty();
        assertThat(state.getCurrent()).isNull();
    }

    @Test
    void aFailedTestIsOneSentenceAndAHint() {
        connector.refusal = new DiffoAdminException("The server at bolt+s://db:7687 has a certificate that this computer does not trust",
                "Give the profile your organisation's CA certificate (Trusted CA).");
        ConnectionViewModel dialog = dialog();
        dialog.embeddedProperty().set(false);
        dialog.uriProperty().set("bolt+s://db:7687");

        dialog.testConnection();

        assertThat(dialog.errorProperty().get()).startsWith("Test failed: The server at bolt+s://db:7687 has a certificate that this computer does not trust")
                .contains("Trusted CA");
        assertThat(dialog.reportProperty().get()).isEmpty();
    }
}
