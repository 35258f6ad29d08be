package dev.diffo.admin.domain;

/**
 * What the person using the app may do. The database's own users are the real security boundary; the app's role
 * makes the screens and services refuse, early and plainly, what the person is not meant to do.
 */
public enum Role {
    /** Every versioning operation; reads and migrates every RSP's instances. */
    CATALOGUE_MANAGER("catalogue manager"),
    /** Bound to one RSP by its key: sees, counts, exports and migrates only that RSP's instances; cannot change specifications. */
    RSP_OPERATOR("RSP operator"),
    /** Reads only. */
    VIEWER("viewer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As written in a profile or on the command line: {@code catalogue-manager}, {@code rsp-operator}, {@code viewer}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Reads a role as {@link #key()} writes it (any case, {@code _} or {@code -}); a clear error names the choices. */
    public static Role parse(String text) {
        if (text != null) {
            String normalised = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Role role : values()) {
                if (role.name().equals(normalised)) {
                    return role;
                }
            }
        }
        throw new InvalidInputException("Unknown role '" + text + "'.", "Use catalogue-manager, rsp-operator or viewer.");
    }
}
