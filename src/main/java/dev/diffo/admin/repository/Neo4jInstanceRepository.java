package dev.diffo.admin.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.InstanceTotal;
import dev.diffo.admin.domain.ReadIndex;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Scenario.InstanceDraft;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
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

    static final String FILTERS = """
            MATCH (:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            WHERE ($name IS NULL OR toLower(i.name) CONTAINS toLower($name))
              AND ($charName IS NULL OR EXISTS { MATCH (i)-[:HAS]->(c:Characteristic {name: $charName})
                                                 WHERE any(n IN $needles WHERE c.value CONTAINS n) })
            """;

    /**
     * The instances whose name contains one of {@code $variants} (every case spelling of a few letters of the name
     * filter's text, {@link #variants}), from the name's TEXT index, then the same filters as {@link #FILTERS}: a
     * name filter that selects a few thousand of millions reads those, not every instance of the specification.
     */
    static final String NAME_CANDIDATES = """
            UNWIND $variants AS variant
            CALL (variant) {
              MATCH (i:Instance) USING TEXT INDEX i:Instance(name)
              WHERE i.name CONTAINS variant
              RETURN i
            }
            WITH DISTINCT i
            """;

    /** How many instances the name filter's variants find, counted up to {@code $cap}. */
    static final String NAME_CANDIDATES_UP_TO = NAME_CANDIDATES + """
            WITH i LIMIT $cap
            RETURN count(i) AS n
            """;

    static final String FILTERS_BY_NAME_INDEX = NAME_CANDIDATES + """
            MATCH (:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            WHERE toLower(i.name) CONTAINS toLower($name)
              AND ($charName IS NULL OR EXISTS { MATCH (i)-[:HAS]->(c:Characteristic {name: $charName})
                                                 WHERE any(n IN $needles WHERE c.value CONTAINS n) })
            """;

    /** The name seek's candidates whose name contains the filter's text in any case (the index found one spelling of a part of it). */
    private static final String NAME_CONTAINED = """
            WITH i WHERE toLower(i.name) CONTAINS toLower($name)
            """;

    /** Up to this many instances found by the name's text index are read and sorted; more, and the filter reads the usual way. */
    static final long NAME_CANDIDATES_CAP = 20_000;

    /** At most this many letters of the name filter's text are spelled in every case (2^5 = 32 index seeks). */
    static final int CASED_LETTERS = 5;

    private static final String RSP_FILTER = DiffoShape.RSP_OF_INSTANCE + DiffoShape.OF_RSP;

    /** The RSP filter as one more predicate of the {@code WHERE} before it (cheaper than working out each instance's RSP). */
    private static final String RSP_PREDICATE = "  AND " + DiffoShape.isOfRsp("i.name") + "\n";

    /**
     * The RSP filter on an index-ordered read: one more predicate of the seek's WHERE, which keeps the index order so the
     * read stops once the page is full (a projection before the ORDER BY, even {@code WITH i, i.name AS name}, loses it).
     * The name is read as {@code properties(i).name}: {@code i.name} there fails the 2026 planner's insertCachedProperties.
     */
    private static final String RSP_FILTER_INDEXED = "  AND " + DiffoShape.isOfRsp("properties(i).name") + "\n";

    /** The rows of a page ({@code %4$s} the direction), once its instances are chosen: each one's RSP, state, labels and characteristics. */
    private static final String PAGE_ROWS = """
            CALL (i) {
            """ + DiffoShape.RSP_OF_INSTANCE + """
              RETURN rsp, rspName, rspBy
            }
            RETURN i.uuid AS uuid, i.name AS name, rsp, rspName, rspBy, i.state AS state, i.which AS which, toString(i.createdAt) AS createdAt,
                   labels(i) AS labels, """ + DiffoShape.CHARACTERISTICS_OF_I + """
             AS chars, toString(k) AS sortKey
            ORDER BY k IS NULL, k %4$s, uuid %4$s
            """;

    /**
     * The page in one order, read by sorting the selected instances (small specifications, or while the order's index
     * is not online): {@code %1$s} is the typed key of the order (null where the instance has no value of the order's
     * type: those come last, by id), {@code %2$s} the cursor's key as that type, {@code %3$s} the comparison,
     * {@code %4$s} the direction, {@code %5$s} how the page's instances are chosen of those after the cursor
     * ({@link #SORT_AND_LIMIT} or {@link #SORT_CHECK_AND_LIMIT}). The same order as the index-ordered read.
     */
    private static final String PAGE_TEMPLATE = """
            WITH i, %1$s AS k
            WHERE $afterUuid IS NULL
               OR ($afterKey IS NOT NULL AND (k IS NULL OR k %3$s %2$s OR (k = %2$s AND i.uuid %3$s $afterUuid)))
               OR ($afterKey IS NULL AND k IS NULL AND i.uuid %3$s $afterUuid)
            %5$s""" + PAGE_ROWS;

    /** The sort and the page's limit, the instances checked before ({@link #PAGE_TEMPLATE}'s {@code %5$s}). */
    private static final String SORT_AND_LIMIT = "WITH i, k ORDER BY k IS NULL, k %4$s, i.uuid %4$s LIMIT $limit\n";

    /**
     * The sort, then the checks that read more than the name (the edge to the specification, the characteristic and the
     * RSP) on the sorted instances one by one, until the page is full: the name seek's candidates are checked a page's
     * worth at a time, not all of them (an RSP's page among 11,111 instances found by name read them all, each one's
     * edges and parties, before it sorted them).
     */
    private static final String SORT_CHECK_AND_LIMIT = """
            WITH i, k ORDER BY k IS NULL, k %4$s, i.uuid %4$s
            WITH i, k WHERE EXISTS { MATCH (i)-[:SPECIFIED_BY]->(s:Specification) WHERE s.uuid = $spec }
              AND ($charName IS NULL OR EXISTS { MATCH (i)-[:HAS]->(c:Characteristic {name: $charName})
                                                 WHERE any(n IN $needles WHERE c.value CONTAINS n) })
            %5$s
            WITH i, k LIMIT $limit
            """;

    /**
     * A page of a large specification read from the order's index in order, stopping once the page is full (the
     * instance's edge to the specification and the filters checked per entry) instead of sorting every instance of
     * the specification. {@code %1$s} is the index's properties, {@code %2$s} the seek on them. The seek is the plan's
     * only leaf (the specification is checked per entry, not matched first): an index read on the right of an Apply
     * keeps no order the planner can use, and it sorted every entry (Top) instead of stopping at the limit.
     */
    private static final String INDEXED_TEMPLATE = """
            MATCH (i:Instance)
            USING INDEX i:Instance(%1$s)
            WHERE %2$s
              AND EXISTS { MATCH (i)-[:SPECIFIED_BY]->(s:Specification) WHERE s.uuid = $spec }
              AND ($name IS NULL OR toLower(i.name) CONTAINS toLower($name))
              AND ($charName IS NULL OR EXISTS { MATCH (i)-[:HAS]->(c:Characteristic {name: $charName})
                                                 WHERE any(n IN $needles WHERE c.value CONTAINS n) })
            """;

    /** The ids of an index-ordered page: the order is the index's, so the LIMIT stops the index scan. */
    static final String INDEXED_PAGE_TEMPLATE = """
            WITH i ORDER BY %1$s LIMIT $limit
            RETURN elementId(i) AS id, toString(%2$s) AS sortKey
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

    /** Above this many instances on a specification, pages come from the order's index (when it is online); tests lower it. */
    static final long INDEXED_ABOVE = 20_000;
    private final long indexedAbove;
    private static final String LAST_KEY = "\uffff\uffff\uffff\uffff";

    /** How each order reads: its key's type, the index that serves it, and how a cursor's key becomes that type. */
    enum Order {
        NAME("name", "i.name IS :: STRING NOT NULL", "$afterKey", "''", "'" + LAST_KEY + "'", Neo4jReadSchemaRepository.NAME_INDEX, "name, uuid"),
        ID("uuid", "i.uuid IS :: STRING NOT NULL", "$afterKey", "''", "'" + LAST_KEY + "'", Neo4jReadSchemaRepository.UUID_INDEX, "uuid"),
        STATE("state", "i.state IS :: STRING NOT NULL", "$afterKey", "''", "'" + LAST_KEY + "'", Neo4jReadSchemaRepository.STATE_INDEX, "state, uuid"),
        CREATED("createdAt", "i.createdAt IS :: ZONED DATETIME NOT NULL", "datetime($afterKey)", "datetime('0001-01-01T00:00:00Z')",
                "datetime('9999-12-31T23:59:59Z')", Neo4jReadSchemaRepository.CREATED_INDEX, "createdAt, uuid");

        final String property;
        final String typed;
        final String key;
        final String lowest;
        final String highest;
        final String index;
        final String indexed;

        Order(String property, String typed, String key, String lowest, String highest, String index, String indexed) {
            this.property = property;
            this.typed = typed;
            this.key = key;
            this.lowest = lowest;
            this.highest = highest;
            this.index = index;
            this.indexed = indexed;
        }

        static Order of(InstanceQuery.Sort sort) {
            return valueOf(sort.name());
        }

        /** The order's key of instance {@code i}, null where it has none of the order's type. */
        String typedKey() {
            return "CASE WHEN " + typed + " THEN i." + property + " END";
        }

        /** The sort-and-limit page of this order, of the instances selected before it. */
        String page(boolean descending) {
            return page(descending, SORT_AND_LIMIT);
        }

        /**
         * The page of this order of the name seek's candidates ({@link #NAME_CANDIDATES} with the name checked): the
         * rest checked in the page's order until it is full, {@code rsp} the RSP's check or nothing.
         */
        String pageOfCandidates(boolean descending, String rsp) {
            return page(descending, SORT_CHECK_AND_LIMIT.replace("%5$s", rsp));
        }

        private String page(boolean descending, String selection) {
            String direction = descending ? "DESC" : "ASC";
            return PAGE_TEMPLATE.formatted(typedKey(), key, descending ? "<" : ">", direction, selection.replace("%4$s", direction));
        }

        /** The instances after the cursor's key, from the index in order ({@code first}: from the very first key). */
        String after(boolean descending, boolean first) {
            String bound = first ? "i." + property + (descending ? " <= " + highest : " >= " + lowest)
                    : "i." + property + (descending ? " < " : " > ") + key;
            return INDEXED_TEMPLATE.formatted(indexed, bound + (this == ID ? "" : " AND i.uuid IS NOT NULL"));
        }

        /** The instances with the cursor's key and a later id (ties), from the index in order. */
        String ties(boolean descending) {
            return INDEXED_TEMPLATE.formatted(indexed, "i." + property + " = " + key + " AND i.uuid " + (descending ? "<" : ">") + " $afterUuid");
        }

        /** The instances without a key of the order's type, last, by id: from the id index in order. */
        String missing(boolean descending) {
            return INDEXED_TEMPLATE.formatted("uuid", "i.uuid " + (descending ? "<" : ">") + " $afterUuid AND NOT (" + typed + ")");
        }

        String orderBy(boolean descending, boolean byUuidOnly) {
            String dir = descending ? " DESC" : " ASC";
            return byUuidOnly || this == ID ? "i.uuid" + dir : "i." + property + dir + ", i.uuid" + dir;
        }
    }

    static final String COUNT_FILTERED = FILTERS + """
            RETURN count(i) AS n
            """;

    static final String COUNT_FILTERED_BY_RSP = FILTERS + RSP_FILTER + """
            RETURN count(i) AS n
            """;

    static final String COUNT_BY_NAME_INDEX = FILTERS_BY_NAME_INDEX + """
            RETURN count(i) AS n
            """;

    static final String COUNT_BY_NAME_INDEX_AND_RSP = FILTERS_BY_NAME_INDEX + RSP_PREDICATE + """
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
    private final Neo4jReadSchemaRepository readSchema;

    @Inject
    public Neo4jInstanceRepository(Database database, CatalogueSettings settings, Neo4jReadSchemaRepository readSchema) {
        this.database = database;
        this.settings = settings;
        this.readSchema = readSchema;
        this.indexedAbove = INDEXED_ABOVE;
    }

    /** The same, reading from the indexes above {@code indexedAbove} instances (tests read small graphs from them). */
    Neo4jInstanceRepository(Database database, CatalogueSettings settings, Neo4jReadSchemaRepository readSchema, long indexedAbove) {
        this.database = database;
        this.settings = settings;
        this.readSchema = readSchema;
        this.indexedAbove = indexedAbove;
    }

    @Override
    public InstanceQuery.Page page(InstanceQuery query, InstanceQuery.Cursor after) {
        Order order = Order.of(query.sort());
        boolean large = count(InstanceQuery.of(query.specificationUuid())) > indexedAbove;
        String nameNote = null;
        if (large && query.nameContains() != null) {
            NameSeek seek = nameSeek(query);
            if (seek.variants() != null) {
                return sortedPage(query, order, after, seek.variants());
            }
            nameNote = seek.note();
        }
        InstanceQuery.Page page = orderedPage(query, order, after, large);
        return nameNote == null ? page : page.withNote(page.note() == null ? nameNote : page.note() + "; " + nameNote);
    }

    /**
     * How the name filter of {@code query} can be read from the name's TEXT index: the variants to seek, or (null) why
     * not: the index is not online yet, the text is too short or not plain ASCII, or it finds too many instances to sort
     * (then the order's index, checked entry by entry, fills a page sooner).
     */
    record NameSeek(List<String> variants, String note) {
    }

    NameSeek nameSeek(InstanceQuery query) {
        ReadIndex text = readSchema.online(Neo4jReadSchemaRepository.NAME_TEXT_INDEX);
        if (!text.online()) {
            return withoutTextIndex(text);
        }
        List<String> variants = variants(query.nameContains());
        if (variants == null) {
            return new NameSeek(null, null);
        }
        long found;
        try {
            found = database.read(tx -> tx.run(NAME_CANDIDATES_UP_TO, Map.of("variants", variants, "cap", NAME_CANDIDATES_CAP + 1))
                    .single().get("n").asLong());
        } catch (DiffoAdminException e) {
            // the index went away since it was seen online (dropped by hand): read the slower way, and say so
            readSchema.forgetOnline();
            text = readSchema.online(Neo4jReadSchemaRepository.NAME_TEXT_INDEX);
            if (text.online()) {
                throw e;
            }
            return withoutTextIndex(text);
        }
        return found > NAME_CANDIDATES_CAP ? new NameSeek(null, null) : new NameSeek(variants, null);
    }

    private static NameSeek withoutTextIndex(ReadIndex text) {
        return new NameSeek(null, text.describe() + ": the name filter was checked on every instance in the page's order meanwhile");
    }

    /**
     * Every case spelling of the longest stretch of {@code text} with at most {@link #CASED_LETTERS} letters: a name
     * that contains the text in any case contains one of them exactly, which the TEXT index finds (it is case-sensitive).
     * Null when the text is shorter than 3 characters (an index seek would not narrow it) or not plain ASCII (whose case
     * rules are not one letter for one).
     */
    static List<String> variants(String text) {
        if (text == null || text.length() < 3 || !text.chars().allMatch(c -> c < 128)) {
            return null;
        }
        int best = 0;
        int bestLength = 0;
        for (int from = 0; from < text.length(); from++) {
            int cased = 0;
            int to = from;
            while (to < text.length()) {
                boolean hasCase = Character.isLetter(text.charAt(to));
                if (hasCase && cased == CASED_LETTERS) {
                    break;
                }
                cased += hasCase ? 1 : 0;
                to++;
            }
            if (to - from > bestLength) {
                best = from;
                bestLength = to - from;
            }
        }
        if (bestLength < 3) {
            return null;
        }
        List<String> spellings = new ArrayList<>(List.of(""));
        for (char c : text.substring(best, best + bestLength).toCharArray()) {
            List<String> next = new ArrayList<>();
            for (String prefix : spellings) {
                next.add(prefix + Character.toLowerCase(c));
                if (Character.isLetter(c)) {
                    next.add(prefix + Character.toUpperCase(c));
                }
            }
            spellings = next;
        }
        return spellings;
    }

    private InstanceQuery.Page orderedPage(InstanceQuery query, Order order, InstanceQuery.Cursor after, boolean large) {
        ReadIndex index = large ? readSchema.online(order.index) : null;
        if (index != null && index.online()) {
            try {
                return indexedPage(query, order, after);
            } catch (DiffoAdminException e) {
                // the index went away since it was seen online (dropped by hand): read the slower way, and say so
                readSchema.forgetOnline();
                index = readSchema.online(order.index);
                if (index.online()) {
                    throw e;
                }
            }
        }
        InstanceQuery.Page page = sortedPage(query, order, after, null);
        return index == null ? page : page.withNote(index.describe() + ": this page was read by sorting every instance of the version meanwhile");
    }

    /** A page of the name seek's candidates ({@code $variants}) in {@code order}, of RSP {@code $rsp} ({@code byRsp}) or of every RSP. */
    static String candidatesPage(Order order, boolean descending, boolean byRsp) {
        return NAME_CANDIDATES + NAME_CONTAINED + order.pageOfCandidates(descending, byRsp ? RSP_PREDICATE : "");
    }

    /** A page read by sorting the selected instances: those of the specification, or ({@code variants}) those the name's text index finds. */
    private InstanceQuery.Page sortedPage(InstanceQuery query, Order order, InstanceQuery.Cursor after, List<String> variants) {
        String cypher = variants == null ? FILTERS + (query.rsp() == null ? "" : RSP_FILTER) + order.page(query.descending())
                : candidatesPage(order, query.descending(), query.rsp() != null);
        Map<String, Object> params = filterParams(query);
        params.put("variants", variants == null ? List.of() : variants);
        params.put("afterKey", after == null ? null : after.key());
        params.put("afterUuid", after == null ? null : after.uuid());
        params.put("limit", query.pageSize() + 1);
        Map<String, String> keys = new HashMap<>();
        List<InstanceRow> rows = database.read(tx -> tx.run(cypher, params).list(r -> {
            InstanceRow row = toRow(r);
            keys.put(row.uuid(), r.get("sortKey").asString(null));
            return row;
        }));
        return pageOf(query, rows, keys);
    }

    /**
     * A page from the order's index: the ties of the cursor's key (later ids), then the keys after it, then (once the
     * keys run out) the instances without a key of the order's type, by id. Each part stops once the page is full.
     */
    private InstanceQuery.Page indexedPage(InstanceQuery query, Order order, InstanceQuery.Cursor after) {
        boolean descending = query.descending();
        int limit = query.pageSize() + 1;
        boolean byRsp = query.rsp() != null;
        boolean inMissing = after != null && after.key() == null;
        Map<String, String> keys = new HashMap<>();
        List<InstanceRow> rows = database.read(tx -> {
            keys.clear();
            List<String> ids = new ArrayList<>();
            if (!inMissing) {
                if (after != null && order != Order.ID) {
                    // ordered by (key, id) though the key is fixed: the index then gives the order and the LIMIT stops the seek
                    ids.addAll(ids(tx, indexedRead(order, descending, Part.TIES, byRsp), query, after.key(), after.uuid(), limit, keys));
                }
                if (ids.size() < limit) {
                    ids.addAll(ids(tx, indexedRead(order, descending, after == null ? Part.FIRST : Part.AFTER, byRsp), query, after == null ? null : after.key(), null,
                            limit - ids.size(), keys));
                }
            }
            if (ids.size() < limit) {
                String from = inMissing ? after.uuid() : descending ? LAST_KEY : "";
                ids.addAll(ids(tx, indexedRead(order, descending, Part.MISSING, byRsp), query, null, from, limit - ids.size(), keys));
            }
            Map<String, InstanceRow> byId = new HashMap<>();
            tx.run(ROWS, Map.of("ids", ids, "rspRole", settings.rspRole())).forEachRemaining(r -> byId.put(r.get("id").asString(), toRow(r)));
            List<InstanceRow> found = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
            Map<String, String> keyByUuid = new HashMap<>();
            for (InstanceRow row : found) {
                keyByUuid.put(row.uuid(), keys.get(byIdElement(byId, row)));
            }
            keys.clear();
            keys.putAll(keyByUuid);
            return found;
        });
        return pageOf(query, rows, keys);
    }

    /** The parts of an index-ordered page: the first keys, the ties of the cursor's key, the keys after it, the instances without one. */
    enum Part { FIRST, TIES, AFTER, MISSING }

    /**
     * One part of an index-ordered page, as Cypher: the seek on the order's index, the filters per entry, and the ids in
     * the index's order up to {@code $limit}. The seek's bound keeps only keys of the order's type (first, ties, after),
     * or only instances without one (missing), so the key is returned as stored (a CASE on the cached property after the
     * ORDER BY fails the 2026 planner's insertCachedProperties).
     */
    static String indexedRead(Order order, boolean descending, Part part, boolean byRsp) {
        String seek = switch (part) {
            case FIRST -> order.after(descending, true);
            case TIES -> order.ties(descending);
            case AFTER -> order.after(descending, false);
            case MISSING -> order.missing(descending);
        };
        String page = part == Part.MISSING ? INDEXED_PAGE_TEMPLATE.formatted(order.orderBy(descending, true), "null")
                : INDEXED_PAGE_TEMPLATE.formatted(order.orderBy(descending, false), "toString(i." + order.property + ")");
        return seek + (byRsp ? RSP_FILTER_INDEXED : "") + page;
    }

    private static String byIdElement(Map<String, InstanceRow> byId, InstanceRow row) {
        return byId.entrySet().stream().filter(e -> e.getValue() == row).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The ids of instances in order, their order's keys kept in {@code keys} (by element id). */
    private List<String> ids(org.neo4j.driver.TransactionContext tx, String cypher, InstanceQuery query, String afterKey, String afterUuid, int limit,
                             Map<String, String> keys) {
        Map<String, Object> params = filterParams(query);
        params.put("afterKey", afterKey);
        params.put("afterUuid", afterUuid);
        params.put("limit", limit);
        return tx.run(cypher, params).list(r -> {
            keys.put(r.get("id").asString(), r.get("sortKey").asString(null));
            return r.get("id").asString();
        });
    }

    /** The page, with the cursor after its last row made of that row's typed key (null: it has none, it is among the last). */
    private static InstanceQuery.Page pageOf(InstanceQuery query, List<InstanceRow> rows, Map<String, String> keys) {
        boolean more = rows.size() > query.pageSize();
        List<InstanceRow> shown = more ? rows.subList(0, query.pageSize()) : rows;
        InstanceQuery.Page page = new InstanceQuery.Page(shown, more);
        return shown.isEmpty() ? page : page.withNextCursor(new InstanceQuery.Cursor(keys.get(shown.getLast().uuid()), shown.getLast().uuid()));
    }

    /** The kept counts of a specification that a filter selects (RSP, characteristic value), with when they were counted. */
    static final String KEPT_TOTAL = """
            OPTIONAL MATCH (set:DiffoAdmin:InstanceCountSet {spec: $spec})
            CALL (set) {
              OPTIONAL MATCH (k:DiffoAdmin:InstanceCount {spec: $spec})
              WHERE ($rsp IS NULL OR toLower(k.rsp) = toLower($rsp))
                AND CASE WHEN $charName IS NULL THEN k.characteristic IS NULL
                         ELSE k.characteristic = $charName AND any(n IN $needles WHERE k.value CONTAINS n) END
              RETURN coalesce(sum(k.n), 0) AS n
            }
            RETURN set IS NOT NULL AS kept, set.rspRole AS rspRole, set.countedAt AS countedAt,
                   $charName IS NOT NULL AND $charName IN coalesce(set.unkept, []) AS unkept, n
            """;

    @Override
    public InstanceTotal total(InstanceQuery query) {
        if (!query.filtered()) {
            return InstanceTotal.exact(count(query));
        }
        if (query.nameContains() != null) {
            return InstanceTotal.exact(count(query));
        }
        Record kept = database.read(tx -> tx.run(KEPT_TOTAL, filterParams(query)).single());
        String note;
        if (!kept.get("kept").asBoolean()) {
            note = "counted in the graph: no kept counts for this version yet (Recount builds them)";
        } else if (!settings.rspRole().equals(kept.get("rspRole").asString(null))) {
            note = "counted in the graph: the kept counts are by RSP role " + kept.get("rspRole").asString("?") + " (Recount to keep them by "
                    + settings.rspRole() + ")";
        } else if (kept.get("unkept").asBoolean()) {
            note = "counted in the graph: " + query.valueKey() + " has too many distinct values to keep counts of";
        } else {
            return new InstanceTotal(kept.get("n").asLong(), GraphValues.dateTime(kept.get("countedAt")), null);
        }
        return new InstanceTotal(count(query), null, note);
    }

    @Override
    public long count(InstanceQuery query) {
        if (!query.filtered()) {
            return database.read(tx -> tx.run(COUNT_ALL, Map.of("spec", query.specificationUuid())).list(r -> r.get("n").asLong())
                    .stream().findFirst().orElse(0L));
        }
        List<String> variants = query.nameContains() == null ? null : nameSeek(query).variants();
        String cypher = variants != null ? (query.rsp() == null ? COUNT_BY_NAME_INDEX : COUNT_BY_NAME_INDEX_AND_RSP)
                : query.rsp() == null ? COUNT_FILTERED : COUNT_FILTERED_BY_RSP;
        Map<String, Object> params = filterParams(query);
        params.put("variants", variants == null ? List.of() : variants);
        return database.read(tx -> tx.run(cypher, params).single().get("n").asLong());
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

    static final String HAS_PARTY = "RETURN EXISTS { MATCH (:Party {key: $key}) } AS found";

    @Override
    public boolean hasParty(String key) {
        return database.read(tx -> tx.run(HAS_PARTY, Map.of("key", key)).single().get("found").asBoolean());
    }

    @Override
    public void create(InstanceDraft instance) {
        database.write(tx -> {
            if (!Neo4jScenarioRepository.createInstanceIfAbsent(tx, instance, GraphValues.now(), settings.rspRole())) {
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
