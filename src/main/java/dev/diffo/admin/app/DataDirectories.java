package dev.diffo.admin.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the embedded store lives by default: the user's data directory, per OS convention. */
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
}
