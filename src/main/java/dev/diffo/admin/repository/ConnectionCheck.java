package dev.diffo.admin.repository;

import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionReport;
import dev.diffo.admin.domain.GraphShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * Test connection's reads, on a driver opened for the test (never the working one): what the server is, what the
 * database holds, and for a routing address the routing table the server hands a routing driver.
 */
public final class ConnectionCheck {
    private ConnectionCheck() {
    }

    /** The routing table of {@code $db} as the server gives it to a driver: a ttl and, per role, its servers' addresses. */
    static final String ROUTING_TABLE = """
            CALL dbms.routing.getRoutingTable({}, $db) YIELD ttl, servers
            RETURN ttl, servers
            """;

    /**
     * Everything but the TLS line (the caller knows how it connected): server, database, shape and, when
     * {@code routing}, the routing table. Each read is a read transaction on a short session.
     */
    public static ConnectionReport report(Driver driver, String database, String uri, String tls, boolean routing) {
        ConnectionInfo info = Database.describeServer(driver, database, false, uri, null);
        SessionConfig config = database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
        GraphShape shape;
        try (var session = driver.session(config)) {
            shape = session.executeRead(Neo4jCatalogueRepository::inspectShape);
        }
        Optional<ConnectionReport.RoutingTable> table = Optional.empty();
        if (routing) {
            try (var session = driver.session(config)) {
                table = Optional.of(session.executeRead(tx -> {
                    var record = tx.run(ROUTING_TABLE, Map.of("db", info.database())).single();
                    Map<String, List<String>> byRole = new java.util.HashMap<>();
                    for (Value server : record.get("servers").values()) {
                        byRole.computeIfAbsent(server.get("role").asString(), r -> new ArrayList<>()).addAll(server.get("addresses").asList(Value::asString));
                    }
                    return new ConnectionReport.RoutingTable(record.get("ttl").asLong(), byRole.getOrDefault("WRITE", List.of()),
                            byRole.getOrDefault("READ", List.of()), byRole.getOrDefault("ROUTE", List.of()));
                }));
            }
        }
        return new ConnectionReport(uri, tls, info.serverVersion(), info.edition(), info.database(), shape, table);
    }
}
