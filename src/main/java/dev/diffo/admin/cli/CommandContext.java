package dev.diffo.admin.cli;

import dev.diffo.admin.domain.ConnectionInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * What a command needs from the root command: a connection opened from the global options. The services a command
 * uses come by constructor injection (the launcher builds the commands through Guice).
 */
public interface CommandContext {

    /** Opens the connection named by the global options (embedded by default). */
    ConnectionInfo connect();

    /**
     * Holds the embedded store this command opened until no other process has used it for {@code idle} (null: until
     * stopped) or {@code atMost} has passed (null: no limit); true when it ended idle.
     */
    boolean holdUntilIdle(Duration idle, Duration atMost) throws InterruptedException;

    /** Stops the process that holds this data directory's embedded store open: its pid, or empty when none does. */
    OptionalLong stopHolder() throws InterruptedException;

    /** The embedded store's data directory these options name (a server's session has one too: it is not used). */
    Path dataDirectory();
}
