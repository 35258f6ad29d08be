package dev.diffo.admin.common;

import dev.diffo.admin.domain.DiffoAdminException;

/** Turns any failure into text a user can act on. */
public final class Errors {
    private Errors() {
    }

    public static String describe(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof DiffoAdminException e) {
                return e.describe();
            }
            t = t.getCause();
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The first line of {@link #describe}, for a status bar. */
    public static String headline(Throwable error) {
        String text = describe(error);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
