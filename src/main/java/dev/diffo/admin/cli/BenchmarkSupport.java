package dev.diffo.admin.cli;

import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.repository.BenchmarkRepository;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the benchmark commands share: seeding an empty store with the demo and N of Acme's instances, and timing repeated reads. */
final class BenchmarkSupport {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    private static final long SEED_CHUNK = 50_000;

    private BenchmarkSupport() {
    }

    /** The resellers of the seed in diffo's livebook shape, by party key: instance k belongs to RESELLERS[k mod 3]; all are named organizationId. */
    static final List<String> RESELLERS = List.of("ORG000000000001", "ORG000000000002", "ORG000000000003");

    /** Refuses a store that is not empty; loads the demo and seeds {@code acme-bench-1..N} on broadband v1 (technologies in turn); returns seconds taken. */
    static double seed(BenchmarkRepository seeding, DemoService demo, long instances, List<String> technologies) {
        return seed(seeding, demo, instances, technologies, false);
    }

    /**
     * The same; with {@code parties}, each instance is related as diffo's livebook relates one (SiteContact, Provider and
     * Reseller PartyRefs; the resellers {@link #RESELLERS} in turn) and its name carries no RSP prefix.
     */
    static double seed(BenchmarkRepository seeding, DemoService demo, long instances, List<String> technologies, boolean parties) {
        if (seeding.nodeCount() > 0) {
            throw new DiffoAdminException("The benchmark needs an empty store", "Run it with --data-dir set to a new directory.");
        }
        demo.loadDemo();
        long start = System.nanoTime();
        if (parties) {
            seeding.seedParties(RESELLERS, 1_000);
        }
        for (long from = 1; from <= instances; from += SEED_CHUNK) {
            long to = Math.min(instances, from + SEED_CHUNK - 1);
            if (parties) {
                seeding.seedWithParties(V1, "bb-bench-", from, to, technologies, RESELLERS);
            } else {
                seeding.seed(V1, "acme-bench-", from, to, technologies);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Runs {@code read} {@code repeats} times and prints the median, the first (cold) and the slowest, with what the last read returned. */
    static <T> T time(PrintWriter out, String what, int repeats, Supplier<T> read, Function<T, String> shown) {
        long[] micros = new long[repeats];
        T result = null;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            result = read.get();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        out.printf("  %-52s median %,9.1f ms, first (cold) %,9.1f ms, slowest %,9.1f ms  (%s)%n", what, sorted[repeats / 2] / 1e3, micros[0] / 1e3,
                sorted[repeats - 1] / 1e3, shown.apply(result));
        out.flush();
        return result;
    }
}
