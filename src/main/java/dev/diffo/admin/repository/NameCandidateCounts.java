package dev.diffo.admin.repository;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How many instances the name's TEXT index finds for a filter text (its case spellings, up to the cap), remembered for
 * {@link #KEPT_FOR}. The instances table asks for a name filter's first page and its count at once, and every next page
 * asks again; each answer only chooses between two reads of the same rows (the sort of the candidates, or the order's
 * index checked entry by entry), so an answer a few seconds old chooses as safely as a new one. Askers at the same time
 * share the one read; a read that fails is not remembered, and an asker that waited for it reads for itself.
 */
final class NameCandidateCounts {

    /** How long an answer is used: long enough for a page, its count and the next pages; short enough to follow big changes. */
    static final Duration KEPT_FOR = Duration.ofSeconds(30);

    /** Texts remembered at most; past it, the answers that are too old are dropped, then the oldest. */
    static final int TEXTS = 64;

    private record Answer(CompletableFuture<Long> found, long at) {
    }

    private final Map<List<String>, Answer> answers = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    NameCandidateCounts() {
        this(System::nanoTime);
    }

    /** With its own clock (in nanoseconds), for tests. */
    NameCandidateCounts(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The answer for {@code variants}: remembered, being read by another asker, or read now by {@code read}. */
    long found(List<String> variants, Supplier<Long> read) {
        long now = nanoTime.getAsLong();
        CompletableFuture<Long> mine = new CompletableFuture<>();
        Answer answer = answers.compute(variants, (key, known) -> known != null && fresh(known, now) ? known : new Answer(mine, now));
        if (answer.found() != mine) {
            try {
                return answer.found().join();
            } catch (CompletionException | CancellationException e) {
                // the read this asker waited for failed (its asker's error is its own): read again, as the first asker
                return found(variants, read);
            }
        }
        if (answers.size() > TEXTS) {
            answers.values().removeIf(a -> !fresh(a, now));
            while (answers.size() > TEXTS) {
                answers.entrySet().stream().filter(e -> e.getValue() != answer).min(Comparator.comparingLong(e -> e.getValue().at()))
                        .ifPresent(oldest -> answers.remove(oldest.getKey(), oldest.getValue()));
            }
        }
        long found;
        try {
            found = read.get();
        } catch (RuntimeException | Error e) {
            answers.remove(variants, answer);
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(found);
        return found;
    }

    /** Forgets every answer (the index they came from went away). */
    void forget() {
        answers.clear();
    }

    /** How many texts are remembered now. */
    int remembered() {
        return answers.size();
    }

    private boolean fresh(Answer answer, long now) {
        return now - answer.at() < KEPT_FOR.toNanos() && !answer.found().isCompletedExceptionally();
    }
}
