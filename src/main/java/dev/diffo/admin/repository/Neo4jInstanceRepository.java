package dev.diffo.admin.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Scenario.InstanceDraft;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Instances of a specification version, read a page at a time: keyset paging on {@code (sort key, uuid)}, so
 * page 1,000 costs what page 1 costs and nothing is ever skipped over; the RSP is worked out only for the
 * rows of the page (or for every candidate, when filtering by RSP).
 */
@Singleton
public class Neo4jInstanceRepository implements InstanceRepository {

    private static final String FILTERS = """
            MATCH (:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            WHERE ($name IS NULL OR toLower(i.name) CONTAINS toLower($name))
              AND ($charName IS NULL OR EXISTS { MATCH (i)-[:HAS]->(c:Characteristic {name: $charName})
                                                 WHERE any(n IN $needles WHERE c.value CONTAINS n) })
            """;

    private static final String RSP_FILTER = DiffoShape.RSP_OF_INSTANCE + DiffoShape.OF_RSP;

    /** The RSP filter on an index-ordered read: the name read once into a variable (the planner refuses i.name there). */
    private static final String RSP_FILTER_INDEXED = "WITH i, i.name AS name\n" + DiffoShape.rspOf(", name", "name") + DiffoShape.OF_RSP;

    /** The page in one order: {@code %1$s} is the sort property (a fixed name per order), {@code %2$s} the comparison, {@code %3$s} the direction. */
    private static final String PAGE_TEMPLATE = """
            WITH i, coalesce(toString(i.%1$s), '') AS k
            WHERE $afterKey IS NULL OR k %2$s $afterKey OR (k = $afterKey AND i.uuid %2$s $afterUuid)
            WITH i, k ORDER BY k %3$s, i.uuid %3$s LIMIT $limit
            CALL (i) {
            """ + DiffoShape.RSP_OF_INSTANCE + """
              RETURN rsp, rspName, rspBy
            }
            RETURN i.uuid AS uuid, i.name AS name, rsp, rspName, rspBy, i.state AS state, i.which AS which, toString(i.createdAt) AS createdAt,
                   labels(i) AS labels, """ + DiffoShape.CHARACTERISTICS_OF_I + """
             AS chars
            ORDER BY k %3$s, uuid %3$s
            """;

    /**
     * A page of a large specification in name or id order, read from that property's index in order and stopping
     * once the page is full (the instance's edge to the specification checked per entry) instead of sorting every
     * instance of the specification. {@code %1$s} is the property, {@code %2$s} the comparison, {@code %3$s} the direction.
     */
    private static final String INDEXED_TEMPLATE = """
            MATCH (s:Specification {uuid: $spec})
            MATCH (i:Instance)
            USING INDEX i:Instance(%1$s)
            WHERE i.%1$s %2$s $afterKey
              AND (i)-[:SPECIFIED_BY]->(s)
              AND ($name IS NULL OR toLower(i.name) CONTAINS toLower($name))
              AND ($charName IS NULL OR EXISTS { MATCH (i)-[:HAS]->(c:Characteristic {name: $charName})
                                                 WHERE any(n IN $needles WHERE c.value CONTAINS n) })
            """;

    /** The ids of an index-ordered page: the order is the index's, so the LIMIT stops the index scan. */
    private static final String INDEXED_PAGE_TEMPLATE = """
            WITH i ORDER BY i.%1$s %3$s LIMIT $limit
            RETURN elementId(i) AS id
            """;

    /** The rows of a page read by id (kept apart from the index-ordered read, which stays as simple as the planner likes it). */
    static final String ROWS = """
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
            """ + DiffoShape.RSP_OF_INSTANCE + """
            RETURN i.uuid AS uuid, i.name AS name, rsp, rspName, rspBy, i.state AS state, i.which AS which, toString(i.createdAt) AS createdAt,
                   labels(i) AS labels, """ + DiffoShape.CHARACTERISTICS_OF_I + """
             AS chars, elementId(i) AS id
            """;

    /** Above this many instances on a specification, name and id pages come from the indexes. */
    static final long INDEXED_ABOVE = 20_000;
    private static final String LAST_KEY = "\uffff\uffff\uffff\uffff";

    static final Map<InstanceQuery.Sort, String> PAGE_ASCENDING = pages(false);
    static final Map<InstanceQuery.Sort, String> PAGE_DESCENDING = pages(true);

    static final String COUNT_FILTERED = FILTERS + """
            RETURN count(i) AS n
            """;

    static final String COUNT_FILTERED_BY_RSP = FILTERS + RSP_FILTER + """
            RETURN count(i) AS n
            """;

    static final String COUNT_ALL = """
            MATCH (s:Specification {uuid: $spec})
            RETURN COUNT { (s)<-[:SPECIFIED_BY]-() } AS n
            """;

    /** The value of a dynamic characteristic of this name on the version's own instances first, then on the newest other major's. */
    static final String DYNAMIC_VALUE_TYPE = """
            MATCH (s:Specification {name: $name})
            CALL (s) {
              MATCH (s)<-[:SPECIFIED_BY]-(i)-[:HAS]->(c:Characteristic {name: $characteristic})
              WHERE c.value CONTAINS '"dynamic"'
              RETURN c.value AS value LIMIT 1
            }
            RETURN value ORDER BY s.uuid = $spec DESC, s.majorVersion DESC LIMIT 1
            """;

    private final Database database;
    private final CatalogueSettings settings;

    @Inject
    public Neo4jInstanceRepository(Database database, CatalogueSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    private static Map<InstanceQuery.Sort, String> pages(boolean descending) {
        Map<InstanceQuery.Sort, String> pages = new EnumMap<>(InstanceQuery.Sort.class);
        for (InstanceQuery.Sort sort : InstanceQuery.Sort.values()) {
            String page = PAGE_TEMPLATE.formatted(sort.property(), descending ? "<" : ">", descending ? "DESC" : "ASC");
            pages.put(sort, page);
        }
        return Map.copyOf(pages);
    }

    private static String indexed(InstanceQuery.Sort sort, boolean descending) {
        return INDEXED_TEMPLATE.formatted(sort.property(), descending ? "<" : ">", descending ? "DESC" : "ASC", descending ? ">" : "<");
    }

    @Override
    public InstanceQuery.Page page(InstanceQuery query, InstanceQuery.Cursor after) {
        boolean byIndex = (query.sort() == InstanceQuery.Sort.NAME || query.sort() == InstanceQuery.Sort.ID)
                && count(InstanceQuery.of(query.specificationUuid())) > INDEXED_ABOVE && indexed();
        String cypher = byIndex
                ? indexed(query.sort(), query.descending()) + (query.rsp() == null ? "" : RSP_FILTER_INDEXED)
                        + INDEXED_PAGE_TEMPLATE.formatted(query.sort().property(), "", query.descending() ? "DESC" : "ASC")
                : FILTERS + (query.rsp() == null ? "" : RSP_FILTER) + (query.descending() ? PAGE_DESCENDING : PAGE_ASCENDING).get(query.sort());
        Map<String, Object> params = filterParams(query);
        if (byIndex) {
            // the first page starts at the very first (or last) key; the id bound then excludes nothing
            params.put("afterKey", after == null ? (query.descending() ? LAST_KEY : "") : after.key());
            params.put("afterUuid", after == null ? (query.descending() ? LAST_KEY : "") : after.uuid());
        } else {
            params.put("afterKey", after == null ? null : after.key());
            params.put("afterUuid", after == null ? null : after.uuid());
        }
        params.put("limit", query.pageSize() + 1);
        List<InstanceRow> rows = database.read(tx -> {
            if (!byIndex) {
                return tx.run(cypher, params).list(this::toRow);
            }
            List<String> ids = tx.run(cypher, params).list(r -> r.get("id").asString());
            Map<String, InstanceRow> byId = new HashMap<>();
            tx.run(ROWS, Map.of("ids", ids, "rspRole", settings.rspRole())).forEachRemaining(r -> byId.put(r.get("id").asString(), toRow(r)));
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        });
        boolean more = rows.size() > query.pageSize();
        return new InstanceQuery.Page(more ? rows.subList(0, query.pageSize()) : rows, more);
    }

    static final String INDEXES_ONLINE = """
            SHOW INDEXES YIELD name, state WHERE name IN $names AND state = 'ONLINE' RETURN count(*) AS online
            """;

    /**
     * Range indexes on the instance properties large pages are read by: with them a page of a specification holding
     * millions of instances reads about a page of index entries instead of every instance. Created the first time a
     * large specification is paged (so a database that only gets looked at is never written to); they change
     * nothing diffo reads. Best effort: without the right to create them (a read-only user on a server) the pages
     * are sorted instead, only slower.
     */
    static final List<String> INDEXES = List.of(
            "CREATE RANGE INDEX diffo_admin_instance_name IF NOT EXISTS FOR (i:Instance) ON (i.name)",
            "CREATE RANGE INDEX diffo_admin_instance_uuid IF NOT EXISTS FOR (i:Instance) ON (i.uuid)");
    private static final List<String> INDEX_NAMES = List.of("diffo_admin_instance_name", "diffo_admin_instance_uuid");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Neo4jInstanceRepository.class.getName());

    private volatile boolean indexesOnline;
    private volatile boolean indexesAsked;

    /** Whether the name and id indexes are there and populated (asked until they are: the database builds them in the background). */
    private boolean indexed() {
        if (!indexesOnline) {
            if (!indexesAsked) {
                indexesAsked = true;
                try {
                    for (String index : INDEXES) {
                        database.write(tx -> tx.run(index).consume());
                    }
                } catch (DiffoAdminException e) { // the driver's failure, translated by Database (e.g. a user who may not create indexes)
                    LOG.warning("Could not create diffo-admin's instance indexes (" + e.getMessage() + "); large specifications page more slowly.");
                }
            }
            indexesOnline = database.read(tx -> tx.run(INDEXES_ONLINE, Map.of("names", INDEX_NAMES)).single().get("online").asLong()) == INDEX_NAMES.size();
        }
        return indexesOnline;
    }

    @Override
    public long count(InstanceQuery query) {
        if (!query.filtered()) {
            return database.read(tx -> tx.run(COUNT_ALL, Map.of("spec", query.specificationUuid())).list(r -> r.get("n").asLong())
                    .stream().findFirst().orElse(0L));
        }
        String cypher = query.rsp() == null ? COUNT_FILTERED : COUNT_FILTERED_BY_RSP;
        return database.read(tx -> tx.run(cypher, filterParams(query)).single().get("n").asLong());
    }

    @Override
    public List<String> commonLabels(String specificationUuid) {
        return database.read(tx -> tx.run(DiffoShape.COMMON_LABELS, Map.of("spec", specificationUuid))
                .list(r -> r.get("labels").asList(Value::asString)).stream().findFirst().orElse(List.of()));
    }

    @Override
    public Optional<String> dynamicValueType(String specificationUuid, String specificationName, String characteristic) {
        return database.read(tx -> tx.run(DYNAMIC_VALUE_TYPE, Map.of("spec", specificationUuid, "name", specificationName, "characteristic", characteristic))
                .list(r -> r.get("value").asString(null)).stream().findFirst())
                .flatMap(json -> {
                    try {
                        JsonNode type = CanonicalJson.read(json).path("value").path("type");
                        return type.isTextual() ? Optional.of(type.asText()) : Optional.empty();
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }

    @Override
    public void create(InstanceDraft instance) {
        database.write(tx -> {
            if (!Neo4jScenarioRepository.createInstanceIfAbsent(tx, instance, GraphValues.now())) {
                throw new DiffoAdminException("Instance " + instance.name() + " already exists", "Instance names are unique in diffo; choose another name. Nothing was written.");
            }
            return null;
        });
    }

    private Map<String, Object> filterParams(InstanceQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("rspRole", settings.rspRole());
        params.put("spec", query.specificationUuid());
        params.put("name", query.nameContains());
        params.put("rsp", query.rsp());
        String key = query.valueKey();
        if (key == null) {
            params.put("charName", null);
            params.put("needles", List.of());
        } else {
            int dot = key.indexOf('.');
            String characteristic = dot < 0 ? key : key.substring(0, dot);
            String field = dot < 0 ? null : key.substring(dot + 1);
            params.put("charName", characteristic);
            params.put("needles", needles(field, query.value()));
        }
        return params;
    }

    /**
     * What the stored canonical JSON contains when the value is there: {@code "technology":"fttb"} for a field of a
     * dynamic value, or the primitive's {@code "string":"managed"}; numbers and booleans unquoted, bounded by , or }.
     */
    static List<String> needles(String field, String value) {
        List<String> needles = new ArrayList<>();
        String quoted = CanonicalJson.write(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(value));
        List<String> keys = field == null ? List.of("string", "integer", "float", "boolean") : List.of(field);
        for (String k : keys) {
            needles.add("\"" + k + "\":" + quoted);
            if (value.matches("-?\\d+(\\.\\d+)?|true|false")) {
                needles.add("\"" + k + "\":" + value + ",");
                needles.add("\"" + k + "\":" + value + "}");
            }
        }
        return needles;
    }

    private InstanceRow toRow(Record r) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> stored = new TreeMap<>();
        for (Value c : r.get("chars").values()) {
            String characteristic = c.get("name").asString(null);
            String json = c.get("value").asString(null);
            DiffoShape.flatten(characteristic, json, values);
            if (characteristic != null && json != null) {
                stored.merge(characteristic, json, (a, b) -> a + " " + b);
            }
        }
        return new InstanceRow(r.get("uuid").asString(null), r.get("name").asString(null),
                Rsp.of(r.get("rsp").asString(null), r.get("rspName").asString(null), r.get("rspBy").asString(null), settings.rspRole()),
                r.get("state").asString(null), r.get("which").asString(null), r.get("createdAt").asString(null),
                r.get("labels").asList(Value::asString), values, stored);
    }
}
