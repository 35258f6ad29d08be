package dev.diffo.admin.app;

import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.PasswordVault;
import dev.diffo.admin.common.Profiles;
import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.ConnectionReport;
import dev.diffo.admin.repository.ConnectionCheck;
import java.nio.file.Files;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.repository.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.Optional;
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

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Store.class.getName());

    static int connectTimeoutSeconds() {
        return Math.max(1, Integer.getInteger(CONNECT_TIMEOUT_PROPERTY, 5));
    }

    private final Database database;
    private final ConnectionSettings startup;
    private final EmbeddedNeo4j.Options embeddedOptions;
    private final CurrentAccess access;
    private final Profiles profiles;
    private final PasswordVault vault;
    private EmbeddedNeo4j embedded;

    /** Without stored profiles or a keyring (tests that open stores of their own). */
    public Store(Database database, ConnectionSettings startup, EmbeddedNeo4j.Options embeddedOptions) {
        this(database, startup, embeddedOptions, new CurrentAccess(), null, null);
    }

    /**
     * {@code access} is set on every connection that works (the profile's or the command line's role, else a catalogue
     * manager); {@code profiles} learns which profile was used last; {@code vault} gives a profile's kept password.
     */
    @Inject
    public Store(Database database, ConnectionSettings startup, EmbeddedNeo4j.Options embeddedOptions, CurrentAccess access, Profiles profiles,
                 PasswordVault vault) {
        this.database = database;
        this.startup = startup;
        this.embeddedOptions = embeddedOptions;
        this.access = access;
        this.profiles = profiles;
        this.vault = vault;
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
            driver = openDriver(target.uri(), auth, wantsEmbedded ? null : settings.trustedCa());
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
            // the role the app runs as from now on: the profile's (or --role/--rsp), a catalogue manager when none is given
            access.set(settings.accessOrDefault());
            if (settings.profile() != null && profiles != null) {
                try {
                    profiles.markUsed(settings.profile());
                } catch (DiffoAdminException e) {
                    LOG.warning("Could not remember the last profile: " + e.getMessage());
                }
            }
            return info;
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.close();
            }
            if (target.startedHere() != null) {
                target.startedHere().close();
            }
            throw translate(e, target.uri(), target.user(), settings.database(), settings.trustedCa());
        }
    }

    @Override
    public ConnectionReport test(ConnectionSettings settings) {
        if (settings.isEmbedded()) {
            throw new InvalidInputException("Test connection is for a server", "Give the server's address (bolt://, neo4j://, +s or +ssc).");
        }
        Target target = serverTarget(settings);
        AuthToken auth = settings.noAuth() ? AuthTokens.none() : AuthTokens.basic(target.user(), new String(target.password()));
        String db = settings.database() == null || settings.database().isBlank() ? null : settings.database().strip();
        String scheme = ConnectionProfile.scheme(target.uri());
        try (Driver driver = openDriver(target.uri(), auth, settings.trustedCa())) {
            // an RSP operator's profile is told no count of every RSP's instances
            return ConnectionCheck.report(driver, db, target.uri(), tlsLine(scheme, settings.trustedCa()), scheme.startsWith("neo4j"))
                    .forRsp(settings.accessOrDefault().rspKey());
        } catch (RuntimeException e) {
            throw translate(e, target.uri(), target.user(), settings.database(), settings.trustedCa());
        }
    }

    /** How the connection is protected, one sentence. */
    static String tlsLine(String scheme, Path trustedCa) {
        if (scheme.endsWith("+ssc")) {
            return "Encrypted (TLS), but any certificate is accepted (+ssc): the server is not authenticated; use +s with its CA to be sure it is the server you mean.";
        }
        if (scheme.endsWith("+s")) {
            return "Encrypted (TLS); the certificate is signed by " + (trustedCa == null ? "a CA this computer trusts" : "the CA in " + trustedCa)
                    + " and names the host.";
        }
        return "Not encrypted: what is sent, the password included, can be read on the network (use " + scheme + "+s:// where the server has TLS).";
    }

    private Target embeddedTarget(ConnectionSettings settings) {
        Path dir = settings.dataDirectory() != null ? settings.dataDirectory() : startup.dataDirectory();
        EmbeddedNeo4j startedHere = embedded == null || !embedded.dataDirectory().equals(dir) ? EmbeddedNeo4j.start(dir, embeddedOptions) : null;
        EmbeddedNeo4j store = startedHere != null ? startedHere : embedded;
        return new Target(store.boltUri(), EmbeddedNeo4j.USER, store.password(), startedHere);
    }

    private Target serverTarget(ConnectionSettings settings) {
        String uri = validateUri(settings.uri());
        if (settings.trustedCa() != null) {
            checkCa(uri, settings.trustedCa());
        }
        BoltProbe.check(uri, connectTimeoutSeconds());
        String user = settings.userOrDefault();
        char[] password = settings.password();
        if (password == null && !settings.noAuth() && settings.profile() != null && vault != null) {
            password = vault.find(settings.profile()).orElse(null);
        }
        if (password == null && !settings.noAuth()) {
            throw new InvalidInputException("No password given for " + user + " at " + uri,
                    "Type it in the connection dialog (it can be kept in the OS keyring), or set DIFFO_ADMIN_PASSWORD (it is never taken from the command line).");
        }
        return new Target(uri, user, password, null);
    }

    /** A CA file is for +s addresses only, and must be a readable file. */
    private static void checkCa(String uri, Path ca) {
        String scheme = ConnectionProfile.scheme(uri);
        if (!scheme.endsWith("+s")) {
            throw new InvalidInputException("A trusted CA certificate is only used with bolt+s:// or neo4j+s://, not " + scheme + "://",
                    "Use " + scheme.replace("+ssc", "") + "+s:// to trust only that CA's certificates, or remove the CA file.");
        }
        if (!Files.isRegularFile(ca) || !Files.isReadable(ca)) {
            throw new InvalidInputException("The CA certificate " + ca + " cannot be read", "Give the path of the CA's certificate (PEM, e.g. ca.crt). Nothing was sent to the server.");
        }
    }

    /**
     * With a CA file, {@code bolt+s://} is opened as {@code bolt://} with encryption on and only certificates signed
     * by that CA trusted, with the host name checked (the driver takes trust settings only for unsuffixed schemes).
     */
    private static Driver openDriver(String uri, AuthToken auth, Path trustedCa) {
        Config.ConfigBuilder config = Config.builder()
                .withConnectionTimeout(connectTimeoutSeconds(), TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(connectTimeoutSeconds(), TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(Math.max(0, Integer.getInteger(RETRY_PROPERTY, 10)), TimeUnit.SECONDS)
                .withUserAgent("diffo-admin")
                .withLogging(driverLogging());
        String driverUri = uri;
        if (trustedCa != null) {
            driverUri = uri.replaceFirst("(?i)^(bolt|neo4j)\\+s://", "$1://");
            config.withEncryption().withTrustStrategy(Config.TrustStrategy.trustCustomCertificateSignedBy(trustedCa.toFile()).withHostnameVerification());
        }
        Driver driver = GraphDatabase.driver(driverUri, auth, config.build());
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
        return ConnectionProfile.checkedUri(raw);
    }

    private static RuntimeException translate(RuntimeException e, String uri, String user, String database, Path trustedCa) {
        RuntimeException tls = TlsFailures.explain(e, uri, trustedCa);
        if (tls != null) {
            return tls;
        }
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
