package dev.diffo.admin.app;

import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * The Neo4j driver as {@link Store} opens it, for the embedded store and a server alike: its timeouts, retries and
 * logging (each settable by a system property), a trusted CA for {@code +s} addresses, and its failures said as one
 * sentence and a hint.
 */
final class Drivers {

    private Drivers() {
    }

    /** Seconds to wait for a server to accept and answer (connect, handshake, a pooled connection); default 5. */
    static final String CONNECT_TIMEOUT_PROPERTY = "diffo.neo4j.connectTimeoutSeconds";
    /** Seconds the driver keeps retrying a transaction that failed transiently (deadlock, leader switch); default 10. */
    static final String RETRY_PROPERTY = "diffo.neo4j.retrySeconds";
    /** The driver's own log level (java.util.logging name, e.g. WARNING); default OFF: its stack traces never reach the console. */
    static final String DRIVER_LOG_PROPERTY = "diffo.neo4j.driverLog";

    static int connectTimeoutSeconds() {
        return Math.max(1, Integer.getInteger(CONNECT_TIMEOUT_PROPERTY, 5));
    }

    /** A CA file is for +s addresses only, and must be a readable file. */
    static void checkCa(String uri, Path ca) {
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
    static Driver open(String uri, AuthToken auth, Path trustedCa) {
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

    static RuntimeException translate(RuntimeException e, String uri, String user, String database, Path trustedCa) {
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
}
