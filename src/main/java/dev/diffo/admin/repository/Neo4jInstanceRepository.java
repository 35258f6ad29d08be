package dev.diffo.admin.repository;

import static dev.diffo.admin.repository.InstanceCypher.COUNT_ALL;
import static dev.diffo.admin.repository.InstanceCypher.COUNT_BY_NAME_INDEX;
import static dev.diffo.admin.repository.InstanceCypher.COUNT_BY_NAME_INDEX_AND_RSP;
import static dev.diffo.admin.repository.InstanceCypher.COUNT_FILTERED;
import static dev.diffo.admin.repository.InstanceCypher.COUNT_FILTERED_BY_RSP;
import static dev.diffo.admin.repository.InstanceCypher.DYNAMIC_VALUE_TYPE;
import static dev.diffo.admin.repository.InstanceCypher.FILTERS;
import static dev.diffo.admin.repository.InstanceCypher.HAS_PARTY;
import static dev.diffo.admin.repository.InstanceCypher.KEPT_TOTAL;
import static dev.diffo.admin.repository.InstanceCypher.LAST_KEY;
import static dev.diffo.admin.repository.InstanceCypher.NAME_CANDIDATES_UP_TO;
import static dev.diffo.admin.repository.InstanceCypher.Order;
import static dev.diffo.admin.repository.InstanceCypher.Part;
import static dev.diffo.admin.repository.InstanceCypher.ROWS;
import static dev.diffo.admin.repository.InstanceCypher.RSP_FILTER;
import static dev.diffo.admin.repository.InstanceCypher.candidatesPage;
import static dev.diffo.admin.repository.InstanceCypher.indexedRead;

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

    /** Up to this many instances found by the name's text index are read and sorted; more, and the filter reads the usual way. */
    static final long NAME_CANDIDATES_CAP = NAME_CANDIDATES_SORTED;

    /** At most this many letters of the name filter's text are spelled in every case (2^5 = 32 index seeks). */
    static final int CASED_LETTERS = 5;

    /** Above this many instances on a specification, pages come from the order's index (when it is online); tests lower it. */
    static final long INDEXED_ABOVE = 20_000;
    private final long indexedAbove;
    private final Database database;
    private final CatalogueSettings settings;
    private final Neo4jReadSchemaRepository readSchema;
    /** The name seek's candidates counted per text, shared by a page, its count and the next pages for a few seconds. */
    private final NameCandidateCounts candidateCounts = new NameCandidateCounts();

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
            NameSeek seek = nameSeek(query.nameContains());
            if (seek.variants() != null) {
                try {
                    return sortedPage(query, order, after, seek.variants());
                } catch (DiffoAdminException e) {
                    seek = textIndexGone(e);
                }
            }
            nameNote = seek.note();
        }
        InstanceQuery.Page page = orderedPage(query, order, after, large);
        return nameNote == null ? page : page.withNote(page.note() == null ? nameNote : page.note() + "; " + nameNote);
    }

    /**
     * How the name filter of {@code query} can be read from the name's TEXT index: the variants to seek, or (null) why
     * not: the index is not online yet, the text is too short or not plain ASCII, or it finds too many instances to sort
     * (then the order's index, checked entry by entry, fills a page sooner). {@code found}: how many the index finds, up to
     * one past the cap (remembered for a few seconds), -1 where it was not read.
     */
    record NameSeek(List<String> variants, long found, String note) {
    }

    NameSeek nameSeek(String nameContains) {
        ReadIndex text = readSchema.online(Neo4jReadSchemaRepository.NAME_TEXT_INDEX);
        if (!text.online()) {
            return withoutTextIndex(text);
        }
        List<String> variants = variants(nameContains);
        if (variants == null) {
            return new NameSeek(null, -1, null);
        }
        long found;
        try {
            found = candidateCounts.found(variants, () -> database.read(tx -> tx.run(NAME_CANDIDATES_UP_TO,
                    Map.of("variants", variants, "cap", NAME_CANDIDATES_CAP + 1)).single().get("n").asLong()));
        } catch (DiffoAdminException e) {
            return textIndexGone(e);
        }
        return new NameSeek(found > NAME_CANDIDATES_CAP ? null : variants, found, null);
    }

    @Override
    public long nameCandidates(String specificationUuid, String text) {
        return count(InstanceQuery.of(specificationUuid)) > indexedAbove ? nameSeek(text).found() : -1;
    }

    /**
     * A read from the name's TEXT index failed: when the index went away since it was seen online (dropped by hand, on a
     * server that refuses a hint it cannot follow), the filter is read the slower way, and says so; otherwise {@code e}
     * stands. (A page or a count may be the first read to find it gone: the count that chooses the way is remembered.)
     */
    private NameSeek textIndexGone(DiffoAdminException e) {
        candidateCounts.forget();
        readSchema.forgetOnline();
        ReadIndex text = readSchema.online(Neo4jReadSchemaRepository.NAME_TEXT_INDEX);
        if (text.online()) {
            throw e;
        }
        return withoutTextIndex(text);
    }

    private static NameSeek withoutTextIndex(ReadIndex text) {
        return new NameSeek(null, -1, text.describe() + ": the name filter was checked on every instance in the page's order meanwhile");
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
        List<String> variants = query.nameContains() == null ? null : nameSeek(query.nameContains()).variants();
        try {
            return countFiltered(query, variants);
        } catch (DiffoAdminException e) {
            if (variants == null) {
                throw e;
            }
            textIndexGone(e);
            return countFiltered(query, null);
        }
    }

    /** The filtered count, with the instances the name's TEXT index finds for {@code variants} (null: every instance of the version). */
    private long countFiltered(InstanceQuery query, List<String> variants) {
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
