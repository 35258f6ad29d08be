package dev.diffo.admin.cli;

import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.graph.GraphService;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.repository.BenchmarkRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Measures the graph view at scale: seeds N instances on broadband v1 into an empty store, then times opening the
 * broadband lineage (the data of the first drawn frame), expanding the aggregate (capped), a page of "more…",
 * and splitting by RSP (which counts every instance, in the database), with the peak heap.
 */
@Command(name = "graph-benchmark", description = "Time the graph view's reads over a specification with N instances (needs an empty store: use --data-dir with a new directory).")
public class GraphBenchmarkCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    private final Provider<BenchmarkRepository> seeding;
    private final Provider<DemoService> demo;
    private final Provider<GraphService> graph;

    @Inject
    public GraphBenchmarkCommand(Provider<BenchmarkRepository> seeding, Provider<DemoService> demo, Provider<GraphService> graph) {
        this.seeding = seeding;
        this.demo = demo;
        this.graph = graph;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--instances", defaultValue = "1000000", description = "How many instances to seed (default ${DEFAULT-VALUE}).") long instances;
    @Option(names = "--repeats", defaultValue = "5", description = "Times each read is repeated (default ${DEFAULT-VALUE}).") int repeats;

    @Override
    public Integer call() {
        context.connect();
        PrintWriter out = spec.commandLine().getOut();
        double seeded = BenchmarkSupport.seed(seeding.get(), demo.get(), instances, List.of("fttb", "fttp", "fttn", "fttc"));
        out.printf("seeded %,d instances on broadband v1 in %.1f s; each read %d times%n", instances, seeded, repeats);
        out.flush();
        HeapWatch heap = HeapWatch.start();
        GraphSlice lineage = time(out, "open the broadband lineage (first frame's data)", () -> graph.get().open(GraphService.Start.SPECIFICATION_NAME, "broadband", 50));
        GraphNode aggregate = lineage.nodes().stream().filter(n -> n.kind() == GraphNode.Kind.INSTANCES).max(java.util.Comparator.comparingLong(GraphNode::count)).orElseThrow();
        out.printf("  the aggregate: %s%n", aggregate.title());
        GraphSlice page = time(out, "expand the aggregate (at most 50)", () -> graph.get().expand(aggregate, 50));
        GraphNode more = page.nodes().stream().filter(n -> n.kind() == GraphNode.Kind.MORE).findFirst().orElseThrow();
        time(out, "more… (the next 50)", () -> graph.get().expand(more, 50));
        GraphNode instance = page.nodes().stream().filter(n -> n.kind() == GraphNode.Kind.INSTANCE).findFirst().orElseThrow();
        time(out, "expand an instance (its neighbours)", () -> graph.get().expand(instance, 50));
        time(out, "split the aggregate by RSP (counts every instance)", () -> graph.get().splitByRsp(aggregate, 50));
        heap.close();
        out.println(heap.summary());
        out.flush();
        return 0;
    }

    private <T> T time(PrintWriter out, String what, Supplier<T> read) {
        return BenchmarkSupport.time(out, what, repeats, read,
                result -> result instanceof GraphSlice slice ? slice.nodes().size() + " nodes, " + slice.edges().size() + " edges" : String.valueOf(result));
    }
}
