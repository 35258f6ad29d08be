package dev.diffo.admin.common;

import dev.diffo.admin.domain.InvalidInputException;
import jakarta.inject.Singleton;

/**
 * How this catalogue's data is read where diffo leaves it to the deployment: the party role that names the RSP
 * owning an instance (diffo's livebook relates the reseller in role {@code Reseller}, next to {@code SiteContact}
 * and {@code Provider}). Set at start from {@code --rsp-role}, a profile's {@code rspRole} or the app's
 * preferences; read by every query that works out an instance's RSP.
 */
@Singleton
public class CatalogueSettings {

    public static final String DEFAULT_RSP_ROLE = "Reseller";

    private volatile String rspRole = DEFAULT_RSP_ROLE;

    public String rspRole() {
        return rspRole;
    }

    /** A diffo role is an atom stored as a string: letters, digits and underscores. */
    public void rspRole(String role) {
        this.rspRole = checkedRole(role);
    }

    public static String checkedRole(String role) {
        String r = role == null ? "" : role.strip();
        if (!r.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            throw new InvalidInputException("'" + (r.length() > 40 ? r.substring(0, 40) + "…" : r) + "' is not a party role",
                    "A role is a word of letters, digits or underscores, as diffo stores it (e.g. Reseller).");
        }
        return r;
    }
}
