package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.StoreCredentials;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connection failures are told plainly and leave the working connection in place. The shared embedded
 * store is also reached as a server (by its Bolt URI), which is exactly what a server connection does.
 */
@ExtendWith(Neo4jExtension.class)
class StoreIT {

    @Test
    void describesTheEmbeddedStore(ConnectionInfo info) {
        assertThat(info.embedded()).isTrue();
        assertThat(info.uri()).startsWith("bolt://127.0.0.1:");
        assertThat(info.serverVersion()).startsWith("2026.");
        assertThat(info.database()).isEqualTo("neo4j");
    }

    @Test
    void unreachableServerIsToldPlainly(Store store, ConnectionInfo info) {
        var settings = new ConnectionSettings("bolt://127.0.0.1:1", "neo4j", "secret".toCharArray(), null, Path.of("."));

        assertThatThrownBy(() -> store.connect(settings))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessage("Cannot reach Neo4j at bolt://127.0.0.1:1");
        assertThat(store.current()).contains(info);
    }

    @Test
    void wrongPasswordIsToldPlainly(Store store, ConnectionInfo info) {
        var settings = new ConnectionSettings(info.uri(), "neo4j", "not-the-password".toCharArray(), null, Path.of("."));

        assertThatThrownBy(() -> store.connect(settings))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("refused user 'neo4j': wrong user name or password");
        assertThat(store.current()).contains(info);
    }

    @Test
    void unknownDatabaseIsToldPlainly(Store store, ConnectionInfo info, StoreCredentials credentials) {
        var settings = new ConnectionSettings(credentials.uri(), "neo4j", credentials.password(), "nosuchdb", Path.of("."));

        assertThatThrownBy(() -> store.connect(settings))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("Database 'nosuchdb' does not exist");
        assertThat(store.current()).contains(info);
    }

    @Test
    void notANeo4jAddressIsRefusedBeforeConnecting(Store store) {
        var settings = new ConnectionSettings("http://localhost:7474", "neo4j", "x".toCharArray(), null, Path.of("."));

        assertThatThrownBy(() -> store.connect(settings)).isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a Neo4j address");
    }

    @Test
    void aServerWithoutAPasswordAsksForOne(Store store, ConnectionInfo info) {
        var settings = new ConnectionSettings(info.uri(), "neo4j", null, null, Path.of("."));

        assertThatThrownBy(() -> store.connect(settings)).isInstanceOf(InvalidInputException.class).hasMessageContaining("No password given");
    }
}
