package dev.diffo.admin.migration;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.repository.MigrationRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import dev.diffo.admin.domain.CharacteristicFields;
import dev.diffo.admin.domain.ValueRewrite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** After a run: its results as CSV, the verify step (what remains on the source, and why), and the runs on record. */
@Singleton
public class MigrationReport {

    /** How many of the instances a run left on the source the verify step names one by one. */
    static final int VERIFY_SAMPLE = 20;

    /** How many of the values a run rewrote the verify table shows (the CSV has them all). */
    public static final int VERIFY_ROWS = 1_000;

    private final MigrationRepository repository;
    private final CurrentAccess access;

    @Inject
    public MigrationReport(MigrationRepository repository, CurrentAccess access) {
        this.repository = repository;
        this.access = access;
    }

    /** The run, or a clear error; another RSP's run is refused to an RSP operator. */
    private MigrationRun ownRun(String runUuid, String what) {
        MigrationRun run = repository.run(runUuid).orElseThrow(() -> new DiffoAdminException("There is no migration run " + runUuid, ""));
        access.requireRsp(run.rsp(), what + " of run " + runUuid);
        return run;
    }

    /**
     * The run's results, one CSV row per instance it moved or left on the source, with the reason (header first), then
     * the fields its values changed: {@code field} ({@code broadband.technology}), {@code before}, {@code after} (several
     * fields of one instance joined by {@code "; "}; empty where nothing was rewritten or a run recorded before the new
     * values were kept).
     */
    public void exportCsv(String runUuid, Appendable out) throws IOException {
        MigrationRun run = ownRun(runUuid, "Exporting the results");
        out.append("run,rsp,batch,instance_uuid,outcome,from_version,to_version,values_rewritten,undone,reason,field,before,after\n");
        for (MigrationRepository.LedgerEntry e : repository.ledger(runUuid)) {
            List<String> fields = new ArrayList<>();
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            for (ValueRewrite rewrite : e.rewrites()) {
                for (CharacteristicFields.Change change : rewrite.changes()) {
                    fields.add(rewrite.qualified(change.field()));
                    before.add(change.before() == null ? "" : change.before());
                    after.add(change.after() == null ? "" : change.after());
                }
            }
            out.append(String.join(",", run.uuid(), csv(run.rsp()), Integer.toString(e.batch()), e.instanceUuid(), "moved", run.sourceVersion(),
                    run.targetVersion(), Integer.toString(e.valuesRewritten()), Boolean.toString(e.undone()), "", csv(String.join("; ", fields)),
                    csv(String.join("; ", before)), csv(String.join("; ", after)))).append('\n');
        }
        for (MigrationRepository.Left l : repository.leftOnSource(runUuid)) {
            out.append(String.join(",", run.uuid(), csv(run.rsp()), "", l.uuid() == null ? "" : l.uuid(), l.outcome(), run.sourceVersion(),
                    "", "0", "false", csv(l.reason()), "", "", "")).append('\n');
        }
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\n") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** The verify step: what is left of the RSP on the source and, for a run, why it left the instances it did not move. */
    public Verification verify(MigrationRun run) {
        access.requireRsp(run.rsp(), "Verifying run " + run.uuid());
        long remaining = remaining(run.rsp(), run.sourceUuid());
        if (run.kind() != MigrationRun.Kind.RUN) {
            return new Verification(run, remaining, Map.of(), List.of());
        }
        return new Verification(run, remaining, leftReasons(run.uuid()), leftOnSource(run.uuid(), VERIFY_ROWS),
                repository.rewrites(run.uuid(), VERIFY_ROWS));
    }

    /** Why the run's instances that did not move stayed: reason → how many (the verify step's "failures"). */
    public Map<String, Long> leftReasons(String runUuid) {
        ownRun(runUuid, "Reading what was left");
        Map<String, Long> reasons = new TreeMap<>();
        for (MigrationRepository.Left l : repository.leftOnSource(runUuid)) {
            reasons.merge(l.outcome() + ": " + l.reason(), 1L, Long::sum);
        }
        return reasons;
    }

    /** The instances the run left on the source, with their reasons (up to {@code limit}). */
    public List<MigrationRepository.Left> leftOnSource(String runUuid, int limit) {
        ownRun(runUuid, "Reading what was left");
        List<MigrationRepository.Left> left = repository.leftOnSource(runUuid);
        return left.subList(0, Math.min(limit, left.size()));
    }

    /** How many of the RSP's instances still stand on the source. */
    public long remaining(String rsp, String sourceUuid) {
        return repository.selectionCount(sourceUuid, access.scopeRsp(rsp, "Counting instances"), null);
    }

    /** The run; another RSP's run is refused to an RSP operator. */
    public Optional<MigrationRun> findRun(String runUuid) {
        Optional<MigrationRun> run = repository.run(runUuid);
        run.ifPresent(r -> access.requireRsp(r.rsp(), "Reading run " + runUuid));
        return run;
    }

    /** The runs from or to the specification: an RSP operator's own RSP's only. */
    public List<MigrationRun> runs(String specUuid) {
        return repository.runs(specUuid).stream().filter(r -> access.covers(r.rsp())).toList();
    }
}
