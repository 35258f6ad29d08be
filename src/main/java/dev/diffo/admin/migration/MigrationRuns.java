package dev.diffo.admin.migration;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.PlanCodec;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.ConnectionLostException;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.StoredValue;
import dev.diffo.admin.domain.ValueRewrite;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.VersioningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves an RSP's instances from one major to a newer major of the same name (diffo's respecify), in batches
 * that each land whole or not at all, remediating values the target no longer allows, with a ledger that
 * lets a run resume after a crash and be undone. Every batch goes through the one {@link BatchPump}: a run, its
 * resume, an undo and a dry run all report progress and pause between batches the same way.
 */
@Singleton
public class MigrationRuns {

    private final MigrationRepository repository;
    private final VersioningRepository versioning;
    private final Operator operator;
    private final MigrationCheck checks;
    private final BatchPump pump;
    private final CurrentAccess access;
    /**
     * Runs (and undos) whose batches this process stopped pumping because the connection to Neo4j was lost, by the
     * owner they were run as. Once reconnected, this process may resume them at once: it knows no batch of its own is
     * in flight, so it takes the run over as the owner it had (another process still waits for the run's heartbeat
     * to go stale).
     */
    private final java.util.Map<String, String> lostHere = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    public MigrationRuns(MigrationRepository repository, VersioningRepository versioning, Operator operator, MigrationCheck checks, BatchPump pump,
                         CurrentAccess access) {
        this.repository = repository;
        this.versioning = versioning;
        this.operator = operator;
        this.checks = checks;
        this.pump = pump;
        this.access = access;
    }

    /** Refuses moving the RSP's instances unless the app may write instances and sees that RSP. */
    private void requireMoves(String rsp, String what) {
        access.requireInstanceWrites(what);
        access.requireRsp(rsp, what);
    }

    /** The run, or a clear error; refused when it is another RSP's than the one an RSP operator is bound to. */
    private MigrationRun ownRun(String runUuid, String what) {
        access.requireInstanceWrites(what + " run " + runUuid);
        MigrationRun run = repository.run(runUuid).orElseThrow(() -> new DiffoAdminException("There is no migration run " + runUuid, ""));
        access.requireRsp(run.rsp(), what + " run " + runUuid);
        return run;
    }

    /** The whole plan on a check the caller made, batch by batch, each batch rolled back: counts and a sample, nothing written. */
    public DryRun dryRun(MigrationPlan plan, Check check, Progress progress) {
        requireMoves(plan.rsp(), "A dry run (write transactions, rolled back) of a migration");
        requireSamePlan(plan, check);
        checks.validate(plan, check);
        List<String> selection = check.selection();
        MigrationRun pseudo = MigrationRun.builder().uuid("dry-run").kind(MigrationRun.Kind.RUN).rsp(plan.rsp())
                .sourceUuid(plan.sourceUuid()).targetUuid(plan.targetUuid()).sourceVersion(check.source().version())
                .targetVersion(check.target().version()).status(MigrationRun.Status.RUNNING).total(selection.size()).actor(operator.name())
                .batchSize(plan.batchSize()).nameFilter(plan.nameFilter()).relabel(plan.relabel()).build();
        Decider decider = Judge.decider(plan, check.targetRules(), check.unaffected());
        DryRunTally tally = new DryRunTally();
        List<Callable<Long>> work = new ArrayList<>();
        for (int from = 0, index = 0; from < selection.size(); from += plan.batchSize(), index++) {
            List<String> batch = selection.subList(from, Math.min(selection.size(), from + plan.batchSize()));
            int batchIndex = index;
            work.add(() -> {
                tally.add(repository.migrateBatch(pseudo, null, batchIndex, batch, decider, true));
                return (long) batch.size();
            });
        }
        // one batch at a time: stopped after a batch, a dry run has examined exactly what it reports (each batch was rolled back)
        BatchPump.Outcome outcome = pump.pump(new BatchPump.Batches("dry run", "instances", selection.size(), 1, work), progress);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return tally.result(selection.size(), outcome.done());
    }

    /**
     * Runs a migration on the selection of a check the caller has just made and shown (the wizard's and the
     * CLI's flow), without reading every instance twice. A value that appeared since the check and is not
     * mapped is not written: its instance stays on the source (counted as excluded).
     */
    public MigrationRun run(MigrationPlan plan, Check check, Progress progress) {
        requireMoves(plan.rsp(), "Migrating instances");
        requireSamePlan(plan, check);
        checks.validate(plan, check);
        String owner = Identifiers.newUuid4();
        MigrationRun run = repository.startRun(plan, MigrationRun.Kind.RUN, null, operator.name(), owner, check.selected());
        return execute(run, owner, Judge.decider(plan, check.targetRules(), check.unaffected()), check.selection(), plan.batchSize(), progress);
    }

    /** Continues an interrupted or paused run: what is still on the source is what is left; nothing moves twice. */
    public MigrationRun resume(String runUuid, Progress progress) {
        access.requireInstanceWrites("Resuming run " + runUuid);
        repository.run(runUuid).ifPresent(found -> access.requireRsp(found.rsp(), "Resuming run " + runUuid));
        String owner = lostHere.getOrDefault(runUuid, Identifiers.newUuid4());
        MigrationRun run = repository.claim(runUuid, owner);
        lostHere.remove(runUuid);
        if (run.kind() == MigrationRun.Kind.UNDO) {
            return undoBatches(run, owner, progress);
        }
        MigrationPlan plan = PlanCodec.planOf(run);
        List<CharacteristicRule> rules = versioning.rules(run.targetUuid());
        List<String> selection = repository.selection(run.sourceUuid(), run.rsp(), run.nameFilter());
        List<StoredValue> unaffected = checks.survey(run.sourceUuid(), run.rsp(), run.nameFilter(), rules).unaffected();
        return execute(run, owner, Judge.decider(plan, rules, unaffected), selection, plan.batchSize(), progress);
    }

    /** Undoes a run as a run of its own: each instance back on its source spec with its original values. */
    public MigrationRun undo(String runUuid, Progress progress) {
        MigrationRun original = ownRun(runUuid, "Undoing");
        if (original.kind() != MigrationRun.Kind.RUN || original.status() == MigrationRun.Status.UNDONE) {
            throw new InvalidInputException("Run " + runUuid + " cannot be undone (" + original.kind() + ", " + original.status() + ")",
                    "Only a migration run that is not undone yet can be undone.");
        }
        if (original.status() == MigrationRun.Status.RUNNING) {
            throw new InvalidInputException("Run " + runUuid + " is still running", "Pause or let it finish first.");
        }
        String owner = Identifiers.newUuid4();
        MigrationRun undo = repository.startRun(PlanCodec.planOf(original), MigrationRun.Kind.UNDO, runUuid, operator.name(), owner, original.migrated());
        return undoBatches(undo, owner, progress);
    }

    /**
     * Pumps the selection's batches, each its own transaction on disjoint instances. Cancelling pauses the run
     * once the batches in flight land; a failing batch leaves nothing of itself, the others are kept.
     */
    private MigrationRun execute(MigrationRun run, String owner, Decider decider, List<String> selection, int batchSize, Progress progress) {
        int index = repository.nextBatchIndex(run.uuid());
        List<Callable<Long>> work = new ArrayList<>();
        for (int from = 0; from < selection.size(); from += batchSize, index++) {
            List<String> batch = selection.subList(from, Math.min(selection.size(), from + batchSize));
            int batchIndex = index;
            work.add(() -> {
                repository.migrateBatch(run, owner, batchIndex, batch, decider, false);
                return (long) batch.size();
            });
        }
        BatchPump.Outcome outcome = pump.pump(new BatchPump.Batches("migration", "instances", selection.size(), BatchPump.BATCHES_IN_FLIGHT, work),
                progress);
        if (outcome.failure() != null) {
            throw stopped(run.uuid(), owner, outcome.failure(), String.format("The migration stopped after %,d of %,d instances", outcome.done(), selection.size()));
        }
        return repository.finish(run.uuid(), outcome.paused() ? MigrationRun.Status.PAUSED : MigrationRun.Status.COMPLETED, null);
    }

    /** Undoes the run's batches (newest first), each one transaction on its own instances; cancelling pauses the undo. */
    private MigrationRun undoBatches(MigrationRun undo, String owner, Progress progress) {
        List<Integer> batches = repository.undoableBatches(undo.undoOf());
        AtomicLong moved = new AtomicLong();
        List<Callable<Long>> work = batches.stream().<Callable<Long>>map(index -> () -> {
            moved.addAndGet(repository.undoBatch(undo, owner, undo.undoOf(), index));
            return 1L;
        }).toList();
        BatchPump.Outcome outcome = pump.pump(new BatchPump.Batches("undo", "batches", batches.size(), BatchPump.BATCHES_IN_FLIGHT, work), progress);
        if (outcome.failure() != null) {
            throw stopped(undo.uuid(), owner, outcome.failure(), String.format("The undo stopped after %,d instances", moved.get()));
        }
        if (outcome.paused()) {
            return repository.finish(undo.uuid(), MigrationRun.Status.PAUSED, null);
        }
        repository.finish(undo.undoOf(), MigrationRun.Status.UNDONE, null);
        return repository.finish(undo.uuid(), MigrationRun.Status.COMPLETED, null);
    }

    /** Records the run as interrupted and says how to resume it. */
    private DiffoAdminException stopped(String runUuid, String owner, RuntimeException failure, String howFar) {
        finishInterrupted(runUuid, failure);
        if (failure instanceof ConnectionLostException) {
            // the pump has stopped: no batch of this process is in flight, so this process may resume it at once
            lostHere.put(runUuid, owner);
        }
        return new DiffoAdminException(howFar + ": " + failure.getMessage() + " (run " + runUuid + ")",
                "Every finished batch is kept and every instance is on exactly one specification. Resume it with:\n"
                        + "diffo-admin migrate resume " + runUuid, failure);
    }

    /**
     * Records the run as interrupted, unless the connection is gone (that write would only wait out the driver's
     * retries and fail too): the run then stays running, and a resume takes it over once its heartbeat is stale.
     */
    private void finishInterrupted(String runUuid, RuntimeException failure) {
        if (failure instanceof ConnectionLostException) {
            return;
        }
        try {
            repository.finish(runUuid, MigrationRun.Status.INTERRUPTED, failure.getMessage());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void requireSamePlan(MigrationPlan plan, Check check) {
        if (!check.source().uuid().equals(plan.sourceUuid()) || !check.target().uuid().equals(plan.targetUuid())
                || !check.rsp().equalsIgnoreCase(plan.rsp()) || !Objects.equals(check.nameFilter(), plan.nameFilter())) {
            throw new IllegalArgumentException("the check is for another plan");
        }
    }

    /** What the dry run's batches found, added up as they land. */
    private static final class DryRunTally {
        private long migrate;
        private long exclude;
        private long skipped;
        private long relabel;
        private final List<ValueRewrite> rewrites = new ArrayList<>();
        private final List<MigrationRepository.Left> left = new ArrayList<>();

        synchronized void add(MigrationRepository.BatchResult result) {
            migrate += result.migrated();
            exclude += result.excluded();
            skipped += result.skipped();
            relabel += result.relabelled();
            result.rewrites().stream().limit(Math.max(0, DryRun.ROWS_SHOWN - rewrites.size())).forEach(rewrites::add);
            result.left().stream().limit(Math.max(0, DryRun.ROWS_SHOWN - left.size())).forEach(left::add);
        }

        synchronized DryRun result(long selected, long examined) {
            return new DryRun(selected, migrate, exclude, skipped, relabel, rewrites, left, examined);
        }
    }
}
