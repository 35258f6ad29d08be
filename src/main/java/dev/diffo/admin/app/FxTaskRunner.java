package dev.diffo.admin.app;

import dev.diffo.admin.common.TaskRunner;
import jakarta.inject.Singleton;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/** Runs work in {@link Task}s on daemon threads; callbacks and progress arrive on the FX thread. */
@Singleton
public class FxTaskRunner implements TaskRunner, AutoCloseable {

    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "diffo-task-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper currentTitle = new ReadOnlyStringWrapper("");

    @Override
    public void onUiThread(Runnable action) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            action.run();
        } else {
            javafx.application.Platform.runLater(action);
        }
    }

    @Override
    public <T> BackgroundTask run(String title, Work<T> work, ProgressListener listener, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                Task<T> task = this;
                return work.call(new Progress() {
                    @Override
                    public void update(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String message) {
                        updateMessage(message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return task.isCancelled() || stop.get();
                    }
                });
            }
        };
        task.progressProperty().addListener((obs, old, value) -> listener.onProgress(value.doubleValue(), task.getMessage()));
        task.messageProperty().addListener((obs, old, value) -> listener.onProgress(task.getProgress(), value));
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            finished();
            onFailure.accept(new CancellationException(title + " was cancelled"));
        });
        running.set(running.get() + 1);
        currentTitle.set(title);
        executor.execute(task);
        return new BackgroundTask() {
            @Override
            public void cancel() {
                task.cancel(false);
            }

            @Override
            public void requestStop() {
                stop.set(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    private void finished() {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            currentTitle.set("");
        }
    }

    /** How many tasks are running now: the status bar shows a busy bar while it is above zero. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentTitleProperty() {
        return currentTitle.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
