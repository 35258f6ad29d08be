package dev.diffo.admin.common;

import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import java.util.Optional;

/** Opens the store the app works on: embedded Neo4j or a server. Implemented in {@code app}. */
public interface Connector {

    /** Connects (closing any previous connection once the new one works); blocks, so call it off the UI thread. */
    ConnectionInfo connect(ConnectionSettings settings);

    Optional<ConnectionInfo> current();

    /** The settings the app was started with (command line, environment, or embedded by default). */
    ConnectionSettings startupSettings();
}
