package dev.diffo.admin.cli;

import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.migration.Check;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.catalogue.ReadSchemaService;
import dev.diffo.admin.repository.BenchmarkRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Measures a migration at scale: seeds N of Acme's instances on broadband v1 (a quarter with the retired
 * fttb, remapped to fttn) into an empty store, then times a real run with ledger and progress against its
 * yardstick, the bare batched respecify of the same instances in batches of the same size, in the same JVM.
 */
@Command(name = "benchmark", description = "Time a migration of N instances (needs an empty store: use --data-dir with a new directory).")
public class BenchmarkCommand implements Callable<Integer> {

    static final String V1 = BenchmarkSupport.V1;
    static final String V2 = BenchmarkSupport.V2;

    @ParentCommand
    CommandContext context;

    private final Provider<BenchmarkRepository> seeding;
    private final Provider<DemoService> demo;
    private final Provider<MigrationService> migration;
    private final Provider<ReadSchemaService> readSchema;

    @Inject
    public BenchmarkCommand(Provider<BenchmarkRepository> seeding, Provider<DemoService> demo, Provider<MigrationService> migration, Provider<ReadSchemaService> readSchema) {
        this.seeding = seeding;
        this.demo = demo;
        this.migration = migration;
        this.readSchema = readSchema;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--instances", defaultValue = "100000", description = "How many instances to migrate (default ${DEFAULT-VALUE}).") long instances;
    @Option(names = "--batch-size", defaultValue = "" + MigrationPlan.DEFAULT_BATCH_SIZE) int batchSize;
    @Option(names = "--undo", description = "Then time the undo of the run (every instance back on v1 with its values).") boolean undo;
    @Option(names = "--parties", description = "Seed in diffo's livebook shape: three PartyRefs per instance (SiteContact, Provider, Reseller), three resellers "
            + "in turn; the run moves the first reseller's instances, found by party key.") boolean parties;
    @Option(names = "--kept-counts", description = "Also count the instances as the window does on connect, so that every batch keeps the counts "
            + "(a tally before and after each batch); without it only the read indexes are built.") boolean keptCounts;
    @Option(names = "--rounds", defaultValue = "1", description = "Migrate, undo and migrate again this many times in the same JVM (all after the warm-up of ours and of the yardstick).") int rounds;

    /** Whose instances move: acme (name prefix), or the first reseller by party key with --parties. */
    private String rsp = "acme";

    @Override
    public Integer call() {
        context.connect();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("seeded %,d instances%s in %.1f s%n", instances, parties ? " with their parties" : "",
                BenchmarkSupport.seed(seeding.get(), demo.get(), instances, List.of("fttb", "fttp", "fttn", "fttc"), parties));
        out.flush();
        readIndexes(out);
        long listStart = System.nanoTime();
        var rsps = migration.get().rsps(V1);
        out.printf("RSPs on v1 (the wizard's list, %s): %s in %.1f s%n", keptCounts ? "from the kept counts" : "one aggregate read of every instance",
                dev.diffo.admin.domain.Rsp.list(rsps), (System.nanoTime() - listStart) / 1e9);
        rsp = rsps.getFirst().rsp().key();
        var check = migration.get().check(rsp, V1, V2);
        out.printf("warm-up (JIT and page cache), the yardstick: the bare respecify there and back, %s%n", bareThereAndBack(check.selection(), V1, V2));
        out.flush();
        // the yardstick's pass there and back leaves every instance where the check found it
        out.printf("warm-up (JIT), ours: %s%n", warmUpOurs(migration.get(), check));
        out.flush();
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                out.printf("round %d of %d%n", round, rounds);
            }
            round(out, migration.get(), undo || round < rounds);
        }
        return 0;
    }

    /**
     * The read indexes (and, with {@code --kept-counts}, the kept counts) built on the seeded store and waited for, as
     * on a store the app opened before: the run's start would otherwise create them and their population (five
     * indexes on every instance, one a TEXT index) would run on the same cores as the timed run.
     */
    private void readIndexes(PrintWriter out) {
        long start = System.nanoTime();
        String what;
        if (keptCounts) {
            what = readSchema.get().prepare(Progress.NONE);
        } else {
            readSchema.get().createIndexes();
            what = "Read indexes created";
        }
        String waiting;
        while ((waiting = readSchema.get().indexesNotOnline()) != null) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while " + waiting, e);
            }
        }
        out.printf("%s; online %.1f s after they were created (not timed below)%n", what, (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    /**
     * The yardstick: every selected instance swapped from {@code from} to {@code to} and back by the bare batched
     * respecify ({@link BenchmarkRepository#bareRespecify}), one batch of {@code --batch-size} per transaction, one at a time.
     * Returns the instances/s of the two passes together, and says it.
     */
    private String bareThereAndBack(List<String> ids, String from, String to) {
        double cpu = cpuSeconds();
        double there = bare(ids, from, to);
        double back = bare(ids, to, from);
        lastBareRate = 2.0 * ids.size() / (there + back);
        return String.format("%,d instances each way in batches of %,d: %.1f s and %.1f s, %,.0f instances/s (%.1f s of CPU for both)", ids.size(), batchSize,
                there, back, lastBareRate, cpuSeconds() - cpu);
    }

    private double lastBareRate;

    private double bare(List<String> ids, String from, String to) {
        long start = System.nanoTime();
        for (int at = 0; at < ids.size(); at += batchSize) {
            seeding.get().bareRespecify(from, to, ids.subList(at, Math.min(ids.size(), at + batchSize)));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Batches of ours run (and undone) before the timed rounds, as the yardstick's own warm-up runs before it is timed. */
    static final int WARM_UP_BATCHES = 20;

    /**
     * The run and its undo on the first {@link #WARM_UP_BATCHES} batches of the selection (all of it when smaller), untimed
     * as a round: the yardstick's code is compiled by its warm-up, and ours must be too, or the first round compares a cold
     * run with a warm yardstick. Every instance is back on v1 with its values after it. Returns what it did, with its
     * own (cold) rate, which is what the first migration in a new process pays.
     */
    private String warmUpOurs(MigrationService migration, Check check) {
        var slice = check.selection().subList(0, (int) Math.min(check.selection().size(), (long) WARM_UP_BATCHES * batchSize));
        long start = System.nanoTime();
        MigrationRun run = migration.run(plan(), check.withSelection(slice), Progress.NONE);
        double runSeconds = (System.nanoTime() - start) / 1e9;
        long undoStart = System.nanoTime();
        MigrationRun undone = migration.undo(run.uuid(), Progress.NONE);
        double undoSeconds = (System.nanoTime() - undoStart) / 1e9;
        if (undone.migrated() != run.migrated()) {
            throw new IllegalStateException("The warm-up's undo moved back " + undone.migrated() + " of " + run.migrated() + " instances");
        }
        return String.format("the run and its undo on the first %,d instances: %.1f s (cold: %,.0f instances/s) and %.1f s; remaining on v1: %,d",
                run.migrated(), runSeconds, run.migrated() / runSeconds, undoSeconds, migration.remaining(rsp, V1));
    }

    /** The migration every run of the benchmark makes: the RSP's instances to v2, the retired fttb remapped to fttn. */
    private MigrationPlan plan() {
        return new MigrationPlan(rsp, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), batchSize);
    }

    /** One check and run (and undo, when asked or when another round follows), with figures. */
    private void round(PrintWriter out, MigrationService migration, boolean undoAfter) {
        var plan = plan();
        long checkStart = System.nanoTime();
        double checkCpu = cpuSeconds();
        var check = migration.check(rsp, V1, V2);
        double checkSeconds = (System.nanoTime() - checkStart) / 1e9;
        out.printf("check: %,d selected, %,d need remediation, %.1f s (%.1f s of CPU; values %s)%n", check.selected(), check.needingRemediation(), checkSeconds,
                cpuSeconds() - checkCpu, check.valuesCountedAt() == null ? "read from the graph" : "from the kept counts");
        HeapWatch runHeap = HeapWatch.start();
        long retriesBefore = seeding.get().retries();
        long start = System.nanoTime();
        double runCpu = cpuSeconds();
        MigrationRun run = migration.run(plan, check, new Progress() {
            long lastPrinted;

            @Override
            public void update(long done, long total) {
            }

            @Override
            public void message(String message) {
                long now = System.nanoTime();
                if (now - lastPrinted > 5_000_000_000L) {
                    out.println("  " + message);
                    out.flush();
                    lastPrinted = now;
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("migrated %,d instances (%,d remapped fttb → fttn) in %d batches of %,d: %.1f s, %,.0f instances/s (with ledger; %.1f s of CPU; "
                        + "%d batch(es) run again after a transient failure)%n",
                run.migrated(), check.needingRemediation(), run.batches(), batchSize, seconds, run.migrated() / seconds, cpuSeconds() - runCpu,
                seeding.get().retries() - retriesBefore);
        runHeap.close();
        double ours = run.migrated() / seconds;
        out.printf("remaining on v1: %,d; during the run: %s%n", migration.remaining(rsp, V1), runHeap.summary());
        out.flush();
        if (undoAfter) {
            HeapWatch undoHeap = HeapWatch.start();
            long undoStart = System.nanoTime();
            double undoCpu = cpuSeconds();
            MigrationRun undone = migration.undo(run.uuid(), Progress.NONE);
            double undoSeconds = (System.nanoTime() - undoStart) / 1e9;
            undoHeap.close();
            out.printf("undo: %,d instances back on v1 with their values in %.1f s, %,.0f instances/s (%.1f s of CPU; %s); remaining on v1: %,d%n",
                    undone.migrated(), undoSeconds, undone.migrated() / undoSeconds, cpuSeconds() - undoCpu, undoHeap.summary(), migration.remaining(rsp, V1));
            out.flush();
        }
        // the yardstick on the same instances, after the run: back and there when they stand on v2, there and back after the undo
        String yardstick = undoAfter ? bareThereAndBack(check.selection(), V1, V2) : bareThereAndBack(check.selection(), V2, V1);
        out.printf("bare batched respecify (the yardstick: swap only, no remediation, no ledger): %s%n", yardstick);
        out.printf("ours %,.0f instances/s, bare %,.0f instances/s: ratio %.2f%n", ours, lastBareRate, ours / lastBareRate);
        out.flush();
    }

    /** CPU time of this process so far (all threads, the embedded database's included): steadier than wall time on a shared machine. */
    static double cpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : Double.NaN;
    }

}
