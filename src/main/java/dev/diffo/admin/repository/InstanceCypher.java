package dev.diffo.admin.repository;

import dev.diffo.admin.domain.InstanceQuery;

/**
 * The instances table's Cypher, in one holder for {@link Neo4jInstanceRepository}: the filters, the name's TEXT index
 * seek, the pages in each order (sorted, or read from the order's index in order), the counts and the rows. All
 * parameterised.
 */
final class InstanceCypher {

    private InstanceCypher() {
    }

    /** The characteristic filter, a predicate on instance {@code i}: none ({@code $charName} null), or a value containing one of {@code $needles}. */
    static final String VALUE_FILTER = """
            ($charName IS NULL OR EXISTS { MATCH (i)-[:HAS]->(c:Characteristic {name: $charName})
                                           WHERE any(n IN $needles WHERE c.value CONTAINS n) })""";

    /** Instance {@code i} stands on specification {@code $spec}: a predicate, checked per instance. */
    static final String ON_SPEC = "EXISTS { MATCH (i)-[:SPECIFIED_BY]->(s:Specification) WHERE s.uuid = $spec }";

    /** A page's order ({@code %4$s} the direction): by the key, those without one last, ties by id. */
    static final String PAGE_ORDER = "k IS NULL, k %4$s, i.uuid %4$s";

    static final String FILTERS = """
            MATCH (:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            WHERE ($name IS NULL OR toLower(i.name) CONTAINS toLower($name))
            """
            + "  AND " + VALUE_FILTER + "\n";

    /**
     * The instances whose name contains one of {@code $variants} (every case spelling of a few letters of the name
     * filter's text, {@link Neo4jInstanceRepository#variants}), from the name's TEXT index, then the same filters as
     * {@link #FILTERS}: a name filter that selects a few thousand of millions reads those, not every instance of the
     * specification.
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
            """
            + "  AND " + VALUE_FILTER + "\n";

    /** The name seek's candidates whose name contains the filter's text in any case (the index found one spelling of a part of it). */
    static final String NAME_CONTAINED = """
            WITH i WHERE toLower(i.name) CONTAINS toLower($name)
            """;

    static final String RSP_FILTER = DiffoShape.RSP_OF_INSTANCE + DiffoShape.OF_RSP;

    /** The RSP filter as one more predicate of the {@code WHERE} before it (cheaper than working out each instance's RSP). */
    static final String RSP_PREDICATE = "  AND " + DiffoShape.isOfRsp("i.name") + "\n";

    /**
     * The RSP filter on an index-ordered read: one more predicate of the seek's WHERE, which keeps the index order so the
     * read stops once the page is full (a projection before the ORDER BY, even {@code WITH i, i.name AS name}, loses it).
     * The name is read as {@code properties(i).name}: {@code i.name} there fails the 2026 planner's insertCachedProperties.
     */
    static final String RSP_FILTER_INDEXED = "  AND " + DiffoShape.isOfRsp("properties(i).name") + "\n";

    /** The rows of a page ({@code %4$s} the direction), once its instances are chosen: each one's RSP, state, labels and characteristics. */
    static final String PAGE_ROWS = """
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
     * ({@link #SORT_AND_LIMIT} or {@link #sortCheckAndLimit}). The same order as the index-ordered read.
     */
    static final String PAGE_TEMPLATE = """
            WITH i, %1$s AS k
            WHERE $afterUuid IS NULL
               OR ($afterKey IS NOT NULL AND (k IS NULL OR k %3$s %2$s OR (k = %2$s AND i.uuid %3$s $afterUuid)))
               OR ($afterKey IS NULL AND k IS NULL AND i.uuid %3$s $afterUuid)
            %5$s""" + PAGE_ROWS;

    /** The sort and the page's limit, the instances checked before ({@link #PAGE_TEMPLATE}'s {@code %5$s}). */
    static final String SORT_AND_LIMIT = "WITH i, k ORDER BY " + PAGE_ORDER + " LIMIT $limit\n";

    /**
     * The sort, then the checks that read more than the name (the edge to the specification, the characteristic and the
     * RSP: {@code rsp}, its predicate or nothing) on the sorted instances one by one, until the page is full: the name
     * seek's candidates are checked a page's worth at a time, not all of them (an RSP's page among 11,111 instances
     * found by name read them all, each one's edges and parties, before it sorted them). The limit says the order again,
     * so that it is the page's by the query's meaning, not only by the plan's; the planner sees the order already given
     * and does not sort again.
     */
    static String sortCheckAndLimit(String rsp) {
        return "WITH i, k ORDER BY " + PAGE_ORDER + "\n"
                + "WITH i, k WHERE " + ON_SPEC + "\n"
                + "  AND " + VALUE_FILTER + "\n"
                + rsp
                + "WITH i, k ORDER BY " + PAGE_ORDER + " LIMIT $limit\n";
    }

    /**
     * A page of a large specification read from the order's index in order, stopping once the page is full (the
     * instance's edge to the specification and the filters checked per entry) instead of sorting every instance of
     * the specification. {@code %1$s} is the index's properties, {@code %2$s} the seek on them. The seek is the plan's
     * only leaf (the specification is checked per entry, not matched first): an index read on the right of an Apply
     * keeps no order the planner can use, and it sorted every entry (Top) instead of stopping at the limit.
     */
    static final String INDEXED_TEMPLATE = """
            MATCH (i:Instance)
            USING INDEX i:Instance(%1$s)
            WHERE %2$s
            """
            + "  AND " + ON_SPEC + "\n"
            + "  AND ($name IS NULL OR toLower(i.name) CONTAINS toLower($name))\n"
            + "  AND " + VALUE_FILTER + "\n";

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

    /** A key after every name, id and state (a descending read of the keys starts below it). */
    static final String LAST_KEY = "\uffff\uffff\uffff\uffff";

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
            return page(descending, sortCheckAndLimit(rsp));
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

    /** A page of the name seek's candidates ({@code $variants}) in {@code order}, of RSP {@code $rsp} ({@code byRsp}) or of every RSP. */
    static String candidatesPage(Order order, boolean descending, boolean byRsp) {
        return NAME_CANDIDATES + NAME_CONTAINED + order.pageOfCandidates(descending, byRsp ? RSP_PREDICATE : "");
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

    static final String HAS_PARTY = "RETURN EXISTS { MATCH (:Party {key: $key}) } AS found";
}
