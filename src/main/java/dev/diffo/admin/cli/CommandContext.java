package dev.diffo.admin.cli;

import dev.diffo.admin.domain.ConnectionInfo;

/** What a command needs from the application: services, and a connection opened from the global options. */
public interface CommandContext {

    /** Opens the connection named by the global options (embedded by default). */
    ConnectionInfo connect();

    <T> T service(Class<T> type);
}
