package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.DiffoAdminException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link NameCandidateCounts}: one read per text for a few seconds, shared by askers at the same time; a failure is never kept. */
class NameCandidateCountsTest {

    static final List<String> BULK = List.of("bulk-", "Bulk-", "BULK-");
    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final NameCandidateCounts counts = new NameCandidateCounts(clock::get);
    final AtomicInteger reads = new AtomicInteger();

    Supplier<Long> read(long found) {
        return () -> {
            reads.incrementAndGet();
            return found;
        };
    }

    @Test
    void aTextAskedAgainWithinTheTimeIsNotReadAgainAndIsReadAfterIt() {
        assertThat(counts.found(BULK, read(1_111))).isEqualTo(1_111);
        clock.addAndGet(NameCandidateCounts.KEPT_FOR.toNanos() - 1);
        assertThat(counts.found(BULK, read(5))).isEqualTo(1_111);
        assertThat(reads).hasValue(1);

        clock.addAndGet(1);
        assertThat(counts.found(BULK, read(20_001))).isEqualTo(20_001);
        assertThat(reads).hasValue(2);
    }

    @Test
    void eachTextHasItsOwnAnswer() {
        assertThat(counts.found(BULK, read(1_111))).isEqualTo(1_111);
        assertThat(counts.found(List.of("acme", "Acme"), read(7))).isEqualTo(7);
        assertThat(counts.found(List.of("acme", "Acme"), read(8))).isEqualTo(7);
        assertThat(reads).hasValue(2);
    }

    @Test
    void askersAtTheSameTimeShareTheOneRead() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> page = pool.submit(() -> counts.found(BULK, () -> {
                reads.incrementAndGet();
                reading.countDown();
                await(release);
                return 1_111L;
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.FutureTask<Long> count = new java.util.concurrent.FutureTask<>(() -> counts.found(BULK, read(99)));
            Thread asking = Thread.ofPlatform().start(count);
            waitUntilWaiting(asking); // the count asks while the page's read is under way, and waits for it
            assertThat(count.isDone()).isFalse();
            release.countDown();
            assertThat(page.get(10, TimeUnit.SECONDS)).isEqualTo(1_111);
            assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(1_111);
            assertThat(reads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedReadIsNotRememberedAndTheAskerThatWaitedForItReadsItself() throws Exception {
        assertThatThrownBy(() -> counts.found(BULK, () -> {
            throw new DiffoAdminException("index gone", "wait");
        })).isInstanceOf(DiffoAdminException.class).hasMessage("index gone");
        assertThat(counts.found(BULK, read(3))).isEqualTo(3);

        counts.forget();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> failing = pool.submit(() -> counts.found(BULK, () -> {
                reading.countDown();
                await(release);
                throw new DiffoAdminException("cancelled", "its own");
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.FutureTask<Long> waiting = new java.util.concurrent.FutureTask<>(() -> counts.found(BULK, read(4)));
            waitUntilWaiting(Thread.ofPlatform().start(waiting));
            release.countDown();
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DiffoAdminException.class);
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyTextsDropTheAnswersTooOldFirstAndNeverPassTheBound() {
        for (int i = 0; i < NameCandidateCounts.TEXTS; i++) {
            counts.found(List.of("old" + i), read(i));
        }
        clock.addAndGet(NameCandidateCounts.KEPT_FOR.toNanos() / 2);
        counts.found(List.of("recent"), read(1));
        clock.addAndGet(NameCandidateCounts.KEPT_FOR.toNanos() / 2);
        counts.found(List.of("new"), read(2));
        assertThat(counts.remembered()).isEqualTo(2); // the old ones dropped (one went when "recent" came), "recent" and "new" kept
        int before = reads.get();
        counts.found(List.of("recent"), read(3));
        assertThat(reads.get()).isEqualTo(before);

        for (int i = 0; i < 3 * NameCandidateCounts.TEXTS; i++) {
            clock.incrementAndGet();
            counts.found(List.of("burst" + i), read(i));
            assertThat(counts.remembered()).isLessThanOrEqualTo(NameCandidateCounts.TEXTS);
        }
        before = reads.get();
        counts.found(List.of("burst" + (3 * NameCandidateCounts.TEXTS - 1)), read(0)); // the newest kept
        counts.found(List.of("burst0"), read(0)); // the oldest dropped
        assertThat(reads.get() - before).isEqualTo(1);
    }

    /** Until {@code thread} is parked (waiting for the read under way), or ten seconds have passed. */
    static void waitUntilWaiting(Thread thread) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
