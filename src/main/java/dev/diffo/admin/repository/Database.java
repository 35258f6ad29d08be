package dev.diffo.admin.repository;

import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.DiffoAdminException;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The one place that holds the {@link Driver}. Every repository call opens a short session and runs one
 * transaction function (a unit of work that lands whole or not at all).
 */
@Singleton
public class Database implements AutoCloseable {

    /**
     * The driver, its database and one bookmark manager shared by every session on it: each session starts from the
     * bookmarks of the transactions committed before it, so on a cluster a read after a write (the screen reloaded
     * after a change, the wizard's verify after a run) is served by a member that has the write, never a stale one.
     */
    private record Connection(Driver driver, String database, ConnectionInfo info, BookmarkManager bookmarks) {
        SessionConfig sessionConfig(AccessMode mode) {
            SessionConfig.Builder builder = SessionConfig.builder().withBookmarkManager(bookmarks).withDefaultAccessMode(mode);
            return (database == null ? builder : builder.withDatabase(database)).build();
        }
    }

    private volatile Connection current;

    /** Makes {@code driver} the one in use; returns the previous driver, for the caller to close. */
    public synchronized Optional<Driver> switchTo(Driver driver, String database, ConnectionInfo info) {
        Connection previous = current;
        current = new Connection(driver, database, info, BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build()));
        return Optional.ofNullable(previous).map(Connection::driver);
    }


    static final String DESCRIBE_SERVER = """
            CALL dbms.components() YIELD name, versions, edition
            WHERE name = 'Neo4j Kernel'
            RETURN versions[0] AS version, edition
            LIMIT 1
            """;

    /** Asks a freshly opened driver what it is connected to (and so checks that the database exists). */
    public static ConnectionInfo describeServer(Driver driver, String database, boolean embedded, String uri, String user) {
        try (var session = driver.session(sessionConfig(database))) {
            return session.executeRead(tx -> {
                var result = tx.run(DESCRIBE_SERVER);
                var record = result.single();
                String name = result.consume().database().name();
                return new ConnectionInfo(embedded, uri, user, record.get("version").asString(), record.get("edition").asString(), name);
            });
        }
    }

    public Optional<ConnectionInfo> info() {
        Connection c = current;
        return c == null ? Optional.empty() : Optional.of(c.info());
    }

    public <T> T read(TransactionCallback<T> work) {
        return run(AccessMode.READ, work);
    }

    public <T> T write(TransactionCallback<T> work) {
        return run(AccessMode.WRITE, work);
    }

    /** Runs {@code work} in an explicit transaction that is always rolled back: a dry run writes nothing. */
    public <T> T rolledBack(java.util.function.Function<org.neo4j.driver.SimpleQueryRunner, T> work) {
        Connection c = connection();
        // a dry run runs the writes and rolls them back: on a cluster it must be on the writer
        try (var session = c.driver().session(c.sessionConfig(AccessMode.WRITE)); var tx = session.beginTransaction()) {
            try {
                return work.apply(tx);
            } finally {
                tx.rollback();
            }
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw lostConnection(c, "Nothing was written (a dry run never writes); reconnect and try again.", e);
        } catch (Neo4jException e) {
            throw translate(c, AccessMode.READ, e);
        }
    }

    /** Transaction functions the driver ran again after a transient failure (a deadlock, say), since the process started. */
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

    /**
     * How many times a transaction function was run again after a transient failure (the driver retries it, rolled back
     * first, for up to 30 s): each one is the whole unit of work done twice, which a benchmark says beside its figures.
     */
    public long retries() {
        return retries.get();
    }

    private <T> T run(AccessMode mode, TransactionCallback<T> work) {
        Connection c = connection();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        TransactionCallback<T> counted = tx -> {
            if (attempts.incrementAndGet() > 1) {
                retries.incrementAndGet();
                LOG.fine(() -> "a " + mode + " transaction function runs again (attempt " + attempts.get() + ") after a transient failure");
            }
            return work.execute(tx);
        };
        try (var session = c.driver().session(c.sessionConfig(mode))) {
            return mode == AccessMode.READ ? session.executeRead(counted) : session.executeWrite(counted);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw lostConnection(c, mode == AccessMode.WRITE
                    ? "The interrupted change was rolled back by Neo4j unless it had already committed; refresh to see the graph as it is, then reconnect and try again."
                    : "Check that the server is running, then reconnect (File → Connect…).", e);
        } catch (Neo4jException e) {
            throw translate(c, mode, e);
        }
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Database.class.getName());

    /**
     * Every other driver failure that would reach a user, as one sentence and a hint; the driver's own message and
     * stack trace go to the log (level FINE), never to the console or a dialog. The cause is kept for callers that
     * react to a particular code (e.g. {@link Neo4jSchema} on a read-only database).
     */
    static DiffoAdminException translate(Connection c, AccessMode mode, Neo4jException e) {
        LOG.log(java.util.logging.Level.FINE, "Neo4j at " + c.info().uri() + " failed: " + e.code(), e);
        String code = e.code() == null ? "" : e.code();
        String nothing = mode == AccessMode.WRITE ? " Nothing was written." : "";
        if (e instanceof ClientException && (code.contains("Forbidden") || code.contains("AccessMode") || code.contains("Unauthorized"))) {
            return new DiffoAdminException("Neo4j refused the " + (mode == AccessMode.WRITE ? "change" : "request") + ": user '" + c.info().user()
                    + "' may not do this on " + (c.info().database() == null ? "this database" : "database '" + c.info().database() + "'"),
                    "Connect as a user with the rights it needs, or to a writable database." + nothing, e);
        }
        if (code.contains("ConstraintValidationFailed")) {
            return new DiffoAdminException("Neo4j refused the change: someone wrote the same thing at the same moment",
                    "Refresh to see the graph as it is now, then try again if it is still needed." + nothing, e);
        }
        if (code.contains("EntityNotFound") || code.contains("DeletedEntity")) {
            return new DiffoAdminException("Something this " + (mode == AccessMode.WRITE ? "change" : "request") + " relies on was deleted meanwhile",
                    "Refresh to see the graph as it is now, then try again." + nothing, e);
        }
        if (e instanceof TransientException) {
            return new DiffoAdminException("Neo4j could not complete the " + (mode == AccessMode.WRITE ? "change" : "request")
                    + " because of other changes running at the same time",
                    "Try again in a moment." + nothing, e);
        }
        if (e instanceof ClientException) {
            return new DiffoAdminException("Neo4j refused the " + (mode == AccessMode.WRITE ? "change" : "request") + " (" + code + ")",
                    "Refresh and try again; if it keeps failing, report it with the time and this code." + nothing, e);
        }
        return new DiffoAdminException("Neo4j failed while running the " + (mode == AccessMode.WRITE ? "change" : "request") + " (" + code + ")",
                "Try again; if it keeps failing, look at the server's log around this time." + nothing, e);
    }

    /** The named database, or the server's default when none is named. */
    private static SessionConfig sessionConfig(String database) {
        return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
    }

    private Connection connection() {
        Connection c = current;
        if (c == null) {
            throw new DiffoAdminException("Not connected to Neo4j", "Connect first: File → Connect…, or start with --uri.");
        }
        return c;
    }

    private static DiffoAdminException lostConnection(Connection c, String hint, RuntimeException cause) {
        LOG.log(java.util.logging.Level.FINE, "Lost the connection to Neo4j at " + c.info().uri(), cause);
        return new dev.diffo.admin.domain.ConnectionLostException("Lost the connection to Neo4j at " + c.info().uri(), hint, cause);
    }

    @Override
    public synchronized void close() {
        Connection c = current;
        current = null;
        if (c != null) {
            c.driver().close();
        }
    }
}
