package dev.diffo.admin.migration;

import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.DiffoAdminException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The one loop that feeds batches to the application's executor, for a run, its resume, an undo and a dry run
 * alike: at most {@link Batches#inFlight()} at a time, progress and pace reported after each batch lands, the
 * caller's cancel looked at before each new batch. Cancelling stops new batches and lets those in flight land
 * (the caller then pauses); a failing batch stops new ones too, and the first failure is handed back.
 */
@Singleton
public class BatchPump {

    /** Batch transactions running at once for a run or an undo: two keep two cores busy (one reads and decides while another commits). */
    public static final int BATCHES_IN_FLIGHT = 2;

    /**
     * Work cut into batches: each returns how many {@code unit}s it did (its weight in the progress, of {@code total});
     * {@code what} names the work in the message of an interruption.
     */
    public record Batches(String what, String unit, long total, int inFlight, List<? extends Callable<Long>> work) {
    }

    /** How far the batches got: {@code paused} when cancelled before the end, {@code failure} the first batch that failed. */
    public record Outcome(long done, boolean paused, RuntimeException failure) {
    }

    private final ExecutorService executor;

    @Inject
    public BatchPump(ExecutorService executor) {
        this.executor = executor;
    }

    public Outcome pump(Batches batches, Progress progress) {
        long started = System.nanoTime();
        // the first batch to land, whichever it is, makes room for the next: waiting for the oldest left a core idle
        // whenever a younger batch landed first
        CompletionService<Long> landing = new ExecutorCompletionService<>(executor);
        Set<Future<Long>> inFlight = new HashSet<>();
        List<? extends Callable<Long>> work = batches.work();
        long done = 0;
        int next = 0;
        boolean paused = false;
        RuntimeException failure = null;
        try {
            while (next < work.size() || !inFlight.isEmpty()) {
                boolean submit = next < work.size() && failure == null && !paused && inFlight.size() < batches.inFlight();
                if (submit && progress.isCancelled()) {
                    paused = true;
                } else if (submit) {
                    inFlight.add(landing.submit(work.get(next++)));
                } else if (inFlight.isEmpty()) {
                    break;
                } else {
                    Future<Long> landed = landing.take();
                    inFlight.remove(landed);
                    try {
                        done += landed.get();
                        progress.update(done, batches.total());
                        progress.message(MigrationText.rateAndEta(done, batches.total(), batches.unit(), System.nanoTime() - started));
                    } catch (ExecutionException e) {
                        failure = failure != null ? failure : unwrap(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.forEach(f -> f.cancel(true));
            failure = new DiffoAdminException("The " + batches.what() + " was interrupted", "Resume it.");
        }
        return new Outcome(done, paused, failure);
    }

    private static RuntimeException unwrap(Throwable cause) {
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
}
