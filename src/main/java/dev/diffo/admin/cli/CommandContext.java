package dev.diffo.admin.cli;

import dev.diffo.admin.domain.ConnectionInfo;

/**
 * What a command needs from the root command: a connection opened from the global options. The services a command
 * uses come by constructor injection (the launcher builds the commands through Guice).
 */
public interface CommandContext {

    /** Opens the connection named by the global options (embedded by default). */
    ConnectionInfo connect();
}
