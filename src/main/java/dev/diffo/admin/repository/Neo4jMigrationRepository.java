package dev.diffo.admin.repository;

import dev.diffo.admin.domain.Candidate;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.Decision;
import dev.diffo.admin.domain.StoredCharacteristic;
import dev.diffo.admin.domain.StoredValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.common.PlanCodec;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Relabel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Migration in diffo's shape: an instance keeps its node, labels and characteristics; only its single
 * {@code SPECIFIED_BY} edge moves (diffo's respecify) and remapped values are rewritten in diffo's JSON.
 * The ledger is ours ({@code :DiffoAdmin:MigrationRun} and its {@code :MigrationBatch}es, each holding the
 * exact prior state of the instances it moved), so a run resumes after a crash and can be undone.
 */
@Singleton
public class Neo4jMigrationRepository implements MigrationRepository {

    /** The RSP's instances on the source, optionally only those whose name contains {@code $name} (any case). */
    static final String SELECTED = DiffoShape.INSTANCES_OF_RSP + """
            WITH i WHERE $name IS NULL OR toLower(i.name) CONTAINS toLower($name)
            """;

    static final String SELECTION = SELECTED + """
            RETURN elementId(i) AS id
            """;

    static final String SELECTION_COUNT = SELECTED + """
            RETURN count(i) AS n
            """;

    /** A page of the selected instances that carry one of {@code $values} (stored name and value), by name. */
    static final String CARRYING = SELECTED + """
            WITH i WHERE i.name > $after AND ($contains IS NULL OR toLower(i.name) CONTAINS toLower($contains))
              AND EXISTS { MATCH (i)-[:HAS]->(c:Characteristic) WHERE [c.name, c.value] IN $values }
            RETURN i.uuid AS uuid, i.name AS name
            ORDER BY name
            LIMIT $limit
            """;

    static final String VALUE_COUNTS = SELECTED + """
            MATCH (i)-[:HAS]->(c:Characteristic)
            RETURN c.name AS name, c.value AS value, count(*) AS instances
            ORDER BY instances DESC
            """;

    /**
     * Locks each instance first, then keeps only those still on the source: never migrated twice. Of its
     * characteristics only those whose stored value is not known to be left alone are read.
     */
    static final String LOCK_BATCH = """
            MATCH (src:Specification {uuid: $source})
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
            SET i.diffoAdminLock = true
            REMOVE i.diffoAdminLock
            WITH src, i, EXISTS { (i)-[:SPECIFIED_BY]->(src) } AS onSource
            RETURN elementId(i) AS id, i.uuid AS uuid, i.name AS name, i.updatedAt AS updatedAt, onSource,
                   CASE WHEN onSource THEN [(i)-[:HAS]->(c:Characteristic)
                            WHERE c.name IS NULL OR c.value IS NULL OR NOT [c.name, c.value] IN $unaffected
                            | {id: elementId(c), name: c.name, value: c.value, updatedAt: c.updatedAt}] ELSE [] END AS chars
            """;

    static final String RESPECIFY = """
            MATCH (src:Specification {uuid: $source}), (dst:Specification {uuid: $target})
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
            MATCH (i)-[r:SPECIFIED_BY]->(src)
            DELETE r
            CREATE (i)-[:SPECIFIED_BY]->(dst)
            SET i.updatedAt = $now
            """;

    /** Swaps consumer-module labels on the moved instances that carry all labels to remove and none to add; returns those. */
    static final String RELABEL = """
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
              AND all(l IN $remove WHERE l IN labels(i)) AND none(l IN $add WHERE l IN labels(i))
            REMOVE i:$($remove)
            SET i:$($add)
            RETURN elementId(i) AS id
            """;

    /** Undoes a relabel on the instances the ledger says were relabelled. */
    static final String RESTORE_LABELS = """
            UNWIND $relabels AS r
            MATCH (i) WHERE elementId(i) = r.id
            REMOVE i:$(r.add)
            SET i:$(r.remove)
            """;

    static final String REWRITE_VALUES = """
            UNWIND $updates AS u
            MATCH (c) WHERE elementId(c) = u.id
            SET c.value = u.value, c.updatedAt = $now
            """;

    /**
     * The batch's ledger entry, written last: the run node's lock is taken only here, for the commit, so that
     * batches can run side by side; a run taken over by another process refuses the entry (and the batch).
     */
    static final String RECORD_BATCH = """
            MATCH (run:MigrationRun {uuid: $run})
            SET run.diffoAdminLock = true
            REMOVE run.diffoAdminLock
            WITH run WHERE run.owner = $owner
            CREATE (run)-[:HAS_BATCH]->(:DiffoAdmin:MigrationBatch {
              index: $index, at: $now, entries: $entries, left: $left, migrated: $migrated, excluded: $excluded, skipped: $skipped})
            SET run.migrated = run.migrated + $migrated, run.excluded = run.excluded + $excluded,
                run.skipped = run.skipped + $skipped, run.batches = run.batches + 1, run.heartbeat = $now
            RETURN run.uuid AS recorded
            """;

    static final String LOCK_RUN = """
            MATCH (run:MigrationRun {uuid: $run})
            SET run.diffoAdminLock = true
            REMOVE run.diffoAdminLock
            RETURN run
            """;

    /**
     * With the constraint {@code diffo_admin_migration_lock_key} (schema step V0001) two transactions MERGing the same
     * key are serialised: the second waits for the first to commit, then matches its lock and sees its run.
     */
    static final String LOCK_KEY = """
            MERGE (l:DiffoAdmin:MigrationLock {key: $key})
            SET l.touchedAt = $now
            """;

    static final String UNFINISHED = """
            MATCH (other:MigrationRun {lockKey: $key})
            WHERE other.status IN ['RUNNING', 'PAUSED', 'INTERRUPTED']
            RETURN other
            """;

    static final String SPEC_VERSIONS = """
            MATCH (src:Specification {uuid: $source}), (dst:Specification {uuid: $target})
            RETURN 'v' + toString(src.majorVersion) + '.' + toString(coalesce(src.minorVersion, 0)) + '.' + toString(coalesce(src.patchVersion, 0)) AS sourceVersion,
                   'v' + toString(dst.majorVersion) + '.' + toString(coalesce(dst.minorVersion, 0)) + '.' + toString(coalesce(dst.patchVersion, 0)) AS targetVersion
            """;

    static final String CREATE_RUN = """
            CREATE (run:DiffoAdmin:MigrationRun {
              uuid: $uuid, kind: $kind, undoOf: $undoOf, lockKey: $key, rsp: $rsp, source: $source, target: $target,
              sourceVersion: $sourceVersion, targetVersion: $targetVersion, mapping: $mapping, excludedValues: $excludedValues,
              batchSize: $batchSize, nameFilter: $nameFilter, perInstance: $perInstance, relabelRemove: $relabelRemove, relabelAdd: $relabelAdd,
              status: 'RUNNING', total: $total, migrated: 0, excluded: 0, skipped: 0, batches: 0,
              actor: $actor, owner: $owner, heartbeat: $now, startedAt: $now})
            RETURN run
            """;

    static final String UNDO_ENTRIES = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch {index: $index})
            WHERE b.undoneAt IS NULL
            RETURN b.entries AS entries
            """;

    static final String MOVE_BACK = """
            MATCH (src:Specification {uuid: $source}), (dst:Specification {uuid: $target})
            UNWIND $entries AS e
            MATCH (i) WHERE elementId(i) = e.id
            SET i.diffoAdminLock = true
            REMOVE i.diffoAdminLock
            WITH src, dst, i, e
            MATCH (i)-[r:SPECIFIED_BY]->(dst)
            DELETE r
            CREATE (i)-[:SPECIFIED_BY]->(src)
            SET i.updatedAt = e.updatedAt
            RETURN e.id AS id
            """;

    static final String RESTORE_VALUES = """
            UNWIND $restores AS ch
            MATCH (c) WHERE elementId(c) = ch.id
            SET c.value = ch.value, c.updatedAt = ch.updatedAt
            """;

    static final String MARK_UNDONE = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch {index: $index})
            SET b.undoneAt = $now, b.undoneBy = $undo
            WITH count(b) AS marked
            MATCH (undo:MigrationRun {uuid: $undo})
            SET undo.migrated = undo.migrated + $moved, undo.skipped = undo.skipped + $skipped, undo.batches = undo.batches + 1,
                undo.heartbeat = $now
            """;

    static final String NEXT_INDEX = """
            MATCH (run:MigrationRun {uuid: $run})
            OPTIONAL MATCH (run)-[:HAS_BATCH]->(b)
            RETURN coalesce(max(b.index) + 1, 0) AS next
            """;

    static final String UNDOABLE = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch)
            WHERE b.undoneAt IS NULL
            RETURN b.index AS index ORDER BY index DESC
            """;

    static final String TAKE_OVER = """
            MATCH (run:MigrationRun {uuid: $run})
            SET run.owner = $owner, run.status = 'RUNNING', run.heartbeat = $now, run.error = null
            RETURN run
            """;

    static final String LEFT = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch)
            WHERE b.left IS NOT NULL
            RETURN b.left AS left
            ORDER BY b.index
            """;

    static final String LEDGER = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch)
            RETURN b.index AS index, b.entries AS entries, b.undoneAt IS NOT NULL AS undone
            ORDER BY index
            """;

    static final String FINISH = """
            MATCH (run:MigrationRun {uuid: $run})
            SET run.status = $status, run.finishedAt = CASE WHEN $status IN ['COMPLETED', 'UNDONE'] THEN $now ELSE null END,
                run.error = $error, run.owner = null, run.heartbeat = $now
            RETURN run
            """;

    static final String RUN = """
            MATCH (run:MigrationRun {uuid: $run}) RETURN run
            """;

    static final String RUNS = """
            MATCH (run:MigrationRun)
            WHERE run.source = $spec OR run.target = $spec
            RETURN run ORDER BY run.startedAt DESC
            """;

    private static final long STALE_SECONDS = 60;

    private final Database database;
    private final CatalogueSettings settings;
    private final Neo4jSchema schema;

    @Inject
    public Neo4jMigrationRepository(Database database, CatalogueSettings settings, Neo4jSchema schema) {
        this.database = database;
        this.settings = settings;
        this.schema = schema;
    }

    private Map<String, Object> selected(String sourceUuid, String rsp, String nameFilter) {
        Map<String, Object> params = new HashMap<>();
        params.put("rspRole", settings.rspRole());
        params.put("source", sourceUuid);
        params.put("rsp", rsp);
        params.put("name", nameFilter);
        return params;
    }

    @Override
    public List<dev.diffo.admin.domain.Rsp.Share> rsps(String sourceUuid) {
        return database.read(tx -> Neo4jCatalogueRepository.rsps(tx, sourceUuid, settings.rspRole()));
    }

    @Override
    public List<String> selection(String sourceUuid, String rsp, String nameFilter) {
        return database.read(tx -> tx.run(SELECTION, selected(sourceUuid, rsp, nameFilter)).list(r -> r.get("id").asString()));
    }

    @Override
    public long selectionCount(String sourceUuid, String rsp, String nameFilter) {
        return database.read(tx -> tx.run(SELECTION_COUNT, selected(sourceUuid, rsp, nameFilter)).single().get("n").asLong());
    }

    @Override
    public List<InstanceRef> carrying(String sourceUuid, String rsp, String nameFilter, List<StoredValue> values, String contains, String after, int limit) {
        Map<String, Object> params = selected(sourceUuid, rsp, nameFilter);
        params.put("values", values.stream().map(v -> List.of(v.name(), v.value())).toList());
        params.put("contains", contains == null || contains.isBlank() ? null : contains.strip());
        params.put("after", after == null ? "" : after);
        params.put("limit", limit);
        return database.read(tx -> tx.run(CARRYING, params).list(r -> new InstanceRef(r.get("uuid").asString(null), r.get("name").asString(null))));
    }

    @Override
    public List<ValueCount> valueCounts(String sourceUuid, String rsp, String nameFilter) {
        return database.read(tx -> tx.run(VALUE_COUNTS, selected(sourceUuid, rsp, nameFilter))
                .list(r -> new ValueCount(r.get("name").asString(null), r.get("value").asString(null), r.get("instances").asLong())));
    }

    private static Candidate toCandidate(Record r) {
        List<StoredCharacteristic> chars = r.get("chars").asList(c -> new StoredCharacteristic(c.get("id").asString(),
                c.get("name").asString(null), c.get("value").asString(null)));
        return new Candidate(r.get("id").asString(), r.get("uuid").asString(null), r.get("name").asString(null), chars);
    }

    static String lockKey(String source, String rsp) {
        return source + "|" + rsp.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public MigrationRun startRun(MigrationPlan plan, MigrationRun.Kind kind, String undoOf, String actor, String owner, long total) {
        // the lock's uniqueness constraint makes the MERGE below atomic: of two first runs, one waits for the other's commit
        schema.require("start a migration run");
        return database.write(tx -> {
            ZonedDateTime now = GraphValues.now();
            String key = lockKey(plan.sourceUuid(), plan.rsp());
            tx.run(LOCK_KEY, Map.of("key", key, "now", now)).consume();
            List<Record> unfinished = tx.run(UNFINISHED, Map.of("key", key)).list();
            for (Record r : unfinished) {
                MigrationRun other = toRun(r.get("other"));
                if (!(kind == MigrationRun.Kind.UNDO && other.uuid().equals(undoOf))) {
                    throw new DiffoAdminException("Another migration of " + plan.rsp() + "'s instances from this specification is "
                            + other.status().name().toLowerCase(java.util.Locale.ROOT) + " (run " + other.uuid() + ", started by "
                            + other.actor() + " at " + other.startedAt() + ")",
                            "Resume or finish that run first (migrate resume " + other.uuid() + "). Nothing was written.");
                }
            }
            List<Record> versions = tx.run(SPEC_VERSIONS, Map.of("source", plan.sourceUuid(), "target", plan.targetUuid())).list();
            if (versions.isEmpty()) {
                throw new DiffoAdminException("The source or the target specification does not exist", "Refresh the catalogue. Nothing was written.");
            }
            Map<String, Object> params = new HashMap<>();
            params.put("uuid", Identifiers.newUuid4());
            params.put("kind", kind.name());
            params.put("undoOf", undoOf);
            params.put("key", key);
            params.put("rsp", plan.rsp());
            params.put("source", plan.sourceUuid());
            params.put("target", plan.targetUuid());
            params.put("sourceVersion", versions.getFirst().get("sourceVersion").asString());
            params.put("targetVersion", versions.getFirst().get("targetVersion").asString());
            params.put("mapping", PlanCodec.mappingJson(plan));
            params.put("excludedValues", plan.excluded().stream().map(Object::toString).sorted().toList());
            params.put("batchSize", plan.batchSize());
            params.put("nameFilter", plan.nameFilter());
            params.put("perInstance", PlanCodec.perInstanceJson(plan));
            params.put("relabelRemove", plan.relabel() == null ? null : plan.relabel().remove());
            params.put("relabelAdd", plan.relabel() == null ? null : plan.relabel().add());
            params.put("total", total);
            params.put("actor", actor);
            params.put("owner", owner);
            params.put("now", now);
            return toRun(tx.run(CREATE_RUN, params).single().get("run"));
        });
    }

    @Override
    public MigrationRun claim(String runUuid, String owner) {
        return database.write(tx -> {
            List<Record> found = tx.run(LOCK_RUN, Map.of("run", runUuid)).list();
            if (found.isEmpty()) {
                throw new DiffoAdminException("There is no migration run " + runUuid, "List the runs with: diffo-admin migrate runs");
            }
            Value run = found.getFirst().get("run");
            MigrationRun current = toRun(run);
            if (!current.status().resumable()) {
                throw new DiffoAdminException("Run " + runUuid + " is " + current.status().name().toLowerCase(java.util.Locale.ROOT),
                        "Only a running, paused or interrupted run can be resumed.");
            }
            String holder = run.get("owner").asString(null);
            ZonedDateTime heartbeat = GraphValues.dateTime(run.get("heartbeat"));
            boolean free = holder == null || holder.equals(owner)
                    || heartbeat == null || heartbeat.isBefore(GraphValues.now().minusSeconds(STALE_SECONDS));
            if (!free) {
                throw new DiffoAdminException("Run " + runUuid + " is being run by another process (last batch at " + heartbeat + ")",
                        "Wait for it to finish, or resume it once that process has stopped (a stopped run can be resumed after "
                                + STALE_SECONDS + " s).");
            }
            return toRun(tx.run(TAKE_OVER, Map.of("run", runUuid, "owner", owner, "now", GraphValues.now())).single().get("run"));
        });
    }

    @Override
    public BatchResult migrateBatch(MigrationRun run, String owner, int index, List<String> elementIds, Decider decider, boolean rollback) {
        if (rollback) {
            return database.rolledBack(tx -> batch(tx, run, owner, index, elementIds, decider, false));
        }
        return database.write(tx -> batch(tx, run, owner, index, elementIds, decider, true));
    }

    private static BatchResult batch(SimpleQueryRunner tx, MigrationRun run, String owner, int index, List<String> elementIds, Decider decider,
                                     boolean ledger) {
        ZonedDateTime now = GraphValues.now();
        List<List<String>> unaffected = decider.unaffected().stream().map(v -> List.of(v.name(), v.value())).toList();
        List<Record> locked = tx.run(LOCK_BATCH, Map.of("source", run.sourceUuid(), "ids", elementIds, "unaffected", unaffected)).list();
        List<String> moves = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<ObjectNode> entries = new ArrayList<>();
        List<String> sampleBefore = new ArrayList<>();
        List<String> sampleAfter = new ArrayList<>();
        int excluded = 0;
        int skipped = elementIds.size() - locked.size();
        List<Left> left = new ArrayList<>();
        if (skipped > 0) {
            left.add(new Left(null, null, "skipped", skipped + " instance(s) no longer exist"));
        }
        for (Record r : locked) {
            Candidate candidate = toCandidate(r);
            if (!r.get("onSource").asBoolean()) {
                skipped++;
                left.add(new Left(candidate.uuid(), candidate.name(), "skipped", "no longer on the source (moved or respecified since the selection)"));
                continue;
            }
            Decision decision = decider.decide(candidate);
            if (decision.exclude()) {
                excluded++;
                left.add(new Left(candidate.uuid(), candidate.name(), "excluded", decision.reason()));
                continue;
            }
            moves.add(candidate.elementId());
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.put("id", candidate.elementId()).put("uuid", candidate.uuid()).put("updatedAt", iso(r.get("updatedAt")));
            ArrayNode chars = entry.putArray("chars");
            for (Value c : r.get("chars").values()) {
                String newValue = decision.newValues().get(c.get("id").asString());
                if (newValue != null) {
                    updates.add(Map.of("id", c.get("id").asString(), "value", newValue));
                    chars.addObject().put("id", c.get("id").asString()).put("value", c.get("value").asString(null)).put("updatedAt", iso(c.get("updatedAt")));
                    if (sampleBefore.size() < 5) {
                        sampleBefore.add(candidate.name() + ": " + c.get("value").asString(null));
                        sampleAfter.add(candidate.name() + ": " + newValue);
                    }
                }
            }
            entries.add(entry);
        }
        tx.run(REWRITE_VALUES, Map.of("updates", updates, "now", now)).consume();
        tx.run(RESPECIFY, Map.of("source", run.sourceUuid(), "target", run.targetUuid(), "ids", moves, "now", now)).consume();
        Relabel relabel = decider.relabel();
        int relabelled = 0;
        if (relabel != null && !moves.isEmpty()) {
            java.util.Set<String> done = new java.util.HashSet<>(tx.run(RELABEL, Map.of("ids", moves, "remove", relabel.remove(), "add", relabel.add()))
                    .list(r -> r.get("id").asString()));
            relabelled = done.size();
            for (ObjectNode entry : entries) {
                if (done.contains(entry.path("id").asText())) {
                    ObjectNode labels = entry.putObject("relabel");
                    relabel.remove().forEach(labels.putArray("remove")::add);
                    relabel.add().forEach(labels.putArray("add")::add);
                }
            }
        }
        if (ledger) {
            Map<String, Object> params = new HashMap<>();
            params.put("run", run.uuid());
            params.put("owner", owner);
            params.put("index", index);
            params.put("now", now);
            params.put("entries", entries.stream().map(CanonicalJson::write).toList());
            params.put("left", left.stream().map(Neo4jMigrationRepository::leftJson).toList());
            params.put("migrated", moves.size());
            params.put("excluded", excluded);
            params.put("skipped", skipped);
            if (tx.run(RECORD_BATCH, params).list().isEmpty()) {
                throw takenOver(run.uuid());
            }
        }
        return new BatchResult(moves.size(), excluded, skipped, relabelled, sampleBefore, sampleAfter, List.copyOf(left));
    }

    private static String leftJson(Left l) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("uuid", l.uuid()).put("name", l.name()).put("outcome", l.outcome()).put("reason", l.reason());
        return CanonicalJson.write(o);
    }

    @Override
    public List<Left> leftOnSource(String runUuid) {
        return database.read(tx -> {
            List<Left> left = new ArrayList<>();
            tx.run(LEFT, Map.of("run", runUuid)).forEachRemaining(r -> {
                for (String json : r.get("left").asList(Value::asString)) {
                    JsonNode o = CanonicalJson.read(json);
                    left.add(new Left(text(o, "uuid"), text(o, "name"), text(o, "outcome"), text(o, "reason")));
                }
            });
            return left;
        });
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String iso(Value v) {
        ZonedDateTime t = GraphValues.dateTime(v);
        return t == null ? null : t.toString();
    }

    private static void requireOwner(SimpleQueryRunner tx, String runUuid, String owner) {
        List<Record> run = tx.run(LOCK_RUN, Map.of("run", runUuid)).list();
        if (run.isEmpty() || !owner.equals(run.getFirst().get("run").get("owner").asString(null))) {
            throw takenOver(runUuid);
        }
    }

    private static DiffoAdminException takenOver(String runUuid) {
        return new DiffoAdminException("Run " + runUuid + " was taken over by another process", "This process stops; nothing of this batch was written.");
    }

    @Override
    public int undoBatch(MigrationRun undo, String owner, String runUuid, int index) {
        return database.write(tx -> {
            List<Record> found = tx.run(UNDO_ENTRIES, Map.of("run", runUuid, "index", index)).list();
            if (found.isEmpty()) {
                return 0;
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            Map<String, List<Map<String, Object>>> restoresById = new HashMap<>();
            Map<String, Map<String, Object>> relabelsById = new HashMap<>();
            for (String json : found.getFirst().get("entries").asList(Value::asString)) {
                JsonNode e = CanonicalJson.read(json);
                Map<String, Object> entry = new HashMap<>();
                entry.put("id", e.path("id").asText());
                entry.put("updatedAt", parse(e.path("updatedAt")));
                entries.add(entry);
                List<Map<String, Object>> restores = new ArrayList<>();
                for (JsonNode c : e.path("chars")) {
                    Map<String, Object> restore = new HashMap<>();
                    restore.put("id", c.path("id").asText());
                    restore.put("value", c.path("value").isNull() ? null : c.path("value").asText());
                    restore.put("updatedAt", parse(c.path("updatedAt")));
                    restores.add(restore);
                }
                restoresById.put(e.path("id").asText(), restores);
                if (e.has("relabel")) {
                    Map<String, Object> relabel = new HashMap<>();
                    relabel.put("id", e.path("id").asText());
                    relabel.put("remove", strings(e.path("relabel").path("remove")));
                    relabel.put("add", strings(e.path("relabel").path("add")));
                    relabelsById.put(e.path("id").asText(), relabel);
                }
            }
            List<String> moved = tx.run(MOVE_BACK, Map.of("source", undo.sourceUuid(), "target", undo.targetUuid(), "entries", entries))
                    .list(r -> r.get("id").asString());
            List<Map<String, Object>> restores = moved.stream().flatMap(id -> restoresById.getOrDefault(id, List.of()).stream()).toList();
            tx.run(RESTORE_VALUES, Map.of("restores", restores)).consume();
            List<Map<String, Object>> relabels = moved.stream().map(relabelsById::get).filter(java.util.Objects::nonNull).toList();
            if (!relabels.isEmpty()) {
                tx.run(RESTORE_LABELS, Map.of("relabels", relabels)).consume();
            }
            // the undo run's lock is taken only here, at the end, so that batches can run side by side
            requireOwner(tx, undo.uuid(), owner);
            tx.run(MARK_UNDONE, Map.of("run", runUuid, "index", index, "undo", undo.uuid(), "now", GraphValues.now(),
                    "moved", moved.size(), "skipped", entries.size() - moved.size())).consume();
            return moved.size();
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Override
    public List<String> commonLabels(String specUuid) {
        return database.read(tx -> tx.run(DiffoShape.COMMON_LABELS, Map.of("spec", specUuid)).list(r -> r.get("labels").asList(Value::asString))
                .stream().findFirst().orElse(List.of()));
    }

    private static ZonedDateTime parse(JsonNode iso) {
        return iso == null || iso.isNull() || iso.isMissingNode() ? null : ZonedDateTime.parse(iso.asText());
    }

    @Override
    public int nextBatchIndex(String runUuid) {
        return database.read(tx -> tx.run(NEXT_INDEX, Map.of("run", runUuid)).list(r -> r.get("next").asInt()).stream().findFirst().orElse(0));
    }

    @Override
    public List<Integer> undoableBatches(String runUuid) {
        return database.read(tx -> tx.run(UNDOABLE, Map.of("run", runUuid)).list(r -> r.get("index").asInt()));
    }

    @Override
    public List<LedgerEntry> ledger(String runUuid) {
        return database.read(tx -> {
            List<LedgerEntry> entries = new ArrayList<>();
            tx.run(LEDGER, Map.of("run", runUuid)).forEachRemaining(r -> {
                for (String json : r.get("entries").asList(Value::asString)) {
                    JsonNode e = CanonicalJson.read(json);
                    entries.add(new LedgerEntry(r.get("index").asInt(), e.path("uuid").asText(), e.path("chars").size(), r.get("undone").asBoolean()));
                }
            });
            return entries;
        });
    }

    @Override
    public MigrationRun finish(String runUuid, MigrationRun.Status status, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("run", runUuid);
        params.put("status", status.name());
        params.put("error", error);
        params.put("now", GraphValues.now());
        return database.write(tx -> toRun(tx.run(FINISH, params).single().get("run")));
    }

    @Override
    public Optional<MigrationRun> run(String runUuid) {
        return database.read(tx -> tx.run(RUN, Map.of("run", runUuid)).stream().findFirst().map(r -> toRun(r.get("run"))));
    }

    @Override
    public List<MigrationRun> runs(String sourceOrTargetUuid) {
        return database.read(tx -> tx.run(RUNS, Map.of("spec", sourceOrTargetUuid)).list(r -> toRun(r.get("run"))));
    }

    static MigrationRun toRun(Value run) {
        return MigrationRun.builder()
                .uuid(run.get("uuid").asString())
                .kind(MigrationRun.Kind.valueOf(run.get("kind").asString()))
                .undoOf(run.get("undoOf").asString(null))
                .rsp(run.get("rsp").asString())
                .sourceUuid(run.get("source").asString())
                .targetUuid(run.get("target").asString())
                .sourceVersion(run.get("sourceVersion").asString(null))
                .targetVersion(run.get("targetVersion").asString(null))
                .mapping(run.get("mapping").asString(null))
                .status(MigrationRun.Status.valueOf(run.get("status").asString()))
                .total(run.get("total").asLong(0))
                .migrated(run.get("migrated").asLong(0))
                .excluded(run.get("excluded").asLong(0))
                .skipped(run.get("skipped").asLong(0))
                .batches(run.get("batches").asInt(0))
                .actor(run.get("actor").asString(null))
                .startedAt(GraphValues.dateTime(run.get("startedAt")))
                .finishedAt(GraphValues.dateTime(run.get("finishedAt")))
                .error(run.get("error").asString(null))
                .batchSize(run.get("batchSize").asInt(MigrationPlan.DEFAULT_BATCH_SIZE))
                .nameFilter(run.get("nameFilter").asString(null))
                .perInstance(run.get("perInstance").asString(null))
                .relabel(run.get("relabelRemove").isNull() ? null
                        : new Relabel(run.get("relabelRemove").asList(Value::asString), run.get("relabelAdd").asList(Value::asString)))
                .build();
    }
}
