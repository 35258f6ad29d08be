package dev.diffo.admin.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.configuration.ssl.ClientAuth;
import org.neo4j.configuration.ssl.SslPolicyConfig;
import org.neo4j.configuration.ssl.SslPolicyScope;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j server of a test's own (authentication off), on 127.0.0.1 at a port chosen before it starts so that its
 * routing table advertises where it really is; with {@code tlsDirectory}, Bolt takes TLS only (Neo4j's Bolt SSL
 * policy over {@code private.key}/{@code public.crt} there).
 */
public final class TestServer implements AutoCloseable {

    private final DatabaseManagementService service;
    private final int port;

    private TestServer(DatabaseManagementService service, int port) {
        this.service = service;
        this.port = port;
    }

    public static TestServer start(Path home, Path tlsDirectory) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Map<org.neo4j.graphdb.config.Setting<?>, Object> config = new HashMap<>();
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port));
        config.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port));
        config.put(GraphDatabaseSettings.auth_enabled, false);
        config.put(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024);
        config.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, java.time.Duration.ZERO);
        if (tlsDirectory == null) {
            config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        } else {
            SslPolicyConfig bolt = SslPolicyConfig.forScope(SslPolicyScope.BOLT);
            config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.REQUIRED);
            config.put(bolt.enabled, true);
            config.put(bolt.base_directory, tlsDirectory.toAbsolutePath());
            config.put(bolt.client_auth, ClientAuth.NONE);
        }
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home).setConfig(config).build();
        return new TestServer(service, port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        service.shutdown();
    }
}
