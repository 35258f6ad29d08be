package dev.diffo.admin.common;

import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionReport;
import dev.diffo.admin.domain.ConnectionSettings;
import java.util.Optional;

/** Opens the store the app works on: embedded Neo4j or a server. Implemented in {@code app}. */
public interface Connector {

    /** Connects (closing any previous connection once the new one works); blocks, so call it off the UI thread. */
    ConnectionInfo connect(ConnectionSettings settings);

    Optional<ConnectionInfo> current();

    /**
     * Test connection: connects with {@code settings} on a driver of its own (the working connection stays), reports
     * what it found and closes it; a failure is one sentence and a hint (TLS, certificate, hostname, credentials,
     * database). Blocks, so call it off the UI thread.
     */
    ConnectionReport test(ConnectionSettings settings);

    /** The settings the app was started with (command line, environment, or embedded by default). */
    ConnectionSettings startupSettings();
}
