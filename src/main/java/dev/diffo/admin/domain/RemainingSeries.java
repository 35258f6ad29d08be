package dev.diffo.admin.domain;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many instances stood on one major over time, worked out backwards from today's count and the migration ledger:
 * remaining(t) = now + moved off it after t − moved onto it after t (an undo moves them back, at its own time). Instances
 * created or deleted outside a migration are not in the ledger, so the line shows what migrations did. Pure.
 */
public final class RemainingSeries {

    /** How far back the pace is taken from (the most recent moves within it). */
    public static final Duration PACE_WINDOW = Duration.ofDays(30);

    private RemainingSeries() {
    }

    /** The count on the major right after {@code at}. */
    public record Point(ZonedDateTime at, long remaining) {
    }

    /** When the current pace brings the major to zero, or why there is no such date. */
    public sealed interface Projection {
        String text();
    }

    /** No migration ever moved an instance off (or onto) this major. */
    public record NoMigration() implements Projection {
        public String text() {
            return "no migration yet";
        }
    }

    /** Nothing is left on the major. */
    public record Empty() implements Projection {
        public String text() {
            return "no instances left";
        }
    }

    /** Migrations moved instances, but not off the major on balance lately (undone, or moved back). */
    public record NotMoving() implements Projection {
        public String text() {
            return "not moving";
        }
    }

    /**
     * At {@code perDay} instances a day (the net pace over {@code over}, the recent ledger) the major is empty on
     * {@code date}. A pace read over less than a day says it is a rough guess: a manager plans a withdrawal on it.
     */
    public record Reaches(ZonedDateTime date, double perDay, Duration over) implements Projection {
        public String text() {
            return String.format("zero on %s at %,.0f a day (net pace over the last %s%s)", Dates.display(date), perDay, span(over),
                    over.compareTo(Duration.ofDays(1)) < 0 ? "; a rough guess until the runs span days" : "");
        }

        /** "10 days", "3 h 25 min", "12 min". */
        static String span(Duration d) {
            if (d.toDays() >= 2) {
                return d.toDays() + " days";
            }
            if (d.toHours() >= 1) {
                return d.toHours() + " h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " min" : "");
            }
            return Math.max(1, d.toMinutes()) + " min";
        }
    }

    private record Event(ZonedDateTime at, long delta) {
    }

    /**
     * The series for {@code majorUuid}: a first point before its first recorded move (the count then), one after each
     * move, and today's count at {@code asOf}. Only today's point when the ledger never touched the major.
     */
    public static List<Point> of(String majorUuid, long now, List<LedgerMove> moves, ZonedDateTime asOf) {
        List<Event> events = events(majorUuid, moves, asOf);
        List<Point> points = new ArrayList<>();
        long value = now;
        // walking backwards: before an event the count was the count after it minus its change
        List<Point> backwards = new ArrayList<>();
        for (int k = events.size() - 1; k >= 0; k--) {
            backwards.add(new Point(events.get(k).at(), value));
            value -= events.get(k).delta();
        }
        if (!events.isEmpty()) {
            points.add(new Point(events.getFirst().at().minusSeconds(1), value));
        }
        for (int k = backwards.size() - 1; k >= 0; k--) {
            points.add(backwards.get(k));
        }
        points.add(new Point(asOf, now));
        return List.copyOf(points);
    }

    /**
     * The date the major reaches zero at its recent pace: the net decrease from just before the first move within
     * {@link #PACE_WINDOW} before {@code asOf} (or the first move at all, when later) to today, per day, carried on linearly.
     */
    public static Projection project(String majorUuid, long now, List<LedgerMove> moves, ZonedDateTime asOf) {
        List<Event> events = events(majorUuid, moves, asOf);
        if (events.isEmpty()) {
            return new NoMigration();
        }
        if (now <= 0) {
            return new Empty();
        }
        ZonedDateTime windowStart = asOf.minus(PACE_WINDOW);
        long decrease = 0;
        ZonedDateTime from = null;
        for (Event e : events) {
            if (!e.at().isBefore(windowStart)) {
                decrease -= e.delta();
                from = from == null ? e.at() : from;
            }
        }
        if (from == null || decrease <= 0) {
            return new NotMoving();
        }
        // at least a minute, so that a run that has just happened does not read as an infinite pace
        double days = Math.max(Duration.between(from, asOf).toMillis(), 60_000) / 86_400_000.0;
        double perDay = decrease / days;
        long millis = Math.round(now / perDay * 86_400_000.0);
        return new Reaches(asOf.plus(Duration.ofMillis(millis)), perDay, Duration.ofMillis(Math.max(Duration.between(from, asOf).toMillis(), 60_000)));
    }

    /** The major's changes by time: a batch moves instances off its source and onto its target; its undo, back. */
    private static List<Event> events(String majorUuid, List<LedgerMove> moves, ZonedDateTime asOf) {
        List<Event> events = new ArrayList<>();
        for (LedgerMove m : moves) {
            if (m.migrated() == 0 || m.at() == null) {
                continue;
            }
            long sign = majorUuid.equals(m.sourceUuid()) ? -1 : majorUuid.equals(m.targetUuid()) ? 1 : 0;
            if (sign == 0) {
                continue;
            }
            events.add(new Event(m.at(), sign * m.migrated()));
            if (m.undoneAt() != null) {
                events.add(new Event(m.undoneAt(), -sign * m.migrated()));
            }
        }
        events.removeIf(e -> e.at().isAfter(asOf));
        events.sort(Comparator.comparing(Event::at));
        return events;
    }
}
