package dev.diffo.admin.repository;

import dev.diffo.admin.common.RspKeys;
import dev.diffo.admin.domain.DiffoAdminException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * An RSP key as the graph spells it: the party with exactly that key first (an index seek where the database has
 * one on {@code :Party(key)}), and only when there is none, the one party whose key matches in any case (a scan of
 * the parties, once per connection, never per read). Two parties whose keys differ only in case leave the key as
 * given, as does a key no party has (an RSP found by name prefix).
 */
@Singleton
public class Neo4jRspKeys implements RspKeys {

    private static final Logger LOG = Logger.getLogger(Neo4jRspKeys.class.getName());

    static final String EXACT = "MATCH (p:Party {key: $key}) RETURN p.key AS key LIMIT 1";

    static final String ANY_CASE = """
            MATCH (p:Party) WHERE toLower(p.key) = toLower($key)
            RETURN DISTINCT p.key AS key LIMIT 2
            """;

    private final Database database;

    @Inject
    public Neo4jRspKeys(Database database) {
        this.database = database;
    }

    @Override
    public String stored(String given) {
        if (given == null || given.isBlank()) {
            return given;
        }
        try {
            return database.read(tx -> {
                if (!tx.run(EXACT, Map.of("key", given)).list().isEmpty()) {
                    return given;
                }
                List<String> found = tx.run(ANY_CASE, Map.of("key", given)).list(r -> r.get("key").asString());
                return found.size() == 1 ? found.getFirst() : given;
            });
        } catch (DiffoAdminException | IllegalStateException e) {
            LOG.fine(() -> "The RSP key " + given + " was not looked up: " + e.getMessage());
            return given;
        }
    }
}
