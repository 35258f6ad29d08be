package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Help → About: the versions, the server once connected, and where the data and the log are. */
class MainViewModelTest {

    static final Path DATA = Path.of("/home/someone/.local/share/diffo-admin");

    final ConnectionState state = new ConnectionState();
    final Connector connector = new Connector() {
        @Override
        public ConnectionInfo connect(ConnectionSettings settings) {
            throw new UnsupportedOperationException("About never connects");
        }

        @Override
        public Optional<ConnectionInfo> current() {
            return Optional.ofNullable(state.getCurrent());
        }

        @Override
        public dev.diffo.admin.domain.ConnectionReport test(ConnectionSettings settings) {
            throw new UnsupportedOperationException("About never tests a connection");
        }

        @Override
        public ConnectionSettings startupSettings() {
            return new ConnectionSettings(null, "neo4j", null, null, DATA);
        }
    };
    final MainViewModel viewModel = new MainViewModel(connector, state, new ImmediateTaskRunner());

    @Test
    void aboutNamesTheVersionsTheDataDirectoryAndTheLog() {
        String about = viewModel.about();

        assertThat(about).contains("diffo-admin " + Versions.app(), "Neo4j Java driver " + Versions.driver(), "Java " + Runtime.version())
                .contains("Server: not connected")
                .contains("Data directory: " + DATA)
                .contains("Log: " + DATA.resolve("logs/diffo-admin.0.log"));
    }

    @Test
    void onceConnectedAboutNamesTheServersVersion() {
        state.connected(new ConnectionInfo(false, "bolt://db.example:7687", "neo4j", "5.26.3", "enterprise", "neo4j"));

        assertThat(viewModel.about()).contains("Server: Neo4j 5.26.3 enterprise at bolt://db.example:7687");
    }
}
