package dev.diffo.admin.domain;

/**
 * What the app's role may not do, refused before anything is read or written: the message says what was refused
 * and for which role, the hint who may do it. The database's own users stay the real security boundary; this is
 * the app refusing early and plainly.
 */
public class NotPermittedException extends DiffoAdminException {
    private final Access access;

    public NotPermittedException(Access access, String message, String hint) {
        super(message, hint);
        this.access = access;
    }

    /** The access the app ran as when it was refused. */
    public Access access() {
        return access;
    }
}
