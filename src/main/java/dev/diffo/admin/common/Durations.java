package dev.diffo.admin.common;

import dev.diffo.admin.domain.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as a user types it on the command line ({@code 10m}, {@code 90s}, {@code 1h}) and as it is shown back. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|sec|m|min|h)?");

    private Durations() {
    }

    /**
     * {@code 10m}, {@code 90s}, {@code 1h}, a bare number of minutes; {@code 0} or {@code off} for none (zero).
     * {@code what} names the option or variable in the error.
     */
    public static Duration parse(String text, String what) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("no") || t.equals("false")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new InvalidInputException(what + " is '" + text + "', not a duration",
                    "Give minutes (10 or 10m), seconds (90s) or hours (1h); 0 or off for none.");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "m" : m.group(2);
        return switch (unit) {
            case "s", "sec" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    /** The duration as {@link #parse} reads it back, in the largest whole unit: {@code 10m}, {@code 90s}, {@code 1h}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 && s > 0 ? s / 3600 + "h" : s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
    }
}
