package dev.diffo.admin.support;

import dev.diffo.admin.repository.Database;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * Test-side Cypher: fixtures written the way diffo writes them, and read-backs that check the stored shape
 * independently of the code under test.
 */
public final class TestGraph {
    private final Database database;

    TestGraph(Database database) {
        this.database = database;
    }

    public void wipe() {
        database.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
    }

    public void run(String cypher, Map<String, Object> parameters) {
        database.write(tx -> tx.run(cypher, parameters).consume());
    }

    public void run(String cypher) {
        run(cypher, Map.of());
    }

    /**
     * Instances {@code $prefix1..$prefix$n} on the specification {@code $v1} in diffo's shape (an instance and its
     * {@code broadband} characteristic), instance k with technology {@code $technologies[k % size]}: the fixture the
     * tests that start stores of their own seed through a driver too.
     */
    public static final String ACME_INSTANCES = """
            MATCH (v1:Specification {uuid: $v1})
            UNWIND range(1, $n) AS k
            CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service',
                    name: $prefix + toString(k), state: 'initial', createdAt: datetime({timezone: 'Etc/UTC'}), updatedAt: datetime({timezone: 'Etc/UTC'})})
            CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                    value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.BroadbandValue","value":{"technology":"'
                           + $technologies[k % size($technologies)] + '"}}}'})
            CREATE (i)-[:SPECIFIED_BY]->(v1), (i)-[:HAS]->(c)
            """;

    /** The parameters of {@link #ACME_INSTANCES}. */
    public static Map<String, Object> acmeInstances(String v1, String prefix, int n, List<String> technologies) {
        return Map.of("v1", v1, "prefix", prefix, "n", n, "technologies", technologies);
    }

    /** {@code n} more of Acme's instances on {@code v1} in diffo's shape ({@code acme-bulk-1..n}), alternating fttp and fttb. */
    public void moreAcmeInstances(String v1, int n) {
        run(ACME_INSTANCES, acmeInstances(v1, "acme-bulk-", n, List.of("fttb", "fttp")));
    }

    /** The database hits of a query, from its profile (every operator of the plan). */
    public long dbHits(String cypher, Map<String, Object> parameters) {
        return database.read(tx -> hits(tx.run("PROFILE " + cypher, parameters).consume().profile()));
    }

    private static long hits(org.neo4j.driver.summary.ProfiledPlan plan) {
        return plan.dbHits() + plan.children().stream().mapToLong(TestGraph::hits).sum();
    }

    /** The operators of a query's plan (EXPLAIN: nothing is run), e.g. {@code NodeIndexSeekByRange@neo4j}. */
    public List<String> operators(String cypher, Map<String, Object> parameters) {
        List<String> operators = new java.util.ArrayList<>();
        database.read(tx -> {
            collect(tx.run("EXPLAIN " + cypher, parameters).consume().plan(), operators);
            return null;
        });
        return operators;
    }

    private static void collect(org.neo4j.driver.summary.Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }

    public List<Record> query(String cypher, Map<String, Object> parameters) {
        return database.read(tx -> tx.run(cypher, parameters).list());
    }

    public List<Record> query(String cypher) {
        return query(cypher, Map.of());
    }

    public long count(String cypher) {
        return query(cypher).getFirst().get(0).asLong();
    }

    /** Every node with its labels and properties, and every edge: to show that nothing changed. */
    public String fingerprint() {
        return fingerprint("true");
    }

    /** The same for the part of the graph diffo owns (our own :DiffoAdmin nodes, e.g. the ledger, left out). */
    public String diffoFingerprint() {
        return fingerprint("NOT n:DiffoAdmin");
    }

    private String fingerprint(String nodeFilter) {
        var nodes = query("""
                MATCH (n) WHERE %s
                RETURN labels(n) AS labels, properties(n) AS props
                ORDER BY coalesce(n.uuid, n.name, elementId(n))
                """.formatted(nodeFilter));
        var edges = query("""
                MATCH (a)-[r]->(b) WHERE %s AND %s
                RETURN coalesce(a.uuid, a.name, elementId(a)) + '-' + type(r) + '->' + coalesce(b.uuid, b.name, elementId(b)) AS edge
                ORDER BY edge
                """.formatted(nodeFilter.replace("n:", "a:"), nodeFilter.replace("n:", "b:")));
        // a byte array (a ledger's packed entries) by its bytes, not by its identity
        return nodes.stream().map(r -> r.get("labels").asList() + " " + new java.util.TreeMap<>(r.get("props").asMap(
                        v -> v.type().name().equals("BYTES") ? java.util.HexFormat.of().formatHex(v.asByteArray()) : v.asObject()))).toList()
                + "\n" + edges.stream().map(r -> r.get("edge").asString()).toList();
    }
}
