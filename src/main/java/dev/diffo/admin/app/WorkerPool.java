package dev.diffo.admin.app;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's one {@link ExecutorService} for work the services fan out (a check's reads side by side, a
 * migration's batches in flight): daemon threads made as needed and kept a minute when idle, bound once in
 * {@link AppModule} and shut down when the desktop app or the command line closes (S12). Those who submit to it
 * bound how much they submit; it does not.
 */
@Singleton
public class WorkerPool implements Provider<ExecutorService>, AutoCloseable {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(work -> {
        Thread t = new Thread(work, "diffo-worker-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public ExecutorService get() {
        return executor;
    }

    /** Interrupts what still runs (a batch in flight is then rolled back by Neo4j) and takes no more work. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
