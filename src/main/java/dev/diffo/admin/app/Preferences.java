package dev.diffo.admin.app;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import java.util.Optional;
import java.util.logging.Logger;

/** The desktop user's remembered choices (java.util.prefs: the OS's own store per user). */
final class Preferences {

    private static final String RSP_ROLE = "rspRole";
    private static final String WINDOW = "window";
    private static final String APPEARANCE = "appearance";
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

    /** The theme chosen in View → Theme; light the first time. */
    static Appearance appearance() {
        try {
            return Appearance.parse(node().get(APPEARANCE, null)).orElse(Appearance.LIGHT);
        } catch (SecurityException | IllegalStateException e) {
            LOG.warning("Ignoring the remembered theme: " + e.getMessage());
            return Appearance.LIGHT;
        }
    }

    static void rememberAppearance(Appearance appearance) {
        try {
            node().put(APPEARANCE, appearance.name());
            node().flush();
        } catch (SecurityException | IllegalStateException | java.util.prefs.BackingStoreException e) {
            LOG.warning("Could not remember the theme: " + e.getMessage());
        }
    }

    /** Where the main window was, how big, and which screen (tab) it showed, when it last closed. */
    record WindowState(double x, double y, double width, double height, boolean maximized, String screen) {

        String encode() {
            return x + "," + y + "," + width + "," + height + "," + maximized + "," + screen;
        }

        static Optional<WindowState> decode(String text) {
            String[] parts = text == null ? new String[0] : text.split(",");
            if (parts.length != 6) {
                return Optional.empty();
            }
            try {
                WindowState state = new WindowState(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                        Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4]), parts[5]);
                return state.width() >= 200 && state.height() >= 150 ? Optional.of(state) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** The main window as it last closed; empty the first time (or when what was kept cannot be read). */
    static Optional<WindowState> window() {
        try {
            return WindowState.decode(node().get(WINDOW, null));
        } catch (SecurityException | IllegalStateException e) {
            LOG.warning("Ignoring the remembered window: " + e.getMessage());
            return Optional.empty();
        }
    }

    static void rememberWindow(WindowState state) {
        try {
            node().put(WINDOW, state.encode());
            node().flush();
        } catch (SecurityException | IllegalStateException | java.util.prefs.BackingStoreException e) {
            LOG.warning("Could not remember the window: " + e.getMessage());
        }
    }
}
