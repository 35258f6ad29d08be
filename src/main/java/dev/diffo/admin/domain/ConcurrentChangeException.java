package dev.diffo.admin.domain;

/** The specification changed after the user read it; their save would overwrite someone else's change. */
public class ConcurrentChangeException extends DiffoAdminException {
    public ConcurrentChangeException(String what) {
        super(what + " changed underneath you since you opened it", "Refresh to see the current version, then make your change again. Nothing was written.");
    }
}
