package dev.diffo.admin.common;

import java.util.function.Consumer;

/**
 * Runs work off the UI thread. ViewModels submit work here and never create threads themselves; the
 * callbacks arrive on the UI thread (or, in tests, synchronously).
 */
public interface TaskRunner {

    <T> BackgroundTask run(String title, Work<T> work, ProgressListener progress, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure);

    default <T> BackgroundTask run(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return run(title, work, ProgressListener.NONE, onSuccess, onFailure);
    }

    /** Runs {@code action} on the UI thread (now, when already on it); for state a ViewModel learns of from another thread. In tests: now. */
    default void onUiThread(Runnable action) {
        action.run();
    }

    /** Progress as the UI sees it, delivered on the UI thread: a fraction in 0..1, or -1 when unknown. */
    @FunctionalInterface
    interface ProgressListener {
        void onProgress(double fraction, String message);

        ProgressListener NONE = (fraction, message) -> {
        };
    }

    /** A unit of background work; it reports progress and checks for cancellation between steps. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What background work may tell the UI while it runs. */
    interface Progress {
        void update(long done, long total);

        void message(String message);

        boolean isCancelled();

        Progress NONE = new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** A handle on submitted work. */
    interface BackgroundTask {
        /** Abandons the work: its result, if it still comes, is dropped and the failure callback is told of the cancellation. */
        void cancel();

        /**
         * Asks the work to stop at its next safe point ({@link Progress#isCancelled()} turns true) and lets it
         * finish normally: its result (a paused run, say) reaches the success callback.
         */
        void requestStop();

        boolean isDone();
    }
}
