package dev.diffo.admin.app;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import java.util.logging.Logger;

/** The desktop user's remembered choices (java.util.prefs: the OS's own store per user). */
final class Preferences {

    private static final String RSP_ROLE = "rspRole";
    private static final Logger LOG = Logger.getLogger(Preferences.class.getName());

    private Preferences() {
    }

    private static java.util.prefs.Preferences node() {
        return java.util.prefs.Preferences.userNodeForPackage(Preferences.class);
    }

    /** The RSP role at start: the one given ({@code --rsp-role}, a profile, the environment), else the remembered one, else the default. */
    static void rspRole(CatalogueSettings settings, String given) {
        if (given != null) {
            settings.rspRole(given);
            return;
        }
        try {
            settings.rspRole(node().get(RSP_ROLE, CatalogueSettings.DEFAULT_RSP_ROLE));
        } catch (DiffoAdminException | SecurityException e) {
            LOG.warning("Ignoring the remembered RSP role: " + e.getMessage());
        }
    }

    /** Sets and remembers the RSP role. */
    static void rememberRspRole(CatalogueSettings settings, String role) {
        settings.rspRole(role);
        try {
            node().put(RSP_ROLE, settings.rspRole());
        } catch (SecurityException e) {
            LOG.warning("Could not remember the RSP role: " + e.getMessage());
        }
    }
}
