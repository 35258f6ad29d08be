package dev.diffo.admin.repository;

import static dev.diffo.admin.repository.MigrationCypher.LOCK_BATCH;
import static dev.diffo.admin.repository.MigrationCypher.LOCK_RUN;
import static dev.diffo.admin.repository.MigrationCypher.MARK_UNDONE;
import static dev.diffo.admin.repository.MigrationCypher.MOVE_BACK;
import static dev.diffo.admin.repository.MigrationCypher.RELABEL;
import static dev.diffo.admin.repository.MigrationCypher.RESPECIFY;
import static dev.diffo.admin.repository.MigrationCypher.RESTORE_LABELS;
import static dev.diffo.admin.repository.MigrationCypher.RESTORE_VALUES;
import static dev.diffo.admin.repository.MigrationCypher.REWRITE_VALUES;
import static dev.diffo.admin.repository.MigrationCypher.UNDO_ENTRIES;
import static dev.diffo.admin.repository.MigrationCypher.WRITE_BATCH;

import dev.diffo.admin.domain.Candidate;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.Decision;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Relabel;
import dev.diffo.admin.domain.StoredCharacteristic;
import dev.diffo.admin.domain.ValueRewrite;
import dev.diffo.admin.repository.MigrationRepository.BatchResult;
import dev.diffo.admin.repository.MigrationRepository.Left;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * One batch of a migration, and one batch of its undo, each inside the caller's single transaction and made of
 * small steps: lock and read, decide (in Java), relabel (when the plan asks), then rewrite, respecify and record the
 * ledger entry in one round trip (a dry run: rewrite and respecify only); the undo: read the entry, move back,
 * restore values and labels, mark it undone.
 */
final class MigrationBatches {

    private MigrationBatches() {
    }

    /** What the decide step made of the locked instances: what moves with which new values, and what stays and why. */
    private static final class Draft {
        final List<String> moves = new ArrayList<>();
        final List<Map<String, Object>> updates = new ArrayList<>();
        List<LedgerCodec.Entry> entries = new ArrayList<>();
        final List<Left> left = new ArrayList<>();
        final List<ValueRewrite> rewrites = new ArrayList<>();
        /** The moving instances as the kept counts tally them (when they are tallied from the lock step's read). */
        final List<KeptCounts.Moving> moving = new ArrayList<>();
        int excluded;
        int skipped;
    }

    static BatchResult migrate(SimpleQueryRunner tx, MigrationRun run, String owner, int index, List<String> elementIds, Decider decider,
                               String rspRole, boolean ledger) {
        ZonedDateTime now = GraphValues.now();
        // kept counts: when kept by the run's RSP role, the lock step reads what they need (one read for both)
        KeptCounts.Respecify how = KeptCounts.respecify(tx, run.sourceUuid(), run.targetUuid());
        boolean tallyHere = how.anyKept() && rspRole.equals(how.role());
        List<Record> locked = lock(tx, run, elementIds, decider, rspRole, tallyHere);
        Draft draft = decide(locked, elementIds.size(), decider, run.rsp(), tallyHere);
        // tally before (and foresee after, from the values the decision gives), adjust after the write
        KeptCounts.Tally kept;
        if (tallyHere) {
            kept = KeptCounts.respecified(how, draft.moves, draft.moving);
        } else {
            Map<String, String> rewrites = new HashMap<>();
            draft.updates.forEach(u -> rewrites.put((String) u.get("id"), (String) u.get("value")));
            kept = KeptCounts.beforeRespecify(tx, draft.moves, how, rewrites);
        }
        // the relabel first: the ledger entries say which instances it swapped
        int relabelled = relabel(tx, decider.relabel(), draft);
        if (ledger) {
            write(tx, run, owner, index, draft, now);
        } else {
            tx.run(REWRITE_VALUES, Map.of("updates", draft.updates, "now", now)).consume();
            tx.run(RESPECIFY, Map.of("source", run.sourceUuid(), "target", run.targetUuid(), "ids", draft.moves, "now", now)).consume();
        }
        KeptCounts.after(tx, kept);
        return new BatchResult(draft.moves.size(), draft.excluded, draft.skipped, relabelled, List.copyOf(draft.rewrites),
                List.copyOf(draft.left));
    }

    /**
     * Locks each instance, then reads whether it is still on the source and still of the run's RSP, and its
     * characteristics not known to be left alone ({@code tally}: all of them, for the kept counts).
     */
    private static List<Record> lock(SimpleQueryRunner tx, MigrationRun run, List<String> elementIds, Decider decider, String rspRole, boolean tally) {
        Map<String, List<String>> unaffected = new HashMap<>();
        decider.unaffected().forEach(v -> unaffected.computeIfAbsent(v.name(), name -> new ArrayList<>()).add(v.value()));
        return tx.run(LOCK_BATCH, Map.of("source", run.sourceUuid(), "ids", elementIds, "unaffected", unaffected, "rsp", run.rsp(),
                "rspRole", rspRole, "tally", tally)).list();
    }

    private static Draft decide(List<Record> locked, int asked, Decider decider, String rsp, boolean tally) {
        Draft draft = new Draft();
        draft.skipped = asked - locked.size();
        if (draft.skipped > 0) {
            draft.left.add(new Left(null, null, "skipped", draft.skipped + " instance(s) no longer exist"));
        }
        for (Record r : locked) {
            Candidate candidate = toCandidate(r);
            if (!r.get("onSource").asBoolean()) {
                draft.skipped++;
                draft.left.add(new Left(candidate.uuid(), candidate.name(), "skipped", "no longer on the source (moved or respecified since the selection)"));
                continue;
            }
            if (!r.get("ofRsp").asBoolean()) {
                draft.skipped++;
                draft.left.add(new Left(candidate.uuid(), candidate.name(), "skipped", "no longer " + rsp + "'s (now "
                        + r.get("rsp").asString("(unnamed)") + "'s, its party changed since the selection): another RSP's instance is never moved"));
                continue;
            }
            Decision decision = decider.decide(candidate);
            if (decision.exclude()) {
                draft.excluded++;
                draft.left.add(new Left(candidate.uuid(), candidate.name(), "excluded", decision.reason()));
                continue;
            }
            draft.moves.add(candidate.elementId());
            draft.entries.add(entry(r, candidate, decision, draft));
            if (tally) {
                draft.moving.add(moving(r, decision));
            }
        }
        return draft;
    }

    /** The moving instance as the kept counts tally it: its RSP, and each characteristic with its value now and after. */
    private static KeptCounts.Moving moving(Record r, Decision decision) {
        List<String[]> characteristics = new ArrayList<>();
        for (Value c : r.get("chars").values()) {
            String value = c.get("value").asString(null);
            String id = c.get("id").asString(null);
            String after = id == null ? null : decision.newValues().get(id);
            characteristics.add(new String[] {c.get("name").asString(null), value, after == null ? value : after});
        }
        return new KeptCounts.Moving(r.get("rsp").asString(null), r.get("rspBy").asString(null), characteristics);
    }

    /** The moving instance's ledger entry: its prior state and that of each value the decision rewrites (queued as updates). */
    private static LedgerCodec.Entry entry(Record r, Candidate candidate, Decision decision, Draft draft) {
        List<LedgerCodec.PriorValue> prior = new ArrayList<>();
        for (Value c : r.get("chars").values()) {
            String id = c.get("id").asString(null);
            String newValue = id == null ? null : decision.newValues().get(id);
            if (newValue == null) {
                continue;
            }
            String oldValue = c.get("value").asString(null);
            draft.updates.add(Map.of("id", id, "value", newValue));
            String name = c.get("name").asString(null);
            prior.add(new LedgerCodec.PriorValue(id, oldValue, iso(c.get("updatedAt")), name, newValue));
            if (draft.rewrites.size() < MigrationRepository.REWRITES_SHOWN) {
                draft.rewrites.add(new ValueRewrite(candidate.uuid(), candidate.name(), name, oldValue, newValue));
            }
        }
        return new LedgerCodec.Entry(candidate.elementId(), candidate.uuid(), iso(r.get("updatedAt")), prior, null, candidate.name());
    }

    /** Swaps the consumer-module labels of the moved instances that carry them; the ledger entries of those say so. */
    private static int relabel(SimpleQueryRunner tx, Relabel relabel, Draft draft) {
        if (relabel == null || draft.moves.isEmpty()) {
            return 0;
        }
        Set<String> done = new HashSet<>(tx.run(RELABEL, Map.of("ids", draft.moves, "remove", relabel.remove(), "add", relabel.add()))
                .list(r -> r.get("id").asString()));
        draft.entries = draft.entries.stream().map(e -> done.contains(e.id()) ? e.relabelled(relabel) : e).toList();
        return done.size();
    }

    /**
     * Rewrites the values, respecifies the instances and records the batch's ledger entry, in one round trip;
     * refused (with the whole batch) when another process took the run over.
     */
    private static void write(SimpleQueryRunner tx, MigrationRun run, String owner, int index, Draft draft, ZonedDateTime now) {
        Map<String, Object> params = new HashMap<>();
        params.put("updates", draft.updates);
        params.put("source", run.sourceUuid());
        params.put("target", run.targetUuid());
        params.put("ids", draft.moves);
        params.put("run", run.uuid());
        params.put("owner", owner);
        params.put("index", index);
        params.put("now", now);
        params.put("entriesGzip", LedgerCodec.pack(draft.entries.stream().map(LedgerCodec::write).toList()));
        params.put("left", draft.left.stream().map(LedgerCodec::write).toList());
        params.put("migrated", draft.moves.size());
        params.put("excluded", draft.excluded);
        params.put("skipped", draft.skipped);
        if (tx.run(WRITE_BATCH, params).list().isEmpty()) {
            throw takenOver(run.uuid());
        }
    }

    /** Batch {@code index} of {@code runUuid} undone by {@code undo}: returns how many instances moved back. */
    static int undo(SimpleQueryRunner tx, MigrationRun undo, String owner, String runUuid, int index, String rspRole) {
        List<Record> found = tx.run(UNDO_ENTRIES, Map.of("run", runUuid, "index", index)).list();
        if (found.isEmpty()) {
            return 0;
        }
        List<LedgerCodec.Entry> entries = LedgerCodec.entries(found.getFirst().get("entries"), found.getFirst().get("entriesGzip")).stream()
                .map(LedgerCodec::read).toList();
        // kept counts: what the moved instances count after the undo is foreseen from the values it restores, so they are
        // read once (after the move back, before the restore); a restore to no value cannot be foreseen: tallied before and after
        KeptCounts.Respecify returning = KeptCounts.respecify(tx, undo.targetUuid(), undo.sourceUuid());
        boolean foreseen = returning.foreseeable() && entries.stream().flatMap(e -> e.chars().stream()).allMatch(c -> c.value() != null);
        KeptCounts.Tally kept = foreseen ? KeptCounts.Tally.NONE : KeptCounts.before(tx, entries.stream().map(LedgerCodec.Entry::id).toList());
        List<Map<String, Object>> back = entries.stream().map(e -> {
            Map<String, Object> entry = new HashMap<>();
            entry.put("id", e.id());
            entry.put("updatedAt", parse(e.updatedAt()));
            return entry;
        }).toList();
        Set<String> moved = new HashSet<>(tx.run(MOVE_BACK, Map.of("source", undo.sourceUuid(), "target", undo.targetUuid(), "entries", back,
                        "rsp", undo.rsp(), "rspRole", rspRole))
                .list(r -> r.get("id").asString()));
        List<LedgerCodec.Entry> movedEntries = entries.stream().filter(e -> moved.contains(e.id())).toList();
        if (foreseen) {
            Map<String, String> restored = new HashMap<>();
            movedEntries.forEach(e -> e.chars().forEach(c -> restored.put(c.id(), c.value())));
            // back from the run's target to its source: still on the target as far as the counts go, values not yet restored
            kept = KeptCounts.beforeRespecify(tx, movedEntries.stream().map(LedgerCodec.Entry::id).toList(), returning, restored);
        }
        tx.run(RESTORE_VALUES, Map.of("restores", restores(movedEntries))).consume();
        List<Map<String, Object>> relabels = relabels(movedEntries);
        if (!relabels.isEmpty()) {
            tx.run(RESTORE_LABELS, Map.of("relabels", relabels)).consume();
        }
        KeptCounts.after(tx, kept);
        // the undo run's lock is taken only here, at the end, so that batches can run side by side
        requireOwner(tx, undo.uuid(), owner);
        tx.run(MARK_UNDONE, Map.of("run", runUuid, "index", index, "undo", undo.uuid(), "now", GraphValues.now(),
                "moved", moved.size(), "skipped", entries.size() - moved.size())).consume();
        return moved.size();
    }

    private static List<Map<String, Object>> restores(List<LedgerCodec.Entry> moved) {
        List<Map<String, Object>> restores = new ArrayList<>();
        for (LedgerCodec.Entry e : moved) {
            for (LedgerCodec.PriorValue c : e.chars()) {
                Map<String, Object> restore = new HashMap<>();
                restore.put("id", c.id());
                restore.put("value", c.value());
                restore.put("updatedAt", parse(c.updatedAt()));
                restores.add(restore);
            }
        }
        return restores;
    }

    private static List<Map<String, Object>> relabels(List<LedgerCodec.Entry> moved) {
        return moved.stream().filter(e -> e.relabel() != null)
                .<Map<String, Object>>map(e -> Map.of("id", e.id(), "remove", e.relabel().remove(), "add", e.relabel().add())).toList();
    }

    /** Locks the run node and refuses when this process no longer holds it. */
    static void requireOwner(SimpleQueryRunner tx, String runUuid, String owner) {
        List<Record> run = tx.run(LOCK_RUN, Map.of("run", runUuid)).list();
        if (run.isEmpty() || !owner.equals(run.getFirst().get("run").get("owner").asString(null))) {
            throw takenOver(runUuid);
        }
    }

    static DiffoAdminException takenOver(String runUuid) {
        return new DiffoAdminException("Run " + runUuid + " was taken over by another process", "This process stops; nothing of this batch was written.");
    }

    /** The instance as the decider sees it: only the characteristics read in full (a value known to be left alone is not its concern). */
    private static Candidate toCandidate(Record r) {
        List<StoredCharacteristic> chars = new ArrayList<>();
        for (Value c : r.get("chars").values()) {
            if (!c.get("id").isNull()) {
                chars.add(new StoredCharacteristic(c.get("id").asString(), c.get("name").asString(null), c.get("value").asString(null)));
            }
        }
        return new Candidate(r.get("id").asString(), r.get("uuid").asString(null), r.get("name").asString(null), chars);
    }

    private static String iso(Value v) {
        ZonedDateTime t = GraphValues.dateTime(v);
        return t == null ? null : t.toString();
    }

    private static ZonedDateTime parse(String iso) {
        return iso == null ? null : ZonedDateTime.parse(iso);
    }
}
