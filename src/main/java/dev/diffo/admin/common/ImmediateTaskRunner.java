package dev.diffo.admin.common;

import java.util.function.Consumer;

/** Runs work at once on the calling thread: for ViewModel tests and for the command line. */
public final class ImmediateTaskRunner implements TaskRunner {

    @Override
    public <T> BackgroundTask run(String title, Work<T> work, ProgressListener listener, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        T result;
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                listener.onProgress(total <= 0 ? -1 : (double) done / total, null);
            }

            @Override
            public void message(String message) {
                listener.onProgress(-1, message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try {
            result = work.call(progress);
        } catch (Exception | LinkageError e) {
            onFailure.accept(e);
            return DONE;
        }
        onSuccess.accept(result);
        return DONE;
    }

    private static final BackgroundTask DONE = new BackgroundTask() {
        @Override
        public void cancel() {
        }

        @Override
        public void requestStop() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
