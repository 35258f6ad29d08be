package dev.diffo.admin.app;

import dev.diffo.admin.common.RunsAdministrativeCypher;
import dev.diffo.admin.domain.DiffoAdminException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * An in-process Neo4j that the app talks to over Bolt on 127.0.0.1 like to any server: auth enabled,
 * with a generated password kept in a file only the user can read.
 */
@RunsAdministrativeCypher("sets the embedded store's password in the system database")
public final class EmbeddedNeo4j implements AutoCloseable {

    public static final String USER = "neo4j";
    static final String PASSWORD_FILE = "neo4j-password";

    private final Path dataDirectory;
    private final DatabaseManagementService service;
    private final String boltUri;
    private final char[] password;

    private EmbeddedNeo4j(Path dataDirectory, DatabaseManagementService service, String boltUri, char[] password) {
        this.dataDirectory = dataDirectory;
        this.service = service;
        this.boltUri = boltUri;
        this.password = password;
    }

    /** Sizes for the page cache; the app's default is modest, tests and benchmarks choose their own. */
    public record Options(long pageCacheBytes) {
        public static Options defaults() {
            return new Options(Long.getLong("diffo.neo4j.pagecache", 512L * 1024 * 1024));
        }
    }

    public static EmbeddedNeo4j start(Path dataDirectory, Options options) {
        try {
            if (dataDirectory.toString().isBlank()) {
                throw new DiffoAdminException("No data directory given for the embedded store", "Give one with --data-dir DIR.");
            }
            PrivateFiles.prepareDirectory(dataDirectory);
            char[] password = readOrCreatePassword(dataDirectory.resolve(PASSWORD_FILE));
            DatabaseManagementService service = new DatabaseManagementServiceBuilder(dataDirectory.resolve("neo4j"))
                    .setConfig(Map.of(
                            BoltConnector.enabled, true,
                            BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0),
                            BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED,
                            GraphDatabaseSettings.auth_enabled, true,
                            GraphDatabaseSettings.udc_enabled, false,
                            GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes(),
                            GraphDatabaseSettings.preallocate_logical_logs, false,
                            GraphDatabaseSettings.keep_logical_logs, "keep_none",
                            // the diagnostics dump (store files, JVM, OS, config) into debug.log on every start: a
                            // server's support aid, time spent on each start of a desktop store
                            GraphDatabaseInternalSettings.dump_diagnostics, false,
                            // Bolt's two Netty event loop groups each wait a quiet period (5 s by default) for new work
                            // before they stop: 10 s of every shutdown spent idle. The driver is closed before the store
                            // (Store.close), so no connection is left to wait for; commits and the checkpoint are unaffected.
                            GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, java.time.Duration.ZERO))
                    .build();
            try {
                setPassword(service, password);
                var db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
                var port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT);
                PrivateFiles.tighten(dataDirectory);
                String boltUri = "bolt://127.0.0.1:" + port.getPort();
                // other diffo-admin processes on this directory talk to this store instead of failing on its lock
                HeldStore.publish(dataDirectory, boltUri);
                return new EmbeddedNeo4j(dataDirectory, service, boltUri, password);
            } catch (RuntimeException e) {
                service.shutdown();
                throw e;
            }
        } catch (IOException e) {
            throw new DiffoAdminException("Cannot prepare the embedded store at " + dataDirectory + ": " + e.getMessage(),
                    "Check that the directory is writable, or choose another with --data-dir.", e);
        } catch (RuntimeException e) {
            if (e instanceof DiffoAdminException) {
                throw e;
            }
            throw new DiffoAdminException("The embedded Neo4j at " + dataDirectory + " did not start: " + rootMessage(e),
                    "If another diffo-admin (or a Neo4j) is using this store, close it, or start with another --data-dir. "
                            + "Its log is in " + dataDirectory.resolve("neo4j/logs") + ".", e);
        }
    }

    /** Whether the store did not start because another process holds its lock (Neo4j's FileLockException). */
    static boolean lockedByAnother(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")
                    || (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("locked by another process"))) {
                return true;
            }
        }
        return false;
    }

    /** The ids of the Bolt connections open to this store now (this process's driver's included). */
    java.util.Set<String> boltConnections() {
        var db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        return db.getDependencyResolver().resolveDependency(org.neo4j.kernel.api.net.NetworkConnectionTracker.class).activeConnections().stream()
                .map(org.neo4j.kernel.api.net.TrackedNetworkConnection::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Makes the store's password the one in the file (a new store, or a password file replaced by hand). The usual
     * case, a store that already has it, is found by a login check against the auth manager (a hash, milliseconds):
     * the {@code ALTER USER} it would otherwise run is a system-database Cypher command whose planning costs seconds
     * of a cold JVM's start.
     */
    private static void setPassword(DatabaseManagementService service, char[] password) {
        if (alreadySet(service, password)) {
            return;
        }
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", new String(password)));
        } catch (RuntimeException e) {
            if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    /** Whether the store's user already logs in with this password (false when it cannot be told: it is then set). */
    private static boolean alreadySet(DatabaseManagementService service, char[] password) {
        try {
            var system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            AuthManager auth = system.getDependencyResolver().resolveDependency(AuthManager.class);
            LoginContext login = auth.login(AuthToken.newBasicAuthToken(USER, new String(password)), ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (InvalidAuthTokenException | RuntimeException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The password file is created owner-read/write only before anything is written into it. */
    static char[] readOrCreatePassword(Path file) throws IOException {
        java.util.Optional<char[]> stored = storedPassword(file);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            if (Files.getFileAttributeView(file.getParent(), java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException ignored) {
            // an empty file left behind: overwrite it below
        }
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return password.toCharArray();
    }

    public String boltUri() {
        return boltUri;
    }

    public char[] password() {
        return password.clone();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The store's password for a process that talks to a store another process holds (none when the file is missing). */
    static java.util.Optional<char[]> existingPassword(Path dataDirectory) {
        try {
            return storedPassword(dataDirectory.resolve(PASSWORD_FILE));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The password the file holds (none when it is missing or empty); a file other users may read is refused. */
    private static java.util.Optional<char[]> storedPassword(Path file) throws IOException {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        PrivateFiles.requirePrivate(file, "The password file " + file, "chmod 600 " + file, false);
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        return stored.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(stored.toCharArray());
    }

    @Override
    public void close() {
        HeldStore.withdraw(dataDirectory);
        service.shutdown();
    }
}
