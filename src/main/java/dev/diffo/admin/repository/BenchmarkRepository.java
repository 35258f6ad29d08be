package dev.diffo.admin.repository;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** Seeds many instances in diffo's shape, for the benchmark command (never used by the app's screens). */
@Singleton
public class BenchmarkRepository {

    static final String SEED = """
            MATCH (spec:Specification {uuid: $spec})
            UNWIND range($from, $to) AS k
            CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service',
                    name: $prefix + toString(k), state: 'initial', createdAt: $now, updatedAt: $now})
            CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                    value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.BroadbandValue","value":{"technology":"'
                           + $technologies[k % size($technologies)] + '"}}}', createdAt: $now, updatedAt: $now})
            CREATE (i)-[:SPECIFIED_BY]->(spec), (i)-[:HAS]->(c)
            """;

    static final String NODE_COUNT = """
            MATCH (n) RETURN count(n) AS n
            """;

    private final Database database;

    @Inject
    public BenchmarkRepository(Database database) {
        this.database = database;
    }

    /** Instances {@code prefix + from .. prefix + to} on the specification, in one transaction. */
    public void seed(String specUuid, String prefix, long from, long to, java.util.List<String> technologies) {
        database.write(tx -> tx.run(SEED, Map.of("spec", specUuid, "prefix", prefix, "from", from, "to", to,
                "technologies", technologies, "now", GraphValues.now())).consume());
    }

    public long nodeCount() {
        return database.read(tx -> tx.run(NODE_COUNT).single().get("n").asLong());
    }
}
