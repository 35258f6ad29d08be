package dev.diffo.admin.migration;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.PlanCodec;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.VersioningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The migration as the wizard and the command line call it, one step after another: the check
 * ({@link MigrationCheck}), the dry run, run, resume and undo through one batch pump ({@link MigrationRuns}),
 * and the verify step and the CSV ({@link MigrationReport}). What they say in words is {@link MigrationText}'s.
 */
@Singleton
public class MigrationService {

    private final MigrationCheck checks;
    private final MigrationRuns runs;
    private final MigrationReport report;

    @Inject
    public MigrationService(MigrationCheck checks, MigrationRuns runs, MigrationReport report) {
        this.checks = checks;
        this.runs = runs;
        this.report = report;
    }

    /** Built by hand (no injector): its reads and batches run on {@code executor}. */
    public MigrationService(MigrationRepository repository, CatalogueRepository catalogue, VersioningRepository versioning, Operator operator,
                            ExecutorService executor, CurrentAccess access) {
        this(new MigrationCheck(repository, catalogue, versioning, executor, access), repository, versioning, operator, new BatchPump(executor), access);
    }

    /** Built by hand without an executor (tests over fakes): its reads and batches run one after another on the caller's thread. */
    public MigrationService(MigrationRepository repository, CatalogueRepository catalogue, VersioningRepository versioning, Operator operator,
                            CurrentAccess access) {
        this(repository, catalogue, versioning, operator, new CallerThreadExecutor(), access);
    }

    private MigrationService(MigrationCheck checks, MigrationRepository repository, VersioningRepository versioning, Operator operator, BatchPump pump,
                             CurrentAccess access) {
        this(checks, new MigrationRuns(repository, versioning, operator, checks, pump, access), new MigrationReport(repository, access));
    }

    /** The access this service enforces, for the screens to disable what it would refuse. */
    public CurrentAccess currentAccess() {
        return checks.currentAccess();
    }

    /** The RSPs with instances on the source, with their counts (the wizard's choice). */
    public List<Rsp.Share> rsps(String sourceUuid) {
        return checks.rsps(sourceUuid);
    }

    /** See {@link MigrationCheck#resolveRsp}. */
    public Rsp resolveRsp(String sourceUuid, String given) {
        return checks.resolveRsp(sourceUuid, given);
    }

    public Check check(String rsp, String sourceUuid, String targetUuid) {
        return check(rsp, sourceUuid, targetUuid, null);
    }

    public Check check(String rsp, String sourceUuid, String targetUuid, String nameFilter) {
        return check(rsp, sourceUuid, targetUuid, nameFilter, Progress.NONE);
    }

    /** See {@link MigrationCheck#check}: cancelling {@code progress} abandons the check. */
    public Check check(String rsp, String sourceUuid, String targetUuid, String nameFilter, Progress progress) {
        return checks.check(rsp, sourceUuid, targetUuid, nameFilter, progress);
    }

    /** How many instances a check with these choices would select (the wizard's live count). */
    public long count(String rsp, String sourceUuid, String nameFilter) {
        return checks.count(rsp, sourceUuid, nameFilter);
    }

    /** A page of the checked instances carrying an offending value, for per-instance remedies (by name, after {@code after}). */
    public List<MigrationRepository.InstanceRef> carrying(Check check, Offence offence, String contains, String after, int limit) {
        return checks.carrying(check, offence, contains, after, limit);
    }

    /** Every offending value must be remapped to an allowed value or excluded before anything runs; a relabel must be the one offered. */
    public void validate(MigrationPlan plan, Check check) {
        checks.validate(plan, check);
    }

    /** What the plan asks of fields the target has no allowed values recorded for, said plainly. */
    public List<String> warnings(MigrationPlan plan, Check check) {
        return checks.warnings(plan, check);
    }

    /** Checks, then dry-runs the plan. */
    public DryRun dryRun(MigrationPlan plan, Progress progress) {
        return dryRun(plan, check(plan.rsp(), plan.sourceUuid(), plan.targetUuid(), plan.nameFilter(), progress), progress);
    }

    /** The whole plan on a check the caller made, batch by batch, each batch rolled back: counts and a sample, nothing written. */
    public DryRun dryRun(MigrationPlan plan, Check check, Progress progress) {
        return runs.dryRun(plan, check, progress);
    }

    /** Checks, then runs a migration; cancelling pauses it between batches (resumable). */
    public MigrationRun run(MigrationPlan plan, Progress progress) {
        return run(plan, check(plan.rsp(), plan.sourceUuid(), plan.targetUuid(), plan.nameFilter(), progress), progress);
    }

    /** See {@link MigrationRuns#run}. */
    public MigrationRun run(MigrationPlan plan, Check check, Progress progress) {
        return runs.run(plan, check, progress);
    }

    /** Continues an interrupted or paused run: what is still on the source is what is left; nothing moves twice. */
    public MigrationRun resume(String runUuid, Progress progress) {
        return runs.resume(runUuid, progress);
    }

    /** Undoes a run as a run of its own: each instance back on its source spec with its original values. */
    public MigrationRun undo(String runUuid, Progress progress) {
        return runs.undo(runUuid, progress);
    }

    /** The plan a run was started with, as its ledger keeps it. */
    static MigrationPlan planOf(MigrationRun run) {
        return PlanCodec.planOf(run);
    }

    /** The run's results, one CSV row per instance it moved or left on the source, with the reason (header first). */
    public void exportCsv(String runUuid, Appendable out) throws IOException {
        report.exportCsv(runUuid, out);
    }

    public Verification verify(MigrationRun run) {
        return report.verify(run);
    }

    /** Why the run's instances that did not move stayed: reason → how many. */
    public Map<String, Long> leftReasons(String runUuid) {
        return report.leftReasons(runUuid);
    }

    /** The instances the run left on the source, with their reasons (up to {@code limit}). */
    public List<MigrationRepository.Left> leftOnSource(String runUuid, int limit) {
        return report.leftOnSource(runUuid, limit);
    }

    /** How many of the RSP's instances still stand on the source. */
    public long remaining(String rsp, String sourceUuid) {
        return report.remaining(rsp, sourceUuid);
    }

    public Optional<MigrationRun> findRun(String runUuid) {
        return report.findRun(runUuid);
    }

    public List<MigrationRun> runs(String specUuid) {
        return report.runs(specUuid);
    }
}
