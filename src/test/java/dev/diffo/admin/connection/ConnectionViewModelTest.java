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
}
