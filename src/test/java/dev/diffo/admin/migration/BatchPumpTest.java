package dev.diffo.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.TaskRunner.Progress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one batch loop of runs, undos and dry runs, on a real executor and no database. */
class BatchPumpTest {

    final ExecutorService executor = Executors.newFixedThreadPool(2);
    final BatchPump pump = new BatchPump(executor);
    final List<Integer> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    /** {@code n} batches of {@code weight} each (the last {@code last}), recording which ran. */
    List<Callable<Long>> batches(int n, long weight, long last) {
        return IntStream.range(0, n).<Callable<Long>>mapToObj(i -> () -> {
            ran.add(i);
            return i == n - 1 ? last : weight;
        }).toList();
    }

    static final class Recording implements Progress {
        final List<String> updates = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        final int cancelAfter;

        Recording(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void update(long done, long total) {
            updates.add(done + "/" + total);
        }

        @Override
        public void message(String message) {
            messages.add(message);
        }

        @Override
        public boolean isCancelled() {
            return updates.size() >= cancelAfter;
        }
    }

    @Test
    void reportsProgressAndPaceAfterEachBatch() {
        Recording progress = new Recording(Integer.MAX_VALUE);

        BatchPump.Outcome outcome = pump.pump(new BatchPump.Batches("migration", "instances", 5, 2, batches(3, 2, 1)), progress);

        assertThat(outcome).isEqualTo(new BatchPump.Outcome(5, false, null));
        // batches land in any order (the last, of weight 1, may land before the second): the done count only grows, to all
        assertThat(progress.updates).hasSize(3).last().isEqualTo("5/5");
        assertThat(progress.updates.stream().mapToLong(u -> Long.parseLong(u.split("/")[0])).toArray()).isSorted().doesNotHaveDuplicates();
        assertThat(progress.messages).hasSize(3).allSatisfy(m -> assertThat(m).contains(" instances/s · "));
        assertThat(progress.messages.getLast()).startsWith("5 of 5 · ");
    }

    @Test
    void aYoungerBatchThatLandsFirstMakesRoomForTheNextWhileAnOlderOneStillRuns() {
        CountDownLatch thirdStarted = new CountDownLatch(1);
        List<Boolean> firstSawTheThird = new CopyOnWriteArrayList<>();
        List<Callable<Long>> work = List.of(
                () -> {
                    // the first batch is still running when the second lands: the third must start meanwhile
                    firstSawTheThird.add(thirdStarted.await(10, TimeUnit.SECONDS));
                    return 1L;
                },
                () -> 1L,
                () -> {
                    thirdStarted.countDown();
                    return 1L;
                });
        Recording progress = new Recording(Integer.MAX_VALUE);

        BatchPump.Outcome outcome = pump.pump(new BatchPump.Batches("migration", "instances", 3, 2, work), progress);

        assertThat(firstSawTheThird).as("the third batch started while the first was still in flight").containsExactly(true);
        assertThat(outcome).isEqualTo(new BatchPump.Outcome(3, false, null));
        assertThat(progress.updates).containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void cancellingPausesBeforeTheNextBatch() {
        Recording progress = new Recording(1);

        BatchPump.Outcome outcome = pump.pump(new BatchPump.Batches("dry run", "instances", 10, 1, batches(5, 2, 2)), progress);

        assertThat(outcome.paused()).isTrue();
        assertThat(outcome.done()).isEqualTo(2);
        assertThat(ran).containsExactly(0);
    }

    @Test
    void aFailingBatchStopsNewOnesAndIsHandedBack() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("batch 1 failed");
        List<Callable<Long>> work = IntStream.range(0, 4).<Callable<Long>>mapToObj(i -> () -> {
            calls.incrementAndGet();
            if (i == 1) {
                throw broken;
            }
            return 3L;
        }).toList();

        BatchPump.Outcome outcome = pump.pump(new BatchPump.Batches("undo", "batches", 4, 1, work), Progress.NONE);

        assertThat(outcome.failure()).isSameAs(broken);
        assertThat(outcome.done()).isEqualTo(3);
        assertThat(outcome.paused()).isFalse();
        assertThat(calls).hasValue(2);
    }

    @Test
    void runsOnTheCallersThreadWhenBuiltByHand() {
        BatchPump byHand = new BatchPump(new CallerThreadExecutor());
        Thread caller = Thread.currentThread();
        List<Thread> threads = new CopyOnWriteArrayList<>();

        byHand.pump(new BatchPump.Batches("migration", "instances", 2, 2, List.<Callable<Long>>of(() -> {
            threads.add(Thread.currentThread());
            return 2L;
        })), Progress.NONE);

        assertThat(threads).containsExactly(caller);
    }
}
