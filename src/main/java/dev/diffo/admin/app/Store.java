package dev.diffo.admin.app;

import dev.diffo.admin.common.Connector;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.repository.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * Opens the store: the embedded Neo4j (started on demand) or a server, always over Bolt. A new connection
 * replaces the old one only once it works; shutting down closes the driver and stops the embedded store.
 */
@Singleton
public class Store implements Connector, AutoCloseable {

    /** Seconds to wait for a server to accept and answer (connect, handshake, a pooled connection); default 5. */
    static final String CONNECT_TIMEOUT_PROPERTY = "diffo.neo4j.connectTimeoutSeconds";
    /** Seconds the driver keeps retrying a transaction that failed transiently (deadlock, leader switch); default 10. */
    static final String RETRY_PROPERTY = "diffo.neo4j.retrySeconds";
    /** The driver's own log level (java.util.logging name, e.g. WARNING); default OFF: its stack traces never reach the console. */
    static final String DRIVER_LOG_PROPERTY = "diffo.neo4j.driverLog";

    static int connectTimeoutSeconds() {
        return Math.max(1, Integer.getInteger(CONNECT_TIMEOUT_PROPERTY, 5));
    }

    private static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    private final Database database;
    private final ConnectionSettings startup;
    private final EmbeddedNeo4j.Options embeddedOptions;
    private EmbeddedNeo4j embedded;

    @Inject
    public Store(Database database, ConnectionSettings startup, EmbeddedNeo4j.Options embeddedOptions) {
        this.database = database;
        this.startup = startup;
        this.embeddedOptions = embeddedOptions;
    }

    @Override
    public ConnectionSettings startupSettings() {
        return startup;
    }

    @Override
    public Optional<ConnectionInfo> current() {
        return database.info();
    }

    /** Where to connect: the embedded store's Bolt address (started here when it is a new one) or the server's. */
    private record Target(String uri, String user, char[] password, EmbeddedNeo4j startedHere) {
    }

    @Override
    public synchronized ConnectionInfo connect(ConnectionSettings settings) {
        boolean wantsEmbedded = settings.isEmbedded();
        Target target = wantsEmbedded ? embeddedTarget(settings) : serverTarget(settings);
        Driver driver = null;
        try {
            // a server without authentication (--no-auth): no password is asked for, sent or kept
            AuthToken auth = !wantsEmbedded && settings.noAuth() ? AuthTokens.none() : AuthTokens.basic(target.user(), new String(target.password()));
            driver = openDriver(target.uri(), auth);
            String db = settings.database() == null || settings.database().isBlank() ? null : settings.database().strip();
            ConnectionInfo info = Database.describeServer(driver, db, wantsEmbedded, target.uri(), target.user());
            Optional<Driver> previous = database.switchTo(driver, db, info);
            previous.ifPresent(Driver::close);
            if (target.startedHere() != null) {
                stopEmbedded();
                embedded = target.startedHere();
            } else if (!wantsEmbedded) {
                stopEmbedded();
            }
            return info;
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.close();
            }
            if (target.startedHere() != null) {
                target.startedHere().close();
            }
            throw translate(e, target.uri(), target.user(), settings.database());
        }
    }

    private Target embeddedTarget(ConnectionSettings settings) {
        Path dir = settings.dataDirectory() != null ? settings.dataDirectory() : startup.dataDirectory();
        EmbeddedNeo4j startedHere = embedded == null || !embedded.dataDirectory().equals(dir) ? EmbeddedNeo4j.start(dir, embeddedOptions) : null;
        EmbeddedNeo4j store = startedHere != null ? startedHere : embedded;
        return new Target(store.boltUri(), EmbeddedNeo4j.USER, store.password(), startedHere);
    }

    private static Target serverTarget(ConnectionSettings settings) {
        String uri = validateUri(settings.uri());
        BoltProbe.check(uri, connectTimeoutSeconds());
        String user = settings.userOrDefault();
        if (settings.password() == null && !settings.noAuth()) {
            throw new InvalidInputException("No password given for " + user + " at " + uri,
                    "Type it in the connection dialog, or set DIFFO_ADMIN_PASSWORD (it is never taken from the command line).");
        }
        return new Target(uri, user, settings.password(), null);
    }

    private static Driver openDriver(String uri, AuthToken auth) {
        Driver driver = GraphDatabase.driver(uri, auth, Config.builder()
                .withConnectionTimeout(connectTimeoutSeconds(), TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(connectTimeoutSeconds(), TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(Math.max(0, Integer.getInteger(RETRY_PROPERTY, 10)), TimeUnit.SECONDS)
                .withUserAgent("diffo-admin")
                .withLogging(driverLogging())
                .build());
        try {
            driver.verifyConnectivity();
            return driver;
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    private static Logging driverLogging() {
        String level = System.getProperty(DRIVER_LOG_PROPERTY);
        return level == null || level.isBlank() || level.equalsIgnoreCase("OFF") ? Logging.none() : Logging.javaUtilLogging(Level.parse(level.strip()));
    }

    static String validateUri(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("The Neo4j address is empty", "Give one such as bolt://127.0.0.1:7687, or choose the embedded store.");
        }
        String uri = raw.strip();
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() == null || !SCHEMES.contains(parsed.getScheme()) || parsed.getHost() == null) {
                throw new InvalidInputException("'" + uri + "' is not a Neo4j address",
                        "Use bolt://host:7687 or neo4j://host:7687 (+s or +ssc for TLS).");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("'" + uri + "' is not a Neo4j address: " + e.getReason(),
                    "Use bolt://host:7687 or neo4j://host:7687 (+s or +ssc for TLS).");
        }
    }

    private static RuntimeException translate(RuntimeException e, String uri, String user, String database) {
        return switch (e) {
            case DiffoAdminException known -> known;
            case AuthenticationException auth -> new DiffoAdminException("Neo4j at " + uri + " refused user '" + user + "': wrong user name or password",
                    "Check the credentials and connect again. Nothing was read or written.", auth);
            case SecurityException sec -> new DiffoAdminException("Neo4j at " + uri + " refused the connection: " + sec.getMessage(),
                    "Check the user's rights and the TLS scheme (bolt+s / bolt+ssc).", sec);
            case ServiceUnavailableException down -> new DiffoAdminException("Cannot reach Neo4j at " + uri,
                    "Is the server running and listening there? Check host and port, or use the embedded store.", down);
            case ClientException client when client.code() != null && client.code().contains("DatabaseNotFound") ->
                    new DiffoAdminException("Database '" + database + "' does not exist on " + uri,
                            "Leave the database empty for the server's default, or name one that exists (SHOW DATABASES).", client);
            case IllegalArgumentException bad -> new InvalidInputException("Cannot connect to '" + uri + "': " + bad.getMessage(),
                    "Use bolt://host:7687 or neo4j://host:7687.");
            default -> new DiffoAdminException("Connecting to " + uri + " failed (" + e.getClass().getSimpleName() + ")",
                    "Check the address and that it is a Neo4j server; the details are in the log.", e);
        };
    }

    private void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    @Override
    public synchronized void close() {
        database.close();
        stopEmbedded();
    }
}
