package dev.diffo.admin.domain;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one way dates are shown to a person (screens and the command line's text): local time with its zone,
 * {@code 2026-11-30 16:20:05 AEDT}. Machine-readable output (CSV, JSON) keeps ISO-8601 instead.
 */
public final class Dates {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private Dates() {
    }

    /** Local time with zone; empty for null. */
    public static String display(ZonedDateTime when) {
        return display(when, ZoneId.systemDefault());
    }

    public static String display(ZonedDateTime when, ZoneId zone) {
        return when == null ? "" : DISPLAY.format(when.withZoneSameInstant(zone));
    }

    /** An ISO-8601 date-time as the graph returns it as text, shown as {@link #display(ZonedDateTime)}; unparseable text as it is. */
    public static String displayIso(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return display(ZonedDateTime.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** ISO-8601 with offset, for CSV and JSON; null for null. */
    public static String iso(ZonedDateTime when) {
        return when == null ? null : when.toOffsetDateTime().toString();
    }
}
