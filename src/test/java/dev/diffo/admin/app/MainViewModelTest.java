package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.catalogue.ReadSchemaService;
import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.repository.FakeReadSchemaRepository;
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
    final FakeReadSchemaRepository readSchema = new FakeReadSchemaRepository();
    final MainViewModel viewModel = new MainViewModel(connector, state, new ImmediateTaskRunner(), new ReadSchemaService(readSchema, new CatalogueSettings()));

    @Test
    void connectingToACatalogueBuildsTheReadIndexesAndCountsWhatIsNotCounted() {
        readSchema.instancesBySpec.put("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5", 2L);
        readSchema.instancesBySpec.put("f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c", 1L);
        readSchema.countedBy.put("f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c", "Reseller");

        state.connected(new ConnectionInfo(true, "bolt://127.0.0.1:7687", "neo4j", "2026.08.1", "community", "neo4j"));

        assertThat(readSchema.schemaApplied).isEqualTo(1);
        assertThat(readSchema.countedBy).containsKey("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5");
        assertThat(viewModel.readinessProperty().get()).isEqualTo("Read indexes created; counted 2 instances of 1 specification(s)");
    }

    @Test
    void connectingToWhatIsNotACatalogueOrAsAReaderWritesNothing() {
        readSchema.catalogue = false;
        state.connected(new ConnectionInfo(true, "bolt://127.0.0.1:7687", "neo4j", "2026.08.1", "community", "neo4j"));
        assertThat(readSchema.schemaApplied).isZero();
        assertThat(viewModel.readinessProperty().get()).startsWith("Not a diffo catalogue");

        readSchema.catalogue = true;
        readSchema.mayWrite = false;
        readSchema.instancesBySpec.put("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5", 2L);
        state.connected(null);
        state.connected(new ConnectionInfo(true, "bolt://127.0.0.1:7687", "reader", "2026.08.1", "community", "neo4j"));
        assertThat(readSchema.countedBy).isEmpty();
        assertThat(viewModel.readinessProperty().get()).startsWith("Read indexes not built (user 'reader' may not write");
    }

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
