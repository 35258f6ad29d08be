package dev.diffo.admin.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the embedded store lives by default (the user's data directory) and where the profiles are kept (the user's config directory), per OS convention. */
final class DataDirectories {
    private DataDirectories() {
    }

    static Path defaultFor(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData/Local")).resolve("diffo-admin");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/diffo-admin");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("diffo-admin");
    }

    /** Overrides the config directory (tests, a second set of profiles): {@code -Ddiffo.configDir=DIR} or {@code DIFFO_ADMIN_CONFIG_DIR}. */
    static final String CONFIG_DIR_PROPERTY = "diffo.configDir";

    /**
     * The user's config directory for diffo-admin: {@code -Ddiffo.configDir}, else {@code DIFFO_ADMIN_CONFIG_DIR}, else
     * {@code $XDG_CONFIG_HOME/diffo-admin} or {@code ~/.config/diffo-admin} on Linux, {@code ~/Library/Application
     * Support/diffo-admin} on macOS, {@code %APPDATA%\diffo-admin} on Windows.
     */
    static Path configFor(Map<String, String> env) {
        String given = System.getProperty(CONFIG_DIR_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String fromEnv = env.get("DIFFO_ADMIN_CONFIG_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String roaming = env.get("APPDATA");
            return (roaming != null ? Path.of(roaming) : home.resolve("AppData/Roaming")).resolve("diffo-admin");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/diffo-admin");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("diffo-admin");
    }
}
