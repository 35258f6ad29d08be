package dev.diffo.admin.cli;

import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.migration.Check;
import dev.diffo.admin.migration.DryRun;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.migration.MigrationText;
import dev.diffo.admin.migration.Verification;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The RSP operator's migration, headless: the same service as the wizard. */
@Command(name = "migrate", description = "Move an RSP's instances from one major to a newer one (check, dry run, run in batches, resume, undo).",
        subcommands = {MigrateCommand.Resume.class, MigrateCommand.Undo.class, MigrateCommand.Runs.class, MigrateCommand.Export.class})
public class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    private final Provider<CatalogueService> catalogue;
    private final Provider<MigrationService> migration;

    @Inject
    public MigrateCommand(Provider<CatalogueService> catalogue, Provider<MigrationService> migration) {
        this.catalogue = catalogue;
        this.migration = migration;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--rsp", paramLabel = "RSP", description = "Whose instances: the key of the party in the RSP role (e.g. ORG000000123456), or the name prefix (acme); a party name only when one party has it.") String rsp;
    @Option(names = "--name", paramLabel = "NAME", description = "Specification name, e.g. broadband.") String name;
    @Option(names = "--from", paramLabel = "MAJOR", description = "Source major, e.g. 1.") Long from;
    @Option(names = "--to", paramLabel = "MAJOR", description = "Target major, e.g. 2.") Long to;
    @Option(names = "--map", paramLabel = "KEY=FROM:TO", description = "Remediate: broadband.technology=fttb:fttn; repeatable.") List<String> maps = List.of();
    @Option(names = "--exclude", paramLabel = "KEY=VALUE", description = "Leave instances with this value on the source; repeatable.") List<String> excludes = List.of();
    @Option(names = "--name-filter", paramLabel = "TEXT", description = "Only the RSP's instances whose name contains TEXT (any case).") String nameFilter;
    @Option(names = "--instance", paramLabel = "UUID=KEY:VALUE|UUID=exclude",
            description = "One instance's own remedy, over the --map/--exclude of its value: a value to write, or exclude; repeatable.") List<String> instances = List.of();
    @Option(names = "--relabel", description = "Also swap the moved instances' consumer-module labels for those of instances built for the target (as the check offers; undone with the run).") boolean relabel;
    @Option(names = "--batch-size", defaultValue = "" + MigrationPlan.DEFAULT_BATCH_SIZE, description = "Instances per transaction (default ${DEFAULT-VALUE}).") int batchSize;
    @Option(names = "--dry-run", description = "Run the whole plan in transactions that are rolled back; report what would change.") boolean dryRun;
    @Option(names = "--check", description = "Only list the instances that need remediation, grouped by value.") boolean checkOnly;
    @Option(names = "--yes", description = "Run after printing what the run will do (without it nothing is written; exit code 1).") boolean yes;

    @Override
    public Integer call() {
        if (rsp == null || name == null || from == null || to == null) {
            spec.commandLine().getErr().println("migrate needs --rsp, --name, --from and --to (or a subcommand: resume, undo, runs)");
            return 2;
        }
        CliChecks.batchSize(batchSize);
        context.connect();
        PrintWriter out = spec.commandLine().getOut();
        Specification source = catalogue.get().require(name, from);
        Specification target = catalogue.get().require(name, to);
        Rsp owner = migration.get().resolveRsp(source.uuid(), rsp);
        String rsp = owner.key();
        Check check = migration.get().check(rsp, source.uuid(), target.uuid(), nameFilter);
        String labelNote = printCheck(out, owner, check, source, target);
        if (checkOnly) {
            out.flush();
            return 0;
        }
        if (relabel && check.relabelOffer() == null) {
            throw new dev.diffo.admin.domain.InvalidInputException("--relabel: " + labelNote, "Run without --relabel. Nothing was written.");
        }
        MigrationPlan plan = new MigrationPlan(rsp, source.uuid(), target.uuid(), mapping(maps), exclusions(excludes), batchSize,
                perInstance(instances), nameFilter, relabel ? check.relabelOffer() : null);
        migration.get().warnings(plan, check).forEach(w -> out.println("  warning: " + w));
        if (dryRun) {
            printDryRun(out, plan, migration.get().dryRun(plan, check, Progress.NONE));
            return 0;
        }
        migration.get().validate(plan, check);
        out.println(MigrationText.describeRun(plan, check, owner.display()));
        if (!yes) {
            out.println("Not run: run again with --yes to move the instances.");
            out.flush();
            return 1;
        }
        return report(out, migration.get().run(plan, check, printer(out)), migration.get());
    }

    /** What the check found; returns the note on labels (empty when there is none). */
    private String printCheck(PrintWriter out, Rsp owner, Check check, Specification source, Specification target) {
        out.printf("%s (%s): %,d instance%s on %s %s; target %s%n", owner.display(), owner.how(), check.selected(),
                check.selected() == 1 ? "" : "s", name, source.version(), target.version());
        String rulesNote = MigrationText.rulesNote(check);
        if (!rulesNote.isEmpty()) {
            out.println("  note: " + rulesNote);
        }
        check.offences().forEach((offence, n) -> out.printf("  needs remediation: %,d with %s%n", n, offence));
        String valuesNote = MigrationText.valuesNote(check);
        if (!valuesNote.isEmpty()) {
            out.println("  note: " + valuesNote);
        }
        String labelNote = MigrationText.labelNote(check);
        if (!labelNote.isEmpty()) {
            out.println("  " + labelNote);
        }
        return labelNote;
    }

    private static void printDryRun(PrintWriter out, MigrationPlan plan, DryRun result) {
        out.printf("Dry run (nothing written): %,d would move, %,d excluded, %,d skipped%s%n", result.wouldMigrate(), result.wouldExclude(), result.skipped(),
                plan.relabel() == null ? "" : String.format(", %,d relabelled %s", result.wouldRelabel(), plan.relabel()));
        // the first few rewrites as fields (technology: fttb → fttn), the stored JSON after them
        result.rewrites().stream().limit(5).forEach(r -> {
            String fields = String.join(", ", r.changes().stream().map(c -> c.text()).toList());
            out.println("  " + r.instanceName() + ": " + (fields.isEmpty() ? "(no field changes)" : fields) + "\n    " + r.before() + " → " + r.after());
        });
        out.flush();
    }

    static Map<String, Map<String, String>> mapping(List<String> maps) {
        Map<String, Map<String, String>> mapping = new HashMap<>();
        for (String m : maps) {
            Offence offence = Offence.parse(m);
            int colon = offence.value().indexOf(':');
            if (colon < 1 || colon == offence.value().length() - 1) {
                throw new dev.diffo.admin.domain.InvalidInputException("'" + m + "' is not KEY=FROM:TO", "e.g. broadband.technology=fttb:fttn");
            }
            mapping.computeIfAbsent(offence.key(), k -> new HashMap<>())
                    .put(offence.value().substring(0, colon).strip(), offence.value().substring(colon + 1).strip());
        }
        return mapping;
    }

    /** {@code UUID=exclude} or {@code UUID=KEY:VALUE} (several values of one instance: repeat the option). */
    static Map<String, MigrationPlan.InstanceRemedy> perInstance(List<String> options) {
        Map<String, MigrationPlan.InstanceRemedy> remedies = new HashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            String uuid = eq < 0 ? option : option.substring(0, eq).strip();
            String what = eq < 0 ? "" : option.substring(eq + 1).strip();
            int colon = what.lastIndexOf(':');
            if ("exclude".equalsIgnoreCase(what)) {
                remedies.put(uuid, MigrationPlan.InstanceRemedy.excluded());
            } else if (colon > 0 && colon < what.length() - 1) {
                MigrationPlan.InstanceRemedy before = remedies.get(uuid);
                if (before != null && before.exclude()) {
                    throw new dev.diffo.admin.domain.InvalidInputException("Instance " + uuid + " is both excluded and remapped", "Give it one remedy.");
                }
                Map<String, String> values = new HashMap<>(before == null ? Map.of() : before.values());
                values.put(what.substring(0, colon).strip(), what.substring(colon + 1).strip());
                remedies.put(uuid, new MigrationPlan.InstanceRemedy(false, values));
            } else {
                throw new dev.diffo.admin.domain.InvalidInputException("'" + option + "' is not UUID=KEY:VALUE or UUID=exclude",
                        "e.g. --instance 0b7c…=broadband.technology:fttp or --instance 0b7c…=exclude");
            }
        }
        return remedies;
    }

    static Set<Offence> exclusions(List<String> excludes) {
        Set<Offence> set = new HashSet<>();
        excludes.forEach(e -> set.add(Offence.parse(e)));
        return set;
    }

    /** Progress on the terminal: one line per batch. */
    static Progress printer(PrintWriter out) {
        return new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public void message(String message) {
                out.println("  " + message);
                out.flush();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    static int report(PrintWriter out, MigrationRun run, MigrationService migration) {
        out.printf("Run %s %s: %,d moved, %,d excluded, %,d skipped in %d batches%n", run.uuid(), run.status().name().toLowerCase(java.util.Locale.ROOT),
                run.migrated(), run.excluded(), run.skipped(), run.batches());
        if (run.kind() == MigrationRun.Kind.RUN) {
            Verification verified = migration.verify(run);
            out.printf("Instances of %s remaining on %s: %,d%n", run.rsp(), run.sourceVersion(), verified.remaining());
            verified.reasons().forEach((reason, n) -> out.printf("  left on %s: %,d × %s%n", run.sourceVersion(), n, reason));
        }
        out.flush();
        return 0;
    }

    /** Connects, runs one ledger operation with progress printed, and reports the run. */
    int runAndReport(java.util.function.BiFunction<MigrationService, Progress, MigrationRun> operation) {
        context.connect();
        PrintWriter out = spec.commandLine().getOut();
        return report(out, operation.apply(migration.get(), printer(out)), migration.get());
    }

    @Command(name = "resume", description = "Resume an interrupted or paused run (or undo).")
    static class Resume implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;
        @Parameters(paramLabel = "RUN") String run;

        @Override
        public Integer call() {
            CliChecks.runId(run);
            return parent.runAndReport((migration, progress) -> migration.resume(run, progress));
        }
    }

    @Command(name = "undo", description = "Undo a run: each instance back on its source with its original values, as a run of its own. "
            + "Prints what it will do; --yes to go ahead.")
    static class Undo implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;
        @Parameters(paramLabel = "RUN") String run;
        @Option(names = "--yes", description = "Undo after printing what it will do.") boolean yes;

        @Override
        public Integer call() {
            CliChecks.runId(run);
            parent.context.connect();
            PrintWriter out = parent.spec.commandLine().getOut();
            MigrationRun found = parent.migration.get().findRun(run)
                    .orElseThrow(() -> new dev.diffo.admin.domain.DiffoAdminException("There is no migration run " + run, "List the runs with: migrate runs --name NAME --major N"));
            out.println(MigrationText.describeUndo(found));
            if (!yes) {
                out.println("Not undone: run again with --yes to undo run " + run + ".");
                out.flush();
                return 1;
            }
            return parent.runAndReport((migration, progress) -> migration.undo(run, progress));
        }
    }

    @Command(name = "export", description = "Write a run's results as CSV: one row per instance it moved.")
    static class Export implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;
        @Parameters(paramLabel = "RUN") String run;
        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.") java.nio.file.Path file;

        @Override
        public Integer call() throws java.io.IOException {
            CliChecks.runId(run);
            if (file != null) {
                CliChecks.outputFile(file);
            }
            parent.context.connect();
            MigrationService migration = parent.migration.get();
            if (file == null) {
                PrintWriter out = parent.spec.commandLine().getOut();
                migration.exportCsv(run, out);
                out.flush();
            } else {
                CliChecks.writeAtomically(file, writer -> migration.exportCsv(run, writer));
                parent.spec.commandLine().getOut().println("Wrote " + file);
                parent.spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "runs", description = "List the runs that moved instances off or onto a specification.")
    static class Runs implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--major", required = true) long major;

        @Override
        public Integer call() {
            parent.context.connect();
            PrintWriter out = parent.spec.commandLine().getOut();
            Specification s = parent.catalogue.get().require(name, major);
            for (MigrationRun r : parent.migration.get().runs(s.uuid())) {
                out.printf("%s  %-6s %-11s %s %s → %s  %,d moved  %s  %s%s%n", r.uuid(), r.kind(), r.status(), r.rsp(), r.sourceVersion(),
                        r.targetVersion(), r.migrated(), r.actor(), dev.diffo.admin.domain.Dates.display(r.startedAt()), r.error() == null ? "" : "  error: " + r.error());
            }
            out.flush();
            return 0;
        }
    }
}
