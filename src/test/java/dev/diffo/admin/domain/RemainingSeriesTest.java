package dev.diffo.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.RemainingSeries.Point;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemainingSeriesTest {

    static final String V1 = "v1-uuid";
    static final String V2 = "v2-uuid";
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneId.of("Etc/UTC"));

    @Test
    void aMajorNoMigrationTouchedHasOnlyTodaysCountAndNoProjection() {
        List<LedgerMove> others = List.of(new LedgerMove("x", "y", NOW.minusDays(1), 5, null));

        assertThat(RemainingSeries.of(V1, 7, others, NOW)).containsExactly(new Point(NOW, 7));
        assertThat(RemainingSeries.project(V1, 7, others, NOW)).isEqualTo(new RemainingSeries.NoMigration());
        assertThat(RemainingSeries.project(V1, 7, List.of(), NOW).text()).isEqualTo("no migration yet");
    }

    @Test
    void theCountIsWorkedOutBackwardsFromTodayThroughEachBatch() {
        List<LedgerMove> moves = List.of(new LedgerMove(V1, V2, NOW.minusDays(10), 100, null), new LedgerMove(V1, V2, NOW.minusDays(5), 100, null));

        assertThat(RemainingSeries.of(V1, 300, moves, NOW)).containsExactly(new Point(NOW.minusDays(10).minusSeconds(1), 500),
                new Point(NOW.minusDays(10), 400), new Point(NOW.minusDays(5), 300), new Point(NOW, 300));
        // the target gains what the source loses
        assertThat(RemainingSeries.of(V2, 250, moves, NOW)).extracting(Point::remaining).containsExactly(50L, 150L, 250L, 250L);
    }

    @Test
    void theProjectionCarriesTheRecentPaceOnToZero() {
        List<LedgerMove> moves = List.of(new LedgerMove(V1, V2, NOW.minusDays(10), 100, null), new LedgerMove(V1, V2, NOW.minusDays(5), 100, null));

        RemainingSeries.Projection projection = RemainingSeries.project(V1, 300, moves, NOW);

        // 200 moved off in the 10 days since the first move: 20 a day, so 300 take 15 days
        assertThat(projection).isInstanceOfSatisfying(RemainingSeries.Reaches.class, r -> {
            assertThat(r.date()).isEqualTo(NOW.plusDays(15));
            assertThat(r.perDay()).isEqualTo(20.0);
        });
        assertThat(projection.text()).startsWith("zero on ").endsWith(" at 20 a day (net pace over the last 10 days)");
    }

    @Test
    void aPaceReadOverLessThanADaySaysItIsARoughGuess() {
        List<LedgerMove> moves = List.of(new LedgerMove(V1, V2, NOW.minusHours(3).minusMinutes(25), 100, null));

        RemainingSeries.Projection projection = RemainingSeries.project(V1, 300, moves, NOW);

        assertThat(projection.text()).endsWith("(net pace over the last 3 h 25 min; a rough guess until the runs span days)");
    }

    @Test
    void movesOlderThanThePaceWindowDoNotCount() {
        List<LedgerMove> moves = List.of(new LedgerMove(V1, V2, NOW.minusDays(90), 100, null));

        assertThat(RemainingSeries.project(V1, 50, moves, NOW)).isEqualTo(new RemainingSeries.NotMoving());
    }

    @Test
    void anUndoneBatchMovesItsInstancesBackAtTheUndosTime() {
        List<LedgerMove> moves = List.of(new LedgerMove(V1, V2, NOW.minusHours(2), 2, NOW.minusHours(1)));

        assertThat(RemainingSeries.of(V1, 2, moves, NOW)).extracting(Point::remaining).containsExactly(2L, 0L, 2L, 2L);
        assertThat(RemainingSeries.project(V1, 2, moves, NOW).text()).isEqualTo("not moving");
    }

    @Test
    void anEmptiedMajorSaysSo() {
        List<LedgerMove> moves = List.of(new LedgerMove(V1, V2, NOW.minusMinutes(3), 2, null));

        assertThat(RemainingSeries.of(V1, 0, moves, NOW)).extracting(Point::remaining).containsExactly(2L, 0L, 0L);
        assertThat(RemainingSeries.project(V1, 0, moves, NOW).text()).isEqualTo("no instances left");
    }
}
