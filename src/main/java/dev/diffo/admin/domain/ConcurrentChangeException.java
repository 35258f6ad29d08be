package dev.diffo.admin.domain;

/** The specification changed after the user read it; their save would overwrite someone else's change. */
public class ConcurrentChangeException extends DiffoAdminException {
    public ConcurrentChangeException(String name, String versionNow) {
        super(name + " changed underneath you since you opened it: it is now " + versionNow,
                "Refresh to see the current version, then make your change again. Nothing was written.");
    }
}
