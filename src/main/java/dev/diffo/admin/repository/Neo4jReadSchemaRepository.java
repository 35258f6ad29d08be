package dev.diffo.admin.repository;

import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ReadIndex;
import dev.diffo.admin.domain.Recount;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * The read indexes of schema steps 2 and 3 (see {@code V0002__Read_indexes_and_kept_counts.cypher}, {@code V0003__…}) and the kept counts
 * ({@link KeptCounts}). The index state is asked with {@code SHOW INDEXES} (never {@code db.awaitIndexes}: no read
 * waits for an index); once an index is ONLINE on a connection it is not asked again (a page that finds it gone
 * after all falls back and asks again).
 */
@Singleton
public class Neo4jReadSchemaRepository implements ReadSchemaRepository {

    /** The read indexes and what each serves, in the order a status line names them. */
    static final Map<String, String> READ_INDEXES = indexNames();

    static final String NAME_INDEX = "diffo_admin_instance_name_uuid";
    static final String UUID_INDEX = "diffo_admin_instance_uuid";
    static final String STATE_INDEX = "diffo_admin_instance_state_uuid";
    static final String CREATED_INDEX = "diffo_admin_instance_created_uuid";
    static final String NAME_TEXT_INDEX = "diffo_admin_instance_name_text";

    private static Map<String, String> indexNames() {
        Map<String, String> indexes = new LinkedHashMap<>();
        indexes.put(NAME_INDEX, "pages by name");
        indexes.put(UUID_INDEX, "pages by id");
        indexes.put(STATE_INDEX, "pages by state");
        indexes.put(CREATED_INDEX, "pages by creation");
        indexes.put(NAME_TEXT_INDEX, "name contains");
        return indexes;
    }

    static final String SHOW_INDEXES = """
            SHOW INDEXES YIELD name, state, populationPercent WHERE name IN $names
            RETURN name, state, populationPercent
            """;

    static final String IS_CATALOGUE = "RETURN EXISTS { MATCH (:Specification) } AS catalogue";

    static final String WITH_INSTANCES = """
            MATCH (s:Specification) WHERE s.uuid IS NOT NULL AND EXISTS { (s)<-[:SPECIFIED_BY]-() }
            RETURN s.uuid AS uuid ORDER BY COUNT { (s)<-[:SPECIFIED_BY]-() } DESC
            """;

    static final String WITHOUT_KEPT_COUNTS = """
            MATCH (s:Specification) WHERE s.uuid IS NOT NULL AND EXISTS { (s)<-[:SPECIFIED_BY]-() }
              AND NOT EXISTS { MATCH (:DiffoAdmin:InstanceCountSet {spec: s.uuid}) }
            RETURN s.uuid AS uuid ORDER BY COUNT { (s)<-[:SPECIFIED_BY]-() } DESC
            """;

    /** Takes the set's lock first (a write that adjusts counts waits, or the recount waits for it), then clears the counts. */
    static final String LOCK_AND_CLEAR = """
            MERGE (set:DiffoAdmin:InstanceCountSet {spec: $spec})
            SET set.countingSince = $now
            WITH set
            OPTIONAL MATCH (k:DiffoAdmin:InstanceCount {spec: $spec})
            DELETE k
            """;

    static final String UNKEPT = "MATCH (set:DiffoAdmin:InstanceCountSet {spec: $spec}) SET set.unkept = $unkept";

    static final String FINISH = """
            MATCH (set:DiffoAdmin:InstanceCountSet {spec: $spec})
            SET set.rspRole = $rspRole, set.countedAt = $now, set.instances = $instances
            REMOVE set.countingSince
            """;

    /** Sets whose specification is gone (deleted) go with their counts. */
    static final String FORGET_GONE = """
            MATCH (set:DiffoAdmin:InstanceCountSet)
            WHERE NOT EXISTS { MATCH (:Specification {uuid: set.spec}) }
            OPTIONAL MATCH (k:DiffoAdmin:InstanceCount {spec: set.spec})
            DETACH DELETE k, set
            """;

    private final Database database;
    private final Neo4jSchema schema;
    private volatile ConnectionInfo onlineOn;
    private volatile java.util.Set<String> online = java.util.Set.of();

    @Inject
    public Neo4jReadSchemaRepository(Database database, Neo4jSchema schema) {
        this.database = database;
        this.schema = schema;
    }

    @Override
    public boolean isCatalogue() {
        return database.read(tx -> tx.run(IS_CATALOGUE).single().get("catalogue").asBoolean());
    }

    @Override
    public void applySchema() {
        schema.require("build the read indexes and kept counts");
    }

    @Override
    public List<ReadIndex> readIndexes() {
        Map<String, Record> found = new LinkedHashMap<>();
        database.read(tx -> {
            tx.run(SHOW_INDEXES, Map.of("names", List.copyOf(READ_INDEXES.keySet()))).forEachRemaining(r -> found.put(r.get("name").asString(), r));
            return null;
        });
        List<ReadIndex> indexes = new ArrayList<>();
        READ_INDEXES.forEach((name, serves) -> {
            Record r = found.get(name);
            indexes.add(r == null ? new ReadIndex(name, serves, "MISSING", 0)
                    : new ReadIndex(name, serves, r.get("state").asString(), r.get("populationPercent").isNull() ? 0 : r.get("populationPercent").asDouble()));
        });
        return indexes;
    }

    /**
     * The read index {@code name} when it is ONLINE (null when it is not: the caller reads the slower way), with its
     * state for the status line either way. Asked of the database until it is online on this connection.
     */
    ReadIndex online(String name) {
        ConnectionInfo on = database.info().orElse(null);
        if (on != null && on == onlineOn && online.contains(name)) {
            return new ReadIndex(name, READ_INDEXES.get(name), "ONLINE", 100);
        }
        List<ReadIndex> now = readIndexes();
        java.util.Set<String> up = new java.util.HashSet<>();
        now.stream().filter(ReadIndex::online).forEach(i -> up.add(i.name()));
        online = java.util.Set.copyOf(up);
        onlineOn = on;
        return now.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    /** Forgets what was known online (an index-ordered read found an index gone). */
    void forgetOnline() {
        online = java.util.Set.of();
    }

    @Override
    public List<String> specificationsWithoutKeptCounts() {
        return database.read(tx -> tx.run(WITHOUT_KEPT_COUNTS).list(r -> r.get("uuid").asString()));
    }

    @Override
    public List<String> specificationsWithInstances() {
        return database.read(tx -> tx.run(WITH_INSTANCES).list(r -> r.get("uuid").asString()));
    }

    @Override
    public Recount recount(String specificationUuid, String rspRole) {
        long start = System.nanoTime();
        return database.write(tx -> {
            var now = GraphValues.now();
            tx.run(FORGET_GONE).consume();
            tx.run(LOCK_AND_CLEAR, Map.of("spec", specificationUuid, "now", now)).consume();
            List<Map<String, Object>> rows = tx.run(KeptCounts.TALLY_SPEC, Map.of("spec", specificationUuid, "rspRole", rspRole)).list(KeptCounts::row);
            long instances = rows.stream().filter(r -> r.get("characteristic") == null).mapToLong(r -> (long) r.get("n")).sum();
            // a characteristic with too many distinct values (an id, a serial number) is not kept by value: its filter counts exactly
            Map<Object, Long> distinct = rows.stream().filter(r -> r.get("characteristic") != null)
                    .collect(java.util.stream.Collectors.groupingBy(r -> r.get("characteristic"), java.util.stream.Collectors.counting()));
            List<String> unkept = distinct.entrySet().stream().filter(e -> e.getValue() > KeptCounts.MOST_VALUES_KEPT).map(e -> (String) e.getKey()).sorted().toList();
            tx.run(UNKEPT, Map.of("spec", specificationUuid, "unkept", unkept)).consume();
            for (int from = 0; from < rows.size(); from += 10_000) {
                tx.run(KeptCounts.APPLY, Map.of("deltas", rows.subList(from, Math.min(rows.size(), from + 10_000)))).consume();
            }
            tx.run(FINISH, Map.of("spec", specificationUuid, "rspRole", rspRole, "now", now, "instances", instances)).consume();
            return new Recount(specificationUuid, instances, rows.size(), (System.nanoTime() - start) / 1_000_000);
        });
    }
}
