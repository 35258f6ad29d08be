package dev.diffo.admin.repository;

import static dev.diffo.admin.repository.MigrationCypher.CARRYING;
import static dev.diffo.admin.repository.MigrationCypher.CREATE_RUN;
import static dev.diffo.admin.repository.MigrationCypher.FINISH;
import static dev.diffo.admin.repository.MigrationCypher.KEPT_VALUES;
import static dev.diffo.admin.repository.MigrationCypher.LEDGER;
import static dev.diffo.admin.repository.MigrationCypher.LEFT;
import static dev.diffo.admin.repository.MigrationCypher.LOCK_KEY;
import static dev.diffo.admin.repository.MigrationCypher.LOCK_RUN;
import static dev.diffo.admin.repository.MigrationCypher.NEXT_INDEX;
import static dev.diffo.admin.repository.MigrationCypher.RUN;
import static dev.diffo.admin.repository.MigrationCypher.RUNS;
import static dev.diffo.admin.repository.MigrationCypher.UNDO_OF;
import static dev.diffo.admin.repository.MigrationCypher.SELECTION;
import static dev.diffo.admin.repository.MigrationCypher.SELECTION_COUNT;
import static dev.diffo.admin.repository.MigrationCypher.SPEC_VERSIONS;
import static dev.diffo.admin.repository.MigrationCypher.TAKE_OVER;
import static dev.diffo.admin.repository.MigrationCypher.UNDOABLE;
import static dev.diffo.admin.repository.MigrationCypher.UNFINISHED;
import static dev.diffo.admin.repository.MigrationCypher.VALUE_COUNTS;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.common.PlanCodec;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.ValueRewrite;
import dev.diffo.admin.domain.Relabel;
import dev.diffo.admin.domain.StoredValue;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Migration in diffo's shape: an instance keeps its node, labels and characteristics; only its single
 * {@code SPECIFIED_BY} edge moves (diffo's respecify) and remapped values are rewritten in diffo's JSON.
 * The ledger is ours ({@code :DiffoAdmin:MigrationRun} and its {@code :MigrationBatch}es, each holding the
 * exact prior state of the instances it moved), so a run resumes after a crash and can be undone.
 */
@Singleton
public class Neo4jMigrationRepository implements MigrationRepository {

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
        return StoreOrder.of(database.read(tx -> {
            List<String> ids = new java.util.ArrayList<>();
            tx.run(SELECTION, selected(sourceUuid, rsp, nameFilter)).forEachRemaining(r -> r.get("ids").values().forEach(id -> ids.add(id.asString())));
            return ids;
        }));
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

    @Override
    public java.util.Optional<KeptValues> keptValues(String sourceUuid, String rsp) {
        Map<String, Object> params = selected(sourceUuid, rsp, null);
        return database.read(tx -> tx.run(KEPT_VALUES, params).list()).stream().findFirst().map(r -> {
            Map<List<String>, Long> merged = new java.util.LinkedHashMap<>();
            // a name prefix in two cases (acme-…, Acme-…) is kept as two RSPs: one value count each, added up here
            for (org.neo4j.driver.Value v : r.get("values").values()) {
                merged.merge(java.util.Arrays.asList(v.get("name").asString(null), v.get("value").asString(null)), v.get("n").asLong(), Long::sum);
            }
            List<ValueCount> values = merged.entrySet().stream().map(e -> new ValueCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                    .sorted(java.util.Comparator.comparingLong(ValueCount::instances).reversed()).toList();
            return new KeptValues(values, r.get("instances").asLong(), GraphValues.dateTime(r.get("countedAt")));
        });
    }

    static String lockKey(String source, String rsp) {
        return source + "|" + rsp.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public MigrationRun startRun(MigrationPlan plan, MigrationRun.Kind kind, String undoOf, String actor, String owner, long total) {
        // the lock's uniqueness constraint makes the MERGE below atomic: of two first runs, one waits for the other's commit
        // only the constraints: the read indexes are built when a user connects or asks (never under a run's first batches)
        schema.require("start a migration run", Neo4jSchema.CONSTRAINTS);
        return database.write(tx -> {
            ZonedDateTime now = GraphValues.now();
            String key = lockKey(plan.sourceUuid(), plan.rsp());
            tx.run(LOCK_KEY, Map.of("key", key, "now", now)).consume();
            if (kind == MigrationRun.Kind.UNDO) {
                requireNotBeingResumed(tx, undoOf);
            }
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

    /**
     * Takes the run's write lock (as {@link #claim} does) and refuses an undo of a run that a resume has claimed:
     * the two would otherwise move the same instances both ways at once.
     */
    private static void requireNotBeingResumed(TransactionContext tx, String runUuid) {
        List<Record> found = tx.run(LOCK_RUN, Map.of("run", runUuid)).list();
        if (!found.isEmpty() && "RUNNING".equals(found.getFirst().get("run").get("status").asString(null))) {
            throw new DiffoAdminException("Run " + runUuid + " is running (it is being resumed)",
                    "Pause it or let it finish, then undo it. Nothing was written.");
        }
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
            if (current.kind() == MigrationRun.Kind.RUN) {
                // an undo of it has started (the run stays paused until the undo ends): resuming would move its instances again
                List<Record> undo = tx.run(UNDO_OF, Map.of("run", runUuid)).list();
                if (!undo.isEmpty()) {
                    throw new DiffoAdminException("Run " + runUuid + " is being undone (undo run " + undo.getFirst().get("undo").asString() + ", "
                            + undo.getFirst().get("status").asString("").toLowerCase(java.util.Locale.ROOT) + ")",
                            "A run that is undone is not resumed: resume the undo instead, or start a new run. Nothing was written.");
                }
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
            return database.rolledBack(tx -> MigrationBatches.migrate(tx, run, owner, index, elementIds, decider, settings.rspRole(), false));
        }
        return database.write(tx -> MigrationBatches.migrate(tx, run, owner, index, elementIds, decider, settings.rspRole(), true));
    }

    @Override
    public List<Left> leftOnSource(String runUuid) {
        return database.read(tx -> {
            List<Left> left = new ArrayList<>();
            tx.run(LEFT, Map.of("run", runUuid)).forEachRemaining(r -> left.addAll(r.get("left").asList(v -> LedgerCodec.readLeft(v.asString()))));
            return left;
        });
    }

    @Override
    public int undoBatch(MigrationRun undo, String owner, String runUuid, int index) {
        return database.write(tx -> MigrationBatches.undo(tx, undo, owner, runUuid, index, settings.rspRole()));
    }

    @Override
    public List<String> commonLabels(String specUuid) {
        return database.read(tx -> tx.run(DiffoShape.COMMON_LABELS, Map.of("spec", specUuid)).list(r -> r.get("labels").asList(Value::asString))
                .stream().findFirst().orElse(List.of()));
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
                for (String json : LedgerCodec.entries(r.get("entries"), r.get("entriesGzip"))) {
                    LedgerCodec.Entry e = LedgerCodec.read(json);
                    List<ValueRewrite> rewrites = e.chars().stream()
                            .map(c -> new ValueRewrite(e.uuid(), e.name(), c.name(), c.value(), c.to())).toList();
                    entries.add(new LedgerEntry(r.get("index").asInt(), e.uuid(), e.chars().size(), r.get("undone").asBoolean(), rewrites));
                }
            });
            return entries;
        });
    }

    @Override
    public List<ValueRewrite> rewrites(String runUuid, int limit) {
        return database.read(tx -> {
            List<ValueRewrite> rewrites = new ArrayList<>();
            var result = tx.run(LEDGER, Map.of("run", runUuid));
            while (result.hasNext() && rewrites.size() < limit) {
                Record r = result.next();
                for (String json : LedgerCodec.entries(r.get("entries"), r.get("entriesGzip"))) {
                    LedgerCodec.Entry e = LedgerCodec.read(json);
                    e.chars().stream().limit(limit - rewrites.size())
                            .forEach(c -> rewrites.add(new ValueRewrite(e.uuid(), e.name(), c.name(), c.value(), c.to())));
                    if (rewrites.size() >= limit) {
                        break;
                    }
                }
            }
            result.consume();
            return rewrites;
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
