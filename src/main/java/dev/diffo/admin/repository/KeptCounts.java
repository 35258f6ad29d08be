package dev.diffo.admin.repository;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Instance counts diffo-admin keeps so that the instances table's counts do not read every instance of a
 * specification: per specification, RSP and (characteristic, stored value), in nodes of our own
 * ({@code :DiffoAdmin:InstanceCount {key, spec, rsp, rspBy, characteristic, value, n}}; the RSP's total has no
 * characteristic), under one {@code :DiffoAdmin:InstanceCountSet {spec, rspRole, countedAt}} per specification
 * that says counts are kept for it, by which RSP role, and when they were last counted from the graph. No
 * {@code :Provider} label and no property on diffo's nodes: diffo never sees them.
 *
 * <p>Kept in the same transaction as every write the app makes to instances: the caller takes a {@link #before}
 * tally of the instances it is about to change and hands it to {@link #after} once they are changed (created,
 * respecified, values rewritten or restored, moved back); the difference is added to the counts. Only specifications
 * with a count set are kept (a set appears with the first {@link Neo4jReadSchemaRepository#recount}). They are kept
 * in the RSP role they were counted by (the set's), whatever role the app runs with; a read by another role does
 * not use them.
 *
 * <p>They may be stale after writes diffo-admin did not make (diffo itself, plain Cypher): a recount rebuilds a
 * specification's counts from the graph. {@code MigrationBatches} calls {@link #before}/{@link #after} once per batch
 * and per undo batch, as one clearly separate step (the batch's own steps stay as they are).
 */
final class KeptCounts {

    private KeptCounts() {
    }

    /** Separates the parts of a count's key (never in a specification id or an RSP key). */
    static final String SEP = "\u001f";

    /** The tally by (specification, RSP, characteristic, value) of the instances {@code i}, by role {@code rspRole}. */
    private static final String TALLY_OF_I = DiffoShape.rspOf(", spec, rspRole", "i.name").replace("$rspRole", "rspRole") + """
            WITH spec, rsp, rspBy, [(i)-[:HAS]->(c:Characteristic) | [c.name, c.value]] AS chars
            UNWIND [[null, null]] + chars AS cv
            RETURN spec, rsp, rspBy, cv[0] AS characteristic, cv[1] AS value, count(*) AS n
            """;

    /** The tally of the given instances (by element id) that stand on a specification whose counts are kept. */
    static final String TALLY = """
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
            MATCH (i)-[:SPECIFIED_BY]->(s:Specification)
            MATCH (set:DiffoAdmin:InstanceCountSet {spec: s.uuid})
            WITH i, s.uuid AS spec, set.rspRole AS rspRole
            """ + TALLY_OF_I;

    /**
     * Keeps the row of specification {@code s} only where the RSP totals kept for it add up to its {@code SPECIFIED_BY}
     * degree now ({@code degree}): a change made behind the app's back (an instance created, moved or deleted by diffo)
     * makes them disagree, and the kept counts are then not read for it.
     */
    static final String TOTALS_ADD_UP = """
            WITH *, COUNT { (s)<-[:SPECIFIED_BY]-() } AS degree,
                 COLLECT { MATCH (kept:DiffoAdmin:InstanceCount {spec: s.uuid}) WHERE kept.characteristic IS NULL RETURN kept.n } AS keptTotals
            WHERE reduce(sum = 0, n IN keptTotals | sum + n) = degree
            """;

    /**
     * The RSP totals kept for specification {@code $spec} when they are kept by role {@code $rspRole} (no row otherwise),
     * with the name of each party found that way, as {@code rsp, rspBy, rspName, instances}. Whether they still hold
     * (they add up to the specification's instances now) is the caller's to check, or {@link #RSPS_KEPT}'s.
     */
    static final String RSP_TOTALS = """
            MATCH (set:DiffoAdmin:InstanceCountSet {spec: $spec}) WHERE set.rspRole = $rspRole
            MATCH (k:DiffoAdmin:InstanceCount {spec: $spec}) WHERE k.characteristic IS NULL AND k.n > 0
            CALL (k) {
              OPTIONAL MATCH (p:Party) WHERE k.rspBy = 'party' AND coalesce(p.key, p.name) = k.rsp
              RETURN p.name AS rspName LIMIT 1
            }
            RETURN k.rsp AS rsp, k.rspBy AS rspBy, rspName, k.n AS instances
            """;

    /**
     * {@link #RSP_TOTALS} in {@link DiffoShape#RSPS_ON}'s order, only where they add up ({@link #TOTALS_ADD_UP}); else,
     * and for a specification without instances, no row.
     */
    static final String RSPS_KEPT = "MATCH (s:Specification {uuid: $spec})\n" + TOTALS_ADD_UP + "WITH s, degree WHERE degree > 0\n" + RSP_TOTALS
            + "ORDER BY instances DESC, rsp\n";

    /** A characteristic with more distinct values than this on a specification (a serial number, say) is not kept by value. */
    static final int MOST_VALUES_KEPT = 1_000;

    /** Whether any counts are kept at all (when none, the writes skip the tally). */
    static final String ANY_KEPT = "MATCH (set:DiffoAdmin:InstanceCountSet) RETURN count(set) > 0 AS kept";

    static final String ELEMENT_IDS_OF = "UNWIND $uuids AS uuid MATCH (i:Instance {uuid: uuid}) RETURN elementId(i) AS id";

    /**
     * Locks the sets of the specifications a change touches, in a fixed order: a recount (which locks its set first)
     * and a write never interleave, so a recount neither misses nor double-counts a write committed meanwhile.
     */
    static final String LOCK_SETS = """
            UNWIND $specs AS spec
            MATCH (set:DiffoAdmin:InstanceCountSet {spec: spec})
            SET set.adjustedAt = $now
            """;

    /** Adds each delta to its count (created at 0 when new); counts that reach 0 are removed. */
    static final String APPLY = """
            UNWIND $deltas AS d
            MATCH (set:DiffoAdmin:InstanceCountSet {spec: d.spec})
            WHERE d.characteristic IS NULL OR NOT d.characteristic IN coalesce(set.unkept, [])
            MERGE (k:DiffoAdmin:InstanceCount {key: d.key})
            ON CREATE SET k.spec = d.spec, k.rsp = d.rsp, k.rspBy = d.rspBy, k.characteristic = d.characteristic, k.value = d.value, k.n = 0
            SET k.n = k.n + d.n
            WITH k WHERE k.n = 0
            DELETE k
            """;

    /**
     * What the changed instances counted before the change (empty when no counts are kept: nothing to do after), and,
     * when the change is known in advance (a respecify), what they will count after it ({@code foreseen}; null: read
     * again after the change).
     */
    record Tally(List<String> ids, Map<String, Map<String, Object>> rows, Map<String, Map<String, Object>> foreseen) {
        static final Tally NONE = new Tally(List.of(), Map.of());

        Tally(List<String> ids, Map<String, Map<String, Object>> rows) {
            this(ids, rows, null);
        }
    }

    /** The count sets of the given specifications and the RSP role each is kept by (a specification without one: no row). */
    static final String SETS_OF = """
            UNWIND $specs AS spec
            MATCH (set:DiffoAdmin:InstanceCountSet {spec: spec})
            RETURN spec, set.rspRole AS rspRole
            """;

    /**
     * The tally of the given instances on {@code $source} by role {@code $rspRole}, each characteristic with its value now
     * and the value the respecify will give it ({@code $rewrites}: characteristic element id → new value).
     */
    static final String TALLY_RESPECIFY = """
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
            WITH i, $source AS spec
            """ + DiffoShape.rspOf(", spec", "i.name") + """
            WITH spec, rsp, rspBy, [(i)-[:HAS]->(c:Characteristic) | [c.name, c.value, coalesce($rewrites[elementId(c)], c.value)]] AS chars
            UNWIND [[null, null, null]] + chars AS cv
            RETURN spec, rsp, rspBy, cv[0] AS characteristic, cv[1] AS value, cv[2] AS newValue, count(*) AS n
            """;

    /**
     * How the kept counts follow a respecify from {@code source} to {@code target}: {@code anyKept} false, nothing to
     * tally; else, with {@code role} (the source's counts kept by it, the target's by the same role or not at all),
     * one tally that foresees what the instances will count ({@link #beforeRespecify}); else (role null) a tally before
     * the change and another after it ({@link #before}). {@code targetKept}: whether the target's counts are kept.
     */
    record Respecify(String source, String target, boolean anyKept, String role, boolean targetKept) {

        /** Whether one tally serves (or none is needed). */
        boolean foreseeable() {
            return !anyKept || role != null;
        }
    }

    /** Reads how the kept counts follow a respecify from {@code source} to {@code target} (two small reads). */
    static Respecify respecify(SimpleQueryRunner tx, String source, String target) {
        if (!tx.run(ANY_KEPT).single().get("kept").asBoolean()) {
            return new Respecify(source, target, false, null, false);
        }
        Map<String, String> roles = new HashMap<>();
        tx.run(SETS_OF, Map.of("specs", List.of(source, target))).forEachRemaining(r -> roles.put(r.get("spec").asString(), r.get("rspRole").asString(null)));
        String role = roles.get(source);
        boolean oneRole = role != null && (!roles.containsKey(target) || role.equals(roles.get(target)));
        return new Respecify(source, target, true, oneRole ? role : null, roles.containsKey(target));
    }

    /** {@link #beforeRespecify(SimpleQueryRunner, List, Respecify, Map)}, reading how the counts follow it first. */
    static Tally beforeRespecify(SimpleQueryRunner tx, List<String> elementIds, String source, String target, Map<String, String> rewrites) {
        return elementIds.isEmpty() ? Tally.NONE : beforeRespecify(tx, elementIds, respecify(tx, source, target), rewrites);
    }

    /**
     * Tallies the instances about to be respecified with the values {@code rewrites} gives them (characteristic element
     * id → new value), reading them once: what they count after is foreseen from what they count now, rather than read
     * again after the write. Where that cannot be ({@link Respecify#foreseeable}), tallies them as {@link #before} does,
     * so it must then be called before the change.
     */
    static Tally beforeRespecify(SimpleQueryRunner tx, List<String> elementIds, Respecify how, Map<String, String> rewrites) {
        if (elementIds.isEmpty() || !how.anyKept()) {
            return Tally.NONE;
        }
        if (how.role() == null) {
            return before(tx, elementIds);
        }
        Map<String, Map<String, Object>> now = new TreeMap<>();
        Map<String, Map<String, Object>> after = new TreeMap<>();
        Map<String, Object> params = Map.of("ids", elementIds, "source", how.source(), "rspRole", how.role(), "rewrites", rewrites);
        for (Record r : tx.run(TALLY_RESPECIFY, params).list()) {
            addRespecified(how, now, after, row(r), r.get("newValue").asString(null));
        }
        return new Tally(List.copyOf(elementIds), now, after);
    }

    /**
     * One instance about to be respecified, as the batch's lock step read it (by the role the counts are kept by): its
     * RSP, and each characteristic as {@code [name, value now, value after]}.
     */
    record Moving(String rsp, String rspBy, List<String[]> characteristics) {
    }

    /**
     * {@link #beforeRespecify(SimpleQueryRunner, List, Respecify, Map)} from the instances the caller already read under
     * their locks ({@code moving}, one per element id), by the role the counts are kept by ({@code how.role()}): no
     * read of its own.
     */
    static Tally respecified(Respecify how, List<String> elementIds, List<Moving> moving) {
        if (elementIds.isEmpty() || !how.anyKept()) {
            return Tally.NONE;
        }
        // counted by (RSP, found by, characteristic, value now, value after) first: a batch has few such groups
        Map<List<String>, long[]> groups = new HashMap<>();
        for (Moving m : moving) {
            groups.computeIfAbsent(Arrays.asList(m.rsp(), m.rspBy(), null, null, null), g -> new long[1])[0]++;
            for (String[] c : m.characteristics()) {
                groups.computeIfAbsent(Arrays.asList(m.rsp(), m.rspBy(), c[0], c[1], c[2]), g -> new long[1])[0]++;
            }
        }
        Map<String, Map<String, Object>> now = new TreeMap<>();
        Map<String, Map<String, Object>> after = new TreeMap<>();
        groups.forEach((g, n) -> addRespecified(how, now, after, row(how.source(), g.get(0), g.get(1), g.get(2), g.get(3), n[0]), g.get(4)));
        return new Tally(List.copyOf(elementIds), now, after);
    }

    /** Adds a tally row of the source to {@code now}, and (the target's counts kept) the same with its value after to {@code after}. */
    private static void addRespecified(Respecify how, Map<String, Map<String, Object>> now, Map<String, Map<String, Object>> after,
                                       Map<String, Object> row, String newValue) {
        if (how.targetKept()) {
            Map<String, Object> moved = new HashMap<>(row);
            moved.put("spec", how.target());
            moved.put("value", newValue);
            moved.put("key", key(how.target(), (String) row.get("rsp"), (String) row.get("characteristic"), newValue));
            add(after, moved);
        }
        add(now, row);
    }

    /** Adds a tally row to {@code rows}, summing with the row of the same key. */
    private static void add(Map<String, Map<String, Object>> rows, Map<String, Object> row) {
        Map<String, Object> there = rows.get((String) row.get("key"));
        if (there == null) {
            rows.put((String) row.get("key"), row);
        } else {
            there.put("n", (long) there.get("n") + (long) row.get("n"));
        }
    }

    /** Tallies the instances (element ids) about to change; cheap and empty when no counts are kept. */
    static Tally before(SimpleQueryRunner tx, List<String> elementIds) {
        if (elementIds.isEmpty() || !tx.run(ANY_KEPT).single().get("kept").asBoolean()) {
            return Tally.NONE;
        }
        return new Tally(List.copyOf(elementIds), tally(tx, elementIds));
    }

    /** A tally of nothing, for instances about to be created (by uuid: their element ids are known after). */
    static Tally beforeCreating(SimpleQueryRunner tx, List<String> uuids) {
        if (uuids.isEmpty() || !tx.run(ANY_KEPT).single().get("kept").asBoolean()) {
            return Tally.NONE;
        }
        return new Tally(List.copyOf(uuids), Map.of());
    }

    /** Once instances were created (tally from {@link #beforeCreating}): adds them to the counts. */
    static void afterCreating(SimpleQueryRunner tx, Tally before) {
        if (before == Tally.NONE) {
            return;
        }
        List<String> ids = tx.run(ELEMENT_IDS_OF, Map.of("uuids", before.ids())).list(r -> r.get("id").asString());
        after(tx, new Tally(ids, before.rows()));
    }

    /** Adds to the counts what changed since {@code before} was taken, in the same transaction. */
    static void after(SimpleQueryRunner tx, Tally before) {
        if (before == Tally.NONE) {
            return;
        }
        Map<String, Map<String, Object>> now = before.foreseen() != null ? before.foreseen() : tally(tx, before.ids());
        Map<String, Map<String, Object>> deltas = new TreeMap<>();
        now.forEach((key, row) -> deltas.put(key, row));
        before.rows().forEach((key, row) -> {
            Map<String, Object> was = deltas.get(key);
            long n = (was == null ? 0 : (long) was.get("n")) - (long) row.get("n");
            Map<String, Object> delta = new HashMap<>(row);
            delta.put("n", n);
            deltas.put(key, delta);
        });
        deltas.values().removeIf(d -> (long) d.get("n") == 0);
        TreeSet<String> specs = new TreeSet<>();
        before.rows().values().forEach(r -> specs.add((String) r.get("spec")));
        now.values().forEach(r -> specs.add((String) r.get("spec")));
        if (specs.isEmpty()) {
            return;
        }
        tx.run(LOCK_SETS, Map.of("specs", List.copyOf(specs), "now", GraphValues.now())).consume();
        if (!deltas.isEmpty()) {
            tx.run(APPLY, Map.of("deltas", new ArrayList<>(deltas.values()))).consume();
        }
    }

    private static Map<String, Map<String, Object>> tally(SimpleQueryRunner tx, List<String> elementIds) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (Record r : tx.run(TALLY, Map.of("ids", elementIds)).list()) {
            Map<String, Object> row = row(r);
            rows.put((String) row.get("key"), row);
        }
        return rows;
    }

    /** One tally row as an APPLY delta: its key, specification, RSP, characteristic, value and n. */
    static Map<String, Object> row(Record r) {
        return row(r.get("spec").asString(), r.get("rsp").asString("(unnamed)"), r.get("rspBy").asString(null),
                r.get("characteristic").asString(null), r.get("value").asString(null), r.get("n").asLong());
    }

    private static Map<String, Object> row(String spec, String rsp, String rspBy, String characteristic, String value, long n) {
        Map<String, Object> row = new HashMap<>();
        String kept = rsp == null ? "(unnamed)" : rsp;
        row.put("key", key(spec, kept, characteristic, value));
        row.put("spec", spec);
        row.put("rsp", kept);
        row.put("rspBy", rspBy);
        row.put("characteristic", characteristic);
        row.put("value", value);
        row.put("n", n);
        return row;
    }

    static String key(String spec, String rsp, String characteristic, String value) {
        return spec + SEP + rsp + SEP + (characteristic == null ? "" : characteristic) + SEP + (value == null ? "" : value);
    }

    /** The tally of every instance of specification {@code $spec} by role {@code $rspRole} (the recount's read). */
    static final String TALLY_SPEC = """
            MATCH (s:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            WITH i, s.uuid AS spec, $rspRole AS rspRole
            """ + TALLY_OF_I;

    static ZonedDateTime now() {
        return GraphValues.now();
    }
}
