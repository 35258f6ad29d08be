package dev.diffo.admin.repository;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.neo4j.driver.Value;

/** Tolerant reading of what diffo (and older ash_neo4j releases) store. */
final class GraphValues {
    /** diffo's Bolt client reads zone-id datetimes; it likely fails on offset ones. */
    static final ZoneId UTC = ZoneId.of("Etc/UTC");

    private GraphValues() {
    }

    static ZonedDateTime now() {
        return ZonedDateTime.now(UTC);
    }

    /** Native DATETIME (zone id or offset), LOCAL DATETIME, or an ISO string (ash_neo4j before 0.3.1). */
    static ZonedDateTime dateTime(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        Object o = value.asObject();
        return switch (o) {
            case ZonedDateTime z -> z;
            case OffsetDateTime odt -> odt.toZonedDateTime();
            case LocalDateTime ldt -> ldt.atZone(UTC);
            case String s -> parse(s);
            default -> null;
        };
    }

    private static ZonedDateTime parse(String s) {
        try {
            return ZonedDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(UTC);
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    static String string(Value value) {
        return value == null || value.isNull() ? null : value.asObject().toString();
    }

    /** Integers are native; tolerate a float or a numeric string written by another tool. */
    static long integer(Value value, long fallback) {
        if (value == null || value.isNull()) {
            return fallback;
        }
        Object o = value.asObject();
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(o.toString().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
