package dev.diffo.admin.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * A task runner the test drives: work waits in a queue until the test runs it (on the test's thread), so a
 * test can look at the state while work is pending, cancel it, or ask it to stop as {@code FxTaskRunner} does.
 * Progress reaches the listener as it would on the FX thread: the last fraction goes along with each message.
 */
public final class ManualTaskRunner implements TaskRunner {

    /** Submitted work not run yet. */
    public final class Pending<T> implements BackgroundTask {
        final String title;
        final Work<T> work;
        final ProgressListener listener;
        final Consumer<? super T> onSuccess;
        final Consumer<? super Throwable> onFailure;
        volatile boolean cancelled;
        volatile boolean stopRequested;
        boolean done;
        double fraction;

        Pending(String title, Work<T> work, ProgressListener listener, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            this.title = title;
            this.work = work;
            this.listener = listener;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void execute() {
            done = true;
            if (cancelled) {
                onFailure.accept(new CancellationException(title + " was cancelled"));
                return;
            }
            T result;
            try {
                result = work.call(new Progress() {
                    @Override
                    public void update(long done, long total) {
                        fraction = total <= 0 ? -1 : (double) done / total;
                        listener.onProgress(fraction, null);
                    }

                    @Override
                    public void message(String message) {
                        listener.onProgress(fraction, message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled || stopRequested;
                    }
                });
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void requestStop() {
            stopRequested = true;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    private final Deque<Pending<?>> queue = new ArrayDeque<>();

    @Override
    public <T> BackgroundTask run(String title, Work<T> work, ProgressListener listener, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        Pending<T> task = new Pending<>(title, work, listener, onSuccess, onFailure);
        queue.add(task);
        return task;
    }

    /** The titles of the work waiting, oldest first. */
    public List<String> pending() {
        return queue.stream().map(p -> p.title).toList();
    }

    /** Runs the oldest waiting work (and delivers its callbacks). */
    public void runNext() {
        Pending<?> next = queue.poll();
        if (next == null) {
            throw new IllegalStateException("no work is waiting");
        }
        next.execute();
    }

    /** Runs the newest waiting work first: a later submission overtaking an earlier one. */
    public void runNewest() {
        Pending<?> newest = queue.pollLast();
        if (newest == null) {
            throw new IllegalStateException("no work is waiting");
        }
        newest.execute();
    }

    /** Runs waiting work, including what its callbacks submit, until none is left. */
    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }
}
