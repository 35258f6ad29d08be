package dev.diffo.admin.domain;

/** An error meant for the user: what went wrong, and what to do about it. */
public class DiffoAdminException extends RuntimeException {
    private final String hint;

    public DiffoAdminException(String message, String hint) {
        this(message, hint, null);
    }

    public DiffoAdminException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }

    /** The message and the hint, for a dialog or a terminal. */
    public String describe() {
        return hint == null || hint.isBlank() ? getMessage() : getMessage() + "\n" + hint;
    }
}
