package dev.diffo.admin.cli;

import dev.diffo.admin.catalogue.InstanceService;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.catalogue.ReadSchemaService;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.repository.BenchmarkRepository;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceTotal;
import dev.diffo.admin.domain.InstanceQuery.Sort;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Measures the instances table at scale: seeds N instances on broadband v1 into an empty store, then times the
 * reads the table makes (first page, next pages, a page deep in the order, sorted by a key with ties, filtered
 * pages, counts), each repeated, printing the median and the slowest.
 */
@Command(name = "instances-benchmark", description = "Time the instances table's reads over N instances (needs an empty store: use --data-dir with a new directory).")
public class InstancesBenchmarkCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    private final Provider<BenchmarkRepository> seeding;
    private final Provider<DemoService> demo;
    private final Provider<InstanceService> service;
    private final Provider<ReadSchemaService> readSchema;

    @Inject
    public InstancesBenchmarkCommand(Provider<BenchmarkRepository> seeding, Provider<DemoService> demo, Provider<InstanceService> service, Provider<ReadSchemaService> readSchema) {
        this.seeding = seeding;
        this.demo = demo;
        this.service = service;
        this.readSchema = readSchema;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--instances", defaultValue = "1000000", description = "How many instances to seed (default ${DEFAULT-VALUE}).") long instances;
    @Option(names = "--repeats", defaultValue = "5", description = "Times each read is repeated (default ${DEFAULT-VALUE}).") int repeats;
    @Option(names = "--page-size", defaultValue = "" + InstanceQuery.DEFAULT_PAGE_SIZE) int pageSize;
    @Option(names = "--no-warm-up", description = "Skip the warm-up the window makes once the read indexes are online, to time the store's very first reads.")
    boolean noWarmUp;
    @Option(names = "--reuse", description = "Reuse a store this benchmark seeded before (same --instances): skip seeding and time the reads again.") boolean reuse;

    @Override
    public Integer call() {
        context.connect();
        PrintWriter out = spec.commandLine().getOut();
        String v1 = BenchmarkCommand.V1;
        InstanceQuery byName = new InstanceQuery(v1, null, null, null, null, Sort.NAME, false, pageSize);
        if (reuse && seeding.get().nodeCount() > 0) {
            long there = service.get().count(byName);
            if (there < instances) {
                throw new DiffoAdminException("The store holds " + there + " instances on broadband v1, not " + instances,
                        "Reuse a store seeded with the same --instances, or seed a new one (a new --data-dir, without --reuse).");
            }
            out.printf("reused the store: %,d instances on broadband v1; %d rows a page, each read %d times%n", there, pageSize, repeats);
        } else {
            double seeded = BenchmarkSupport.seed(seeding.get(), demo.get(), instances, List.of("fttb", "fttp", "fttn", "fttc"));
            out.printf("seeded %,d instances on broadband v1 in %.1f s; %d rows a page, each read %d times%n", instances, seeded, pageSize, repeats);
        }
        out.flush();
        prepare(out);
        HeapWatch heap = HeapWatch.start();
        time(out, "count, unfiltered (the spec's degree)", () -> service.get().count(byName));
        InstanceQuery.Page first = time(out, "first page by name", () -> service.get().page(byName, null));
        time(out, "next page by name", () -> service.get().page(byName, first.next(Sort.NAME)));
        InstanceQuery.Cursor deep = new InstanceQuery.Cursor("acme-bench-" + (instances * 9 / 10), "");
        time(out, "a page 90 % deep by name", () -> service.get().page(byName, deep));
        InstanceQuery byState = new InstanceQuery(v1, null, null, null, null, Sort.STATE, true, pageSize);
        InstanceQuery.Page stateFirst = time(out, "first page by state, descending (every key ties)", () -> service.get().page(byState, null));
        time(out, "next page by state (ties broken by id)", () -> service.get().page(byState, stateFirst.next(Sort.STATE)));
        InstanceQuery byCreated = new InstanceQuery(v1, null, null, null, null, Sort.CREATED, true, pageSize);
        InstanceQuery.Page createdFirst = time(out, "first page by created, descending", () -> service.get().page(byCreated, null));
        time(out, "next page by created", () -> service.get().page(byCreated, createdFirst.next(Sort.CREATED)));
        InstanceQuery fttb = new InstanceQuery(v1, null, null, "broadband.technology", "fttb", Sort.NAME, false, pageSize);
        time(out, "first page where technology = fttb", () -> service.get().page(fttb, null));
        time(out, "count where technology = fttb", () -> service.get().total(fttb));
        InstanceQuery acmeOnly = new InstanceQuery(v1, null, "acme", null, null, Sort.NAME, false, pageSize);
        time(out, "first page of acme (RSP by name prefix)", () -> service.get().page(acmeOnly, null));
        time(out, "count of acme", () -> service.get().total(acmeOnly));
        InstanceQuery acmeFttb = new InstanceQuery(v1, null, "acme", "broadband.technology", "fttb", Sort.STATE, false, pageSize);
        time(out, "first page of acme where technology = fttb, by state", () -> service.get().page(acmeFttb, null));
        time(out, "count of acme where technology = fttb", () -> service.get().total(acmeFttb));
        // (not a part of the names the warm-up tries, the first rows in each order: "acme-bench-99" at this size)
        InstanceQuery acme = new InstanceQuery(v1, "bench-42", "acme", null, null, Sort.NAME, false, pageSize);
        time(out, "first page of acme, name contains bench-42", () -> service.get().page(acme, null));
        time(out, "count of acme, name contains bench-42", () -> service.get().total(acme));
        // the table asks for a filter's first page and its count at once, each in its own task: the user waits for both
        InstanceQuery acmeAtOnce = new InstanceQuery(v1, "bench-43", "acme", null, null, Sort.NAME, false, pageSize);
        time(out, "page and count at once, name contains bench-43", () -> pageAndCount(acmeAtOnce));
        heap.close();
        out.println(heap.summary());
        out.flush();
        return 0;
    }

    /**
     * What the window does on connect (read indexes created, counts kept), timed; then waits, polling SHOW INDEXES, for
     * the indexes to be online, as they would be on a store the app opened before (the reads are timed with them), and
     * warms the table's reads as the window then does (unless {@code --no-warm-up}).
     */
    private void prepare(PrintWriter out) {
        long start = System.nanoTime();
        out.println("diffo-admin: " + readSchema.get().prepare(TaskRunner.Progress.NONE) + String.format(" (%.1f s)", (System.nanoTime() - start) / 1e9));
        out.flush();
        String waiting;
        while ((waiting = readSchema.get().indexesNotOnline()) != null) {
            out.println("  " + waiting);
            out.flush();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.printf("read indexes online %.1f s after the start%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        if (!noWarmUp) {
            // as the window does once the indexes are online: the reads below are then the user's first after connecting
            out.println("diffo-admin: " + readSchema.get().warmUp(TaskRunner.Progress.NONE) + " (the reads below use other filters, RSPs and cursors)");
            out.flush();
        }
    }

    /** A first page and its count read at the same time, as the table asks for them: done when both are. */
    private InstanceTotal pageAndCount(InstanceQuery query) {
        CompletableFuture<InstanceQuery.Page> page = CompletableFuture.supplyAsync(() -> service.get().page(query, null));
        InstanceTotal total = service.get().total(query);
        page.join();
        return total;
    }

    private <T> T time(PrintWriter out, String what, Supplier<T> read) {
        return BenchmarkSupport.time(out, what, repeats, read,
                result -> switch (result) {
                    case InstanceQuery.Page page -> page.rows().size() + " rows" + (page.note() == null ? "" : "; " + page.note());
                    case InstanceTotal total -> String.format("%,d", total.count()) + (total.kept() ? ", kept" : ", counted now");
                    default -> String.format("%,d", result);
                });
    }
}
