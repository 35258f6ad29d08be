package dev.diffo.admin.repository;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** Seeds many instances in diffo's shape, for the benchmark command (never used by the app's screens). */
@Singleton
public class BenchmarkRepository {

    /** Instance k (with {@code spec} in scope) in diffo's shape: a broadband characteristic with the k-th technology in turn. */
    private static final String INSTANCE_K = """
            CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service',
                    name: $prefix + toString(k), state: 'initial', createdAt: $now, updatedAt: $now})
            CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                    value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.BroadbandValue","value":{"technology":"'
                           + $technologies[k % size($technologies)] + '"}}}', createdAt: $now, updatedAt: $now})
            CREATE (i)-[:SPECIFIED_BY]->(spec), (i)-[:HAS]->(c)
            """;

    static final String SEED = """
            MATCH (spec:Specification {uuid: $spec})
            UNWIND range($from, $to) AS k
            """ + INSTANCE_K;

    /** The parties of a catalogue in diffo's livebook shape: NBNCo, the resellers (all named organizationId) and a pool of site contacts. */
    static final String SEED_PARTIES = """
            MERGE (nbn:Provider:Organization:Party {key: 'nbn'}) SET nbn.name = 'NBNCo', nbn.type = 'PartyRef', nbn.referredType = 'Organization'
            WITH 1 AS one
            UNWIND $resellers AS key
            MERGE (o:Provider:Organization:Party {key: key}) SET o.name = 'organizationId', o.type = 'PartyRef', o.referredType = 'Organization'
            WITH count(*) AS resellers
            UNWIND range(1, $contacts) AS n
            MERGE (p:Provider:Individual:Party {key: 'IND' + right('000000000000' + toString(n), 12)})
            SET p.name = 'individualId', p.type = 'PartyRef', p.referredType = 'Individual'
            """;

    /** As {@link #SEED}, each instance also related as diffo's livebook relates one: SiteContact, Provider, Reseller (in that order). */
    static final String SEED_WITH_PARTIES = """
            MATCH (spec:Specification {uuid: $spec}), (nbn:Party {key: 'nbn'})
            CALL () { MATCH (o:Party) WHERE o.key IN $resellers RETURN collect(o) AS resellers }
            CALL () { MATCH (p:Individual:Party) RETURN collect(p) AS contacts }
            UNWIND range($from, $to) AS k
            WITH spec, nbn, k, resellers[k % size(resellers)] AS org, contacts[k % size(contacts)] AS person
            """ + INSTANCE_K + """
            CREATE (i)-[:RELATES]->(:Provider:PartyRef {uuid: randomUUID(), role: 'SiteContact'})-[:RELATES]->(person)
            CREATE (i)-[:RELATES]->(:Provider:PartyRef {uuid: randomUUID(), role: 'Provider'})-[:RELATES]->(nbn)
            CREATE (i)-[:RELATES]->(:Provider:PartyRef {uuid: randomUUID(), role: 'Reseller'})-[:RELATES]->(org)
            """;

    /**
     * The yardstick a migration is measured against: the bare batched respecify, nothing but the swap of each
     * instance's {@code SPECIFIED_BY} (no lock, no decision, no remediation, no ledger).
     */
    static final String BARE_RESPECIFY = """
            MATCH (src:Specification {uuid: $source}), (dst:Specification {uuid: $target})
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
            MATCH (i)-[r:SPECIFIED_BY]->(src)
            DELETE r
            CREATE (i)-[:SPECIFIED_BY]->(dst)
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

    /** The parties {@link #seedWithParties} relates instances to. */
    public void seedParties(java.util.List<String> resellerKeys, int contacts) {
        database.write(tx -> tx.run(SEED_PARTIES, Map.of("resellers", resellerKeys, "contacts", contacts)).consume());
    }

    /** As {@link #seed}, each instance with three PartyRefs; reseller {@code k % resellers} owns instance k. */
    public void seedWithParties(String specUuid, String prefix, long from, long to, java.util.List<String> technologies, java.util.List<String> resellerKeys) {
        database.write(tx -> tx.run(SEED_WITH_PARTIES, Map.of("spec", specUuid, "prefix", prefix, "from", from, "to", to,
                "technologies", technologies, "resellers", resellerKeys, "now", GraphValues.now())).consume());
    }

    /** The bare respecify of these instances from {@code source} to {@code target}, in one transaction. */
    public void bareRespecify(String source, String target, java.util.List<String> elementIds) {
        database.write(tx -> tx.run(BARE_RESPECIFY, Map.of("source", source, "target", target, "ids", elementIds)).consume());
    }

    /** Transaction functions run again after a transient failure (a deadlock between batches in flight, say), so far. */
    public long retries() {
        return database.retries();
    }

    public long nodeCount() {
        return database.read(tx -> tx.run(NODE_COUNT).single().get("n").asLong());
    }
}
