package dev.diffo.admin.repository;

import dev.diffo.admin.domain.Candidate;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.StoredValue;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.ValueRewrite;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The migration's reads, its batch transactions and its ledger. */
public interface MigrationRepository {

    /** An instance a batch left on the source: excluded by the plan, or skipped (no longer on the source when its turn came). */
    record Left(String uuid, String name, String outcome, String reason) {
    }

    /** How many of the selected instances carry a stored value (one row per distinct value, for the check). */
    record ValueCount(String name, String value, long instances) {
    }

    /** How many of a batch's value rewrites its result names one by one (the dry run's table). */
    int REWRITES_SHOWN = 1_000;

    /** What one batch did (or, rolled back, would do): its counts, the values it rewrote (up to {@link #REWRITES_SHOWN}) and what it left. */
    record BatchResult(int migrated, int excluded, int skipped, int relabelled, List<ValueRewrite> rewrites, List<Left> left) {
    }

    /** An instance by its diffo identity, for lists. */
    record InstanceRef(String uuid, String name) {
    }

    /**
     * Element ids of the RSP's instances on the source (party where present, else name prefix), only those whose
     * name contains {@code nameFilter} (any case) when it is not null.
     */
    List<String> selection(String sourceUuid, String rsp, String nameFilter);

    default List<String> selection(String sourceUuid, String rsp) {
        return selection(sourceUuid, rsp, null);
    }

    /** The RSPs whose instances stand on the source, with their counts, most first (one aggregate read). */
    List<dev.diffo.admin.domain.Rsp.Share> rsps(String sourceUuid);

    /** The most common label set among (up to 1,000 of) the instances on a specification, or an empty list when it has none. */
    List<String> commonLabels(String specUuid);

    /** How many instances {@link #selection} would return, without returning them. */
    long selectionCount(String sourceUuid, String rsp, String nameFilter);

    /**
     * Up to {@code limit} of the selected instances that carry one of {@code values}, by name after {@code after}
     * (keyset paging), optionally only names containing {@code contains}: the per-instance remedies' list.
     */
    List<InstanceRef> carrying(String sourceUuid, String rsp, String nameFilter, List<StoredValue> values, String contains, String after, int limit);

    /**
     * The distinct characteristic values of the RSP's instances on the source with how many carry each, most
     * common first: the check judges each distinct value once instead of reading every instance.
     */
    List<ValueCount> valueCounts(String sourceUuid, String rsp, String nameFilter);

    /**
     * The RSP's distinct values on the source from the counts the app keeps, with its instance total there and when they
     * were counted, for a check of a million instances that need not read them all: only where the counts are kept by
     * the RSP role in use, keep every characteristic by value and still add up to the source's instances.
     */
    record KeptValues(List<ValueCount> values, long instances, java.time.ZonedDateTime countedAt) {
        public KeptValues {
            values = List.copyOf(values);
        }
    }

    /** {@link KeptValues} of the RSP on the source, or empty where the counts cannot serve (then {@link #valueCounts} reads them). */
    default java.util.Optional<KeptValues> keptValues(String sourceUuid, String rsp) {
        return java.util.Optional.empty();
    }

    /** Starts a run, refusing when another unfinished run already covers the same source and RSP. */
    MigrationRun startRun(MigrationPlan plan, MigrationRun.Kind kind, String undoOf, String actor, String owner, long total);

    /** Takes over an unfinished run (after a crash); refused while another live process holds it. */
    MigrationRun claim(String runUuid, String owner);

    /**
     * One batch in one transaction: lock each instance, skip it if it is no longer on the source, decide,
     * rewrite values, respecify, and record the prior state in the ledger. With {@code rollback} nothing is
     * kept (dry run).
     */
    BatchResult migrateBatch(MigrationRun run, String owner, int index, List<String> elementIds, Decider decider, boolean rollback);

    /** The index the run's next batch takes (one past the highest recorded; batches side by side may land out of order). */
    int nextBatchIndex(String runUuid);

    /** One recorded batch of {@code runUuid} undone in one transaction; returns how many instances moved back. */
    int undoBatch(MigrationRun undo, String owner, String runUuid, int index);

    /** Indexes of the run's batches not yet undone. */
    List<Integer> undoableBatches(String runUuid);

    /** One migrated instance as the ledger records it. */
    record LedgerEntry(int batch, String instanceUuid, int valuesRewritten, boolean undone, List<ValueRewrite> rewrites) {
        public LedgerEntry {
            rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
        }

        /** An entry without its values (the count only). */
        public LedgerEntry(int batch, String instanceUuid, int valuesRewritten, boolean undone) {
            this(batch, instanceUuid, valuesRewritten, undone, List.of());
        }
    }

    /** Every instance the run moved, batch by batch, for the run's CSV. */
    List<LedgerEntry> ledger(String runUuid);

    /** The values the run rewrote, batch by batch, the first {@code limit} (the verify table; stops reading once it has them). */
    default List<ValueRewrite> rewrites(String runUuid, int limit) {
        return ledger(runUuid).stream().flatMap(e -> e.rewrites().stream()).limit(limit).toList();
    }

    /** Every instance the run's batches left on the source, with the reason, in batch order. */
    List<Left> leftOnSource(String runUuid);

    MigrationRun finish(String runUuid, MigrationRun.Status status, String error);

    Optional<MigrationRun> run(String runUuid);

    List<MigrationRun> runs(String sourceOrTargetUuid);
}
