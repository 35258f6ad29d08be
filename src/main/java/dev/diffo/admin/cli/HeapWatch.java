package dev.diffo.admin.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a benchmark costs in memory: the heap in use sampled every few milliseconds (its peak, which the
 * per-pool peaks overstate because the pools peak at different moments), the heap's ceiling, and the
 * collections the garbage collector ran, with their time.
 */
final class HeapWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 10;

    private final Thread sampler;
    private final long gcCountAtStart = gcCount();
    private final long gcMillisAtStart = gcMillis();
    private volatile long peakBytes;
    private volatile boolean running = true;

    private HeapWatch() {
        sampler = Thread.ofPlatform().daemon().name("heap-watch").start(() -> {
            while (running) {
                peakBytes = Math.max(peakBytes, usedBytes());
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static HeapWatch start() {
        return new HeapWatch();
    }

    /** e.g. "peak heap 1,234 MB of 6,144 MB; GC: 42 collections, 1.3 s". */
    String summary() {
        long peak = Math.max(peakBytes, usedBytes());
        return String.format("peak heap %,d MB of %,d MB; GC: %,d collections, %.1f s", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, gcCount() - gcCountAtStart, (gcMillis() - gcMillisAtStart) / 1e3);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private static long usedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(n -> n > 0).sum();
    }
}
