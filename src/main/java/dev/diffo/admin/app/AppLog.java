package dev.diffo.admin.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The app's own log, as an installed program keeps one: {@code logs/diffo-admin.0.log} in the data directory (owner
 * only, like the store), rotated at 5 MB over three files, one line per record plus any stack trace. Installed by the
 * launcher of a real run (never by tests, which keep the console); the embedded Neo4j keeps its own under
 * {@code neo4j/logs}.
 */
final class AppLog {

    static final String DIRECTORY = "logs";
    private static final int LIMIT_BYTES = 5 * 1024 * 1024;
    private static final int FILES = 3;

    private AppLog() {
    }

    /** Where the current log of a data directory is (whether or not logging went there yet). */
    static Path fileIn(Path dataDirectory) {
        return dataDirectory.resolve(DIRECTORY).resolve("diffo-admin.0.log");
    }

    /**
     * Sends the JDK logging of this process to the data directory's log instead of the console. Returns the log
     * file, or null when it cannot be made there (the console keeps the log; the store, if used, says what is
     * wrong with the directory).
     */
    static Path install(Path dataDirectory) {
        try {
            PrivateFiles.prepareDirectory(dataDirectory);
            Path logs = dataDirectory.resolve(DIRECTORY);
            PrivateFiles.prepareDirectory(logs);
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %1$tZ %4$s %3$s: %5$s%6$s%n");
            FileHandler file = new FileHandler(logs.resolve("diffo-admin.%g.log").toString(), LIMIT_BYTES, FILES, true);
            file.setFormatter(new SimpleFormatter());
            file.setEncoding("UTF-8");
            PrivateFiles.tighten(logs);
            Logger root = Logger.getLogger("");
            for (Handler console : root.getHandlers()) {
                root.removeHandler(console);
            }
            root.addHandler(file);
            root.setLevel(Level.INFO);
            return fileIn(dataDirectory);
        } catch (IOException | RuntimeException e) {
            // the log stays where it was; a store in this directory will say what is wrong with it
            return null;
        }
    }
}
