package dev.diffo.admin.cli;

import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.readiness.ReadinessService;
import dev.diffo.admin.repository.BenchmarkRepository;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.ReadinessRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
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
 * Measures the withdrawal-readiness view's reads at scale: seeds N instances on broadband v1 in diffo's shape with
 * three resellers (as {@code benchmark --parties}), migrates the first reseller's instances to v2 so that the ledger
 * has batches, then times each read (the per-RSP counts walked from the parties, the majors, the ledger's batches, and
 * the whole view), next to the aggregate that works out every instance's RSP (the wizard's RSP list) for comparison.
 */
@Command(name = "readiness-benchmark", description = "Time the withdrawal-readiness view's reads over N instances with three resellers (an empty store: use --data-dir with a new directory; or --reuse one it seeded before).")
public class ReadinessBenchmarkCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    private final Provider<BenchmarkRepository> seeding;
    private final Provider<DemoService> demo;
    private final Provider<ReadinessRepository> readiness;
    private final Provider<ReadinessService> service;
    private final Provider<MigrationService> migration;
    private final Provider<MigrationRepository> migrations;
    private final Provider<dev.diffo.admin.catalogue.ReadSchemaService> readSchema;
    private final Provider<dev.diffo.admin.repository.CatalogueRepository> catalogue;
    private final Provider<dev.diffo.admin.common.RspKeys> keys;

    @Inject
    public ReadinessBenchmarkCommand(Provider<BenchmarkRepository> seeding, Provider<DemoService> demo, Provider<ReadinessRepository> readiness, Provider<ReadinessService> service, Provider<MigrationService> migration, Provider<MigrationRepository> migrations, Provider<dev.diffo.admin.catalogue.ReadSchemaService> readSchema, Provider<dev.diffo.admin.repository.CatalogueRepository> catalogue, Provider<dev.diffo.admin.common.RspKeys> keys) {
        this.catalogue = catalogue;
        this.keys = keys;
        this.seeding = seeding;
        this.demo = demo;
        this.readiness = readiness;
        this.service = service;
        this.migration = migration;
        this.migrations = migrations;
        this.readSchema = readSchema;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--instances", defaultValue = "1000000", description = "How many instances to seed (default ${DEFAULT-VALUE}).") long instances;
    @Option(names = "--repeats", defaultValue = "5", description = "Times each read is repeated (default ${DEFAULT-VALUE}).") int repeats;
    @Option(names = "--batch-size", defaultValue = "10000", description = "Batch size of the migration that fills the ledger (default ${DEFAULT-VALUE}).") int batchSize;
    @Option(names = "--reuse", description = "Reuse a store this benchmark seeded before (same --instances): skip seeding and the migration.") boolean reuse;
    @Option(names = "--no-migration", description = "Do not migrate the first reseller first (the ledger stays empty).") boolean noMigration;

    @Override
    public Integer call() {
        context.connect();
        PrintWriter out = spec.commandLine().getOut();
        boolean reused = reuse && seeding.get().nodeCount() > 0;
        if (reused) {
            long there = readiness.get().majors("broadband").stream().mapToLong(dev.diffo.admin.domain.Specification::instanceCount).sum();
            if (there < instances) {
                throw new dev.diffo.admin.domain.DiffoAdminException("The store holds " + there + " broadband instances, not " + instances,
                        "Reuse a store seeded with the same --instances, or seed a new one (a new --data-dir, without --reuse).");
            }
            out.printf("reused the store: %,d broadband instances; each read %d times%n", there, repeats);
        } else {
            double seeded = BenchmarkSupport.seed(seeding.get(), demo.get(), instances, List.of("fttb", "fttp", "fttn", "fttc"), true);
            out.printf("seeded %,d instances on broadband v1 with three resellers in %.1f s; each read %d times%n", instances, seeded, repeats);
        }
        out.flush();
        if (!noMigration && !reused) {
            long start = System.nanoTime();
            MigrationRun run = migration.get().run(new MigrationPlan(BenchmarkSupport.RESELLERS.getFirst(), BenchmarkSupport.V1, BenchmarkSupport.V2,
                    Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), batchSize), Progress.NONE);
            out.printf("migrated %s's %,d instances to v2 in %d batches, %.1f s (the ledger's batches)%n", run.rsp(), run.migrated(), run.batches(),
                    (System.nanoTime() - start) / 1e9);
            out.flush();
        }
        HeapWatch heap = HeapWatch.start();
        BenchmarkSupport.time(out, "per-RSP counts per major, the store as it is", repeats, () -> readiness.get().shares("broadband"),
                ReadinessBenchmarkCommand::rows);
        BenchmarkSupport.time(out, "the wizard's RSP list on v1, the store as it is (every v1 instance's RSP worked out, unless counts are kept)",
                repeats, () -> migrations.get().rsps(BenchmarkSupport.V1), rsps -> rsps.size() + " RSPs");
        // what the window does when a user who may write connects: read indexes and the counts the app keeps
        long preparing = System.nanoTime();
        out.println("diffo-admin: " + readSchema.get().prepare(Progress.NONE) + String.format(" (%.1f s)", (System.nanoTime() - preparing) / 1e9));
        out.flush();
        BenchmarkSupport.time(out, "per-RSP counts per major, from the kept counts", repeats, () -> readiness.get().shares("broadband"),
                ReadinessBenchmarkCommand::rows);
        BenchmarkSupport.time(out, "the majors (instance counts from the degree)", repeats, () -> readiness.get().majors("broadband"),
                majors -> majors.size() + " majors");
        BenchmarkSupport.time(out, "the ledger's batches (time series)", repeats,
                () -> readiness.get().moves(List.of(BenchmarkSupport.V1, BenchmarkSupport.V2)), moves -> moves.size() + " batches");
        BenchmarkSupport.time(out, "the whole view (all three reads, series, projection)", repeats, () -> service.get().read("broadband"),
                read -> read.lines().stream().filter(ReadinessService.MajorLine::old)
                        .map(l -> l.major().version() + ": " + l.projection().text()).toList().toString());
        BenchmarkSupport.time(out, "the wizard's RSP list on v1, from the kept counts", repeats, () -> migrations.get().rsps(BenchmarkSupport.V1),
                rsps -> rsps.size() + " RSPs");
        // what an RSP operator's screens add: its own share of each version (catalogue tree, overview), its key looked up at connect
        String reseller = "ORG000000000001";
        BenchmarkSupport.time(out, "the catalogue's versions (every RSP's counts: degree)", repeats, () -> catalogue.get().findSpecifications(""),
                specs -> specs.size() + " versions");
        BenchmarkSupport.time(out, "an RSP operator's share of each version (kept counts)", repeats, () -> catalogue.get().instancesOf(reseller),
                Object::toString);
        BenchmarkSupport.time(out, "the RSP key looked up as stored, given exactly", repeats, () -> keys.get().stored(reseller), key -> key);
        BenchmarkSupport.time(out, "the RSP key looked up as stored, given in lower case", repeats,
                () -> keys.get().stored(reseller.toLowerCase(java.util.Locale.ROOT)), key -> key);
        heap.close();
        out.println(heap.summary());
        out.flush();
        return 0;
    }

    /** The shares as the benchmark prints them: how many rows, and each major, RSP and count. */
    private static String rows(List<dev.diffo.admin.domain.MajorShare> shares) {
        return shares.size() + " rows: " + shares.stream().map(s -> "v" + s.major() + " " + s.rsp().key() + " " + s.instances()).toList();
    }
}
