package dev.diffo.admin.migration;

import dev.diffo.admin.domain.Dates;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.repository.MigrationRepository;
import java.util.Locale;
import java.util.Map;

/**
 * The migration said in words, for the wizard and the command line alike: what a check found, what a run or an
 * undo will do before it starts, how fast it goes, and what the verify step found. Text only: no rules, no scene.
 */
public final class MigrationText {

    private MigrationText() {
    }

    /** What happens to the labels, said plainly (diffo's respecify keeps them); empty when the source shows none. */
    public static String labelNote(Check check) {
        if (check.sourceLabels().isEmpty()) {
            return "";
        }
        String kept = "Moved instances keep their labels (:" + String.join(":", check.sourceLabels()) + "), as diffo's respecify does";
        String target = check.target().version();
        if (check.targetLabels().isEmpty()) {
            return kept + "; no instance stands on " + target + " yet to show a label of its own.";
        }
        if (check.relabelOffer() == null) {
            return kept + "; instances on " + target + " carry the same consumer labels.";
        }
        return kept + "; instances built for " + target + " carry :" + String.join(":", check.targetLabels())
                + ". Relabelling (" + check.relabelOffer() + ") is optional, recorded and undone with the run.";
    }

    /** Where the check's values came from, when not from the graph just now: the kept counts, and when they were counted; empty otherwise. */
    public static String valuesNote(Check check) {
        return check.valuesCountedAt() == null ? "" : "Values judged from the counts kept since " + dev.diffo.admin.domain.Dates.display(check.valuesCountedAt())
                + " (they match the graph's " + String.format(Locale.ROOT, "%,d", check.selected()) + " instances; File → Recount instances if diffo changed values"
                + " since). Each batch judges every instance's values again as it moves it.";
    }

    /** Said plainly when the target has no allowed values recorded (a catalogue diffo wrote has none); empty otherwise. */
    public static String rulesNote(Check check) {
        return check.targetRulesRecorded() ? "" : check.target().name() + " " + check.target().version()
                + " has no allowed values recorded (diffo keeps them in its code), so every value passes this check."
                + " Record them first (Versioning → Record allowed values…, or spec rules) to find the values it does not allow.";
    }

    /**
     * What a run of {@code plan} will do, from the check it was planned on, said before it starts: "Move 4 of acme's
     * instances from broadband v1.0.0 to v2.0.0, rewriting 2 values; batches of 5,000."
     */
    public static String describeRun(MigrationPlan plan, Check check) {
        return describeRun(plan, check, plan.rsp());
    }

    /** The same, naming the RSP as the user chose it ({@code ORG000000123456 · organizationId}). */
    public static String describeRun(MigrationPlan plan, Check check, String whose) {
        long excluded = check.offences().entrySet().stream().filter(e -> plan.excludes(e.getKey().key(), e.getKey().value()))
                .mapToLong(Map.Entry::getValue).sum();
        long rewriting = check.offences().entrySet().stream().filter(e -> !plan.excludes(e.getKey().key(), e.getKey().value())
                && plan.remap(e.getKey().key(), e.getKey().value()) != null).mapToLong(Map.Entry::getValue).sum();
        long ownExcluded = plan.perInstance().values().stream().filter(MigrationPlan.InstanceRemedy::exclude).count();
        long ownRemapped = plan.perInstance().size() - ownExcluded;
        long moving = Math.max(0, check.selected() - excluded - ownExcluded);
        StringBuilder text = new StringBuilder(String.format("Move %,d of %s's instances from %s %s to %s, rewriting %,d value%s; batches of %,d.",
                moving, whose, check.source().name(), check.source().version(), check.target().version(), rewriting,
                rewriting == 1 ? "" : "s", plan.batchSize()));
        if (excluded + ownExcluded > 0) {
            text.append(String.format("%n%,d stay%s on %s (excluded by the plan).", excluded + ownExcluded, excluded + ownExcluded == 1 ? "s" : "",
                    check.source().version()));
        }
        if (ownRemapped > 0) {
            text.append(String.format("%n%,d instance%s get%s a value of its own.", ownRemapped, ownRemapped == 1 ? "" : "s", ownRemapped == 1 ? "s" : ""));
        }
        if (plan.relabel() != null) {
            text.append("\nMoved instances are relabelled ").append(plan.relabel()).append('.');
        }
        text.append("\nEach batch is recorded; Undo last run puts them back.");
        return text.toString();
    }

    /** What undoing {@code run} will do, said before it starts. */
    public static String describeUndo(MigrationRun run) {
        boolean one = run.migrated() == 1;
        return String.format("Undo run %s (%s's instances, %s → %s, started %s by %s): %,d instance%s go%s back to %s with %s original values.",
                run.uuid(), run.rsp(), run.sourceVersion(), run.targetVersion(), Dates.display(run.startedAt()), run.actor(),
                run.migrated(), one ? "" : "s", one ? "es" : "", run.sourceVersion(), one ? "its" : "their");
    }

    /** The verify step's report: the run's counts, what remains on the source, and why the run left what it left. */
    public static String describe(Verification verified) {
        MigrationRun run = verified.run();
        StringBuilder text = new StringBuilder(String.format("%s %s: %,d moved, %,d excluded, %,d skipped in %d batch%s.%nInstances of %s remaining on %s: %,d",
                run.kind() == MigrationRun.Kind.RUN ? "Run" : "Undo", run.status().name().toLowerCase(Locale.ROOT), run.migrated(),
                run.excluded(), run.skipped(), run.batches(), run.batches() == 1 ? "" : "es", run.rsp(), run.sourceVersion(), verified.remaining()));
        if (verified.reasons().isEmpty()) {
            return text.toString();
        }
        text.append(System.lineSeparator()).append("Left on ").append(run.sourceVersion()).append(" by this run:");
        verified.reasons().forEach((reason, n) -> text.append(System.lineSeparator()).append(String.format("  %,d × %s", n, reason)));
        for (MigrationRepository.Left l : verified.sample().subList(0, Math.min(MigrationReport.VERIFY_SAMPLE, verified.sample().size()))) {
            if (l.uuid() != null) {
                text.append(System.lineSeparator()).append("    ").append(l.name()).append(" (").append(l.uuid()).append("): ").append(l.reason());
            }
        }
        if (Math.min(MigrationReport.VERIFY_SAMPLE, verified.sample().size()) < verified.reasons().values().stream().mapToLong(Long::longValue).sum()) {
            text.append(System.lineSeparator()).append("    … the CSV export lists them all");
        }
        return text.toString();
    }

    /** A run's pace: "4,000 of 10,000 · 2,000 instances/s · 3 s left". */
    public static String rateAndEta(long done, long total, long elapsedNanos) {
        return rateAndEta(done, total, "instances", elapsedNanos);
    }

    /** The pace of work counted in {@code unit} (instances for a run or a dry run, batches for an undo). */
    public static String rateAndEta(long done, long total, String unit, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
        return String.format("%,d of %,d · %,.0f %s/s · %s left", done, total, rate, unit, eta < 0 ? "?" : eta + " s");
    }
}
