package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.DiffoAdminException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
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
        List<FutureTask<Long>> askers = secondAsksWhileTheFirstReads(() -> 1_111L, read(99));
        assertThat(askers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1_111);
        assertThat(askers.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(1_111);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aFailedReadIsNotRememberedAndTheAskerThatWaitedForItReadsItself() throws Exception {
        assertThatThrownBy(() -> counts.found(BULK, () -> {
            throw new DiffoAdminException("index gone", "wait");
        })).isInstanceOf(DiffoAdminException.class).hasMessage("index gone");
        assertThat(counts.found(BULK, read(3))).isEqualTo(3);

        counts.forget();
        List<FutureTask<Long>> askers = secondAsksWhileTheFirstReads(() -> {
            throw new DiffoAdminException("cancelled", "its own");
        }, read(4));
        assertThatThrownBy(() -> askers.get(0).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DiffoAdminException.class);
        assertThat(askers.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(4);
    }

    /**
     * Two askers of the same text, each on its own thread: the first's read begins, the second asks while it is under way
     * and is parked waiting for it (not done), then the first read ends with {@code outcome} (a count, or what it throws).
     */
    List<FutureTask<Long>> secondAsksWhileTheFirstReads(Supplier<Long> outcome, Supplier<Long> secondRead) throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<Long> first = new FutureTask<>(() -> counts.found(BULK, () -> {
            reads.incrementAndGet();
            reading.countDown();
            await(release);
            return outcome.get();
        }));
        Thread.ofPlatform().start(first);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        FutureTask<Long> second = new FutureTask<>(() -> counts.found(BULK, secondRead));
        waitUntilWaiting(Thread.ofPlatform().start(second));
        assertThat(second.isDone()).isFalse();
        release.countDown();
        return List.of(first, second);
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
