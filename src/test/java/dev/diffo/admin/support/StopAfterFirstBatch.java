package dev.diffo.admin.support;

import dev.diffo.admin.common.TaskRunner.Progress;
import java.util.concurrent.atomic.AtomicInteger;

/** Progress that asks the work to stop once its first batch has reported (a pause, or a dry run stopped). */
public final class StopAfterFirstBatch implements Progress {
    private final AtomicInteger batches = new AtomicInteger();

    @Override
    public void update(long done, long total) {
        batches.incrementAndGet();
    }

    @Override
    public void message(String message) {
    }

    @Override
    public boolean isCancelled() {
        return batches.get() > 0;
    }
}
