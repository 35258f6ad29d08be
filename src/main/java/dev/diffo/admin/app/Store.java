package dev.diffo.admin.app;

import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.PasswordVault;
import dev.diffo.admin.common.Profiles;
import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.ConnectionReport;
import dev.diffo.admin.repository.ConnectionCheck;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.repository.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Optional;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/**
 * Opens the store: the embedded Neo4j (started on demand) or a server, always over Bolt. A new connection
 * replaces the old one only once it works; shutting down closes the driver and stops the embedded store.
 */
@Singleton
public class Store implements Connector, AutoCloseable {

    /** Seconds to wait for another process that is opening the same embedded store to publish its address; default 30. */
    static final String SHARE_WAIT_PROPERTY = "diffo.embedded.shareWaitSeconds";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Store.class.getName());

    private final Database database;
    private final ConnectionSettings startup;
    private final EmbeddedNeo4j.Options embeddedOptions;
    private final CurrentAccess access;
    private final Profiles profiles;
    private final PasswordVault vault;
    private EmbeddedNeo4j embedded;
    /** The startup connect begun by {@link #connectEarly} and not yet taken by a {@link #connect}; null when none. */
    private CompletableFuture<ConnectionInfo> early;
    /** Set by {@link #close}: an early connect that has not begun by then does not start the store. */
    private boolean closed;
    /** How long a holder started for this process keeps the store open after its last use; zero: none is started. */
    private volatile Duration keepOpen = Duration.ZERO;
    /** The holder this process started in the background (its pid), 0 when none. */
    private volatile long startedHolder;

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

    /**
     * For a command: when this process started the embedded store, hand it on {@link #close} to a process started in
     * the background that keeps it open for {@code idle} after the last command ({@link BackgroundHolder}). Zero (the
     * default, and always for the window, {@code serve} and the benchmarks): the store is closed and that is all.
     */
    public void keepOpen(Duration idle) {
        this.keepOpen = idle == null || idle.isNegative() ? Duration.ZERO : idle;
    }

    /** The process this one started on {@link #close} to keep the store open, when it did. */
    public OptionalLong startedHolder() {
        long pid = startedHolder;
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    @Override
    public ConnectionSettings startupSettings() {
        return startup;
    }

    @Override
    public Optional<ConnectionInfo> current() {
        return database.info();
    }

    /**
     * Where to connect: the embedded store's Bolt address (started here when it is a new one, or {@code held} by another
     * diffo-admin process) or the server's.
     */
    private record Target(String uri, String user, char[] password, EmbeddedNeo4j startedHere, HeldStore.Held held) {
        Target(String uri, String user, char[] password, EmbeddedNeo4j startedHere) {
            this(uri, user, password, startedHere, null);
        }
    }

    /**
     * Begins the startup connect on a thread of its own, so that the embedded store starts (and the driver connects)
     * while the window is being built; the first {@link #connect} takes its outcome, a failure included. Only for the
     * embedded store: a server's connect may need a password the window asks for, and is begun by the window as
     * before. Another process holding the store is found as in {@link #connect}.
     */
    public void connectEarly() {
        ConnectionSettings settings = startup;
        if (settings == null || !settings.isEmbedded()) {
            return;
        }
        CompletableFuture<ConnectionInfo> begun = new CompletableFuture<>();
        synchronized (this) {
            if (early != null || database.info().isPresent()) {
                return;
            }
            early = begun;
        }
        Thread.ofPlatform().name("diffo-admin-store-start").daemon(true).start(() -> {
            try {
                begun.complete(connectUnlessClosed(settings));
            } catch (Throwable e) {
                begun.completeExceptionally(e);
            }
        });
    }

    /**
     * Connects; the first call after {@link #connectEarly} waits for that connect instead, and answers with it when
     * {@code settings} are the startup's (its failure is then this call's); other settings connect after it.
     */
    @Override
    public ConnectionInfo connect(ConnectionSettings settings) {
        CompletableFuture<ConnectionInfo> begun = takeEarly();
        if (begun != null) {
            try {
                ConnectionInfo info = begun.join();
                if (settings.equals(startup)) {
                    return info;
                }
            } catch (CompletionException e) {
                if (settings.equals(startup)) {
                    throw e.getCause() instanceof RuntimeException failed ? failed : e;
                }
            }
        }
        return connectNow(settings);
    }

    private synchronized CompletableFuture<ConnectionInfo> takeEarly() {
        CompletableFuture<ConnectionInfo> begun = early;
        early = null;
        return begun;
    }

    /** The early connect, unless the app closed before it began (the store is then not started). */
    private synchronized ConnectionInfo connectUnlessClosed(ConnectionSettings settings) {
        if (closed) {
            throw new DiffoAdminException("The app closed before it connected", "Nothing was opened.");
        }
        return connect(settings, true);
    }

    private synchronized ConnectionInfo connectNow(ConnectionSettings settings) {
        return connect(settings, true);
    }

    /** {@code mayShare}: an embedded store another process holds is used over Bolt (else this process starts it). */
    private ConnectionInfo connect(ConnectionSettings settings, boolean mayShare) {
        boolean wantsEmbedded = settings.isEmbedded();
        Target target = wantsEmbedded ? embeddedTarget(settings, mayShare) : serverTarget(settings);
        Driver driver = null;
        try {
            // a server without authentication (--no-auth): no password is asked for, sent or kept
            AuthToken auth = !wantsEmbedded && settings.noAuth() ? AuthTokens.none() : AuthTokens.basic(target.user(), new String(target.password()));
            driver = Drivers.open(target.uri(), auth, wantsEmbedded ? null : settings.trustedCa());
            String db = settings.database() == null || settings.database().isBlank() ? null : settings.database().strip();
            ConnectionInfo info = Database.describeServer(driver, db, wantsEmbedded, target.uri(), target.user());
            if (target.held() != null) {
                info = info.heldBy(target.held().pid());
                // a use the holder counts: it keeps the store open for its idle time after this
                HeldStore.touch(dataDirectory(settings));
            }
            Optional<Driver> previous = database.switchTo(driver, db, info);
            previous.ifPresent(Driver::close);
            if (target.startedHere() != null) {
                stopEmbedded();
                embedded = target.startedHere();
            } else if (!wantsEmbedded || target.held() != null) {
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
            if (target.held() != null) {
                // the holder went away (or is closing: idle, or stopped) between its note and our login: once it has
                // let go of the store, connect again (a new holder, or the store opened here)
                LOG.info("The embedded store held by process " + target.held().pid() + " did not answer (" + e.getMessage() + "); connecting again");
                HeldStore.awaitGone(target.held(), Duration.ofSeconds(60));
                return connect(settings, !target.held().equals(HeldStore.read(dataDirectory(settings).resolve(HeldStore.FILE)).orElse(null)));
            }
            throw Drivers.translate(e, target.uri(), target.user(), settings.database(), settings.trustedCa());
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
        try (Driver driver = Drivers.open(target.uri(), auth, settings.trustedCa())) {
            // an RSP operator's profile is told no count of every RSP's instances
            return ConnectionCheck.report(driver, db, target.uri(), TlsFailures.protection(scheme, settings.trustedCa()), scheme.startsWith("neo4j"))
                    .forRsp(settings.accessOrDefault().rspKey());
        } catch (RuntimeException e) {
            throw Drivers.translate(e, target.uri(), target.user(), settings.database(), settings.trustedCa());
        }
    }

    /**
     * The embedded store: this process's when it already holds it; else the one another diffo-admin process holds open
     * in that directory (the window, or {@code serve}: a command then takes seconds, not a store start, and does not
     * fail on the store's lock); else started here. When the start fails because another process is just opening the
     * store, its note is waited for.
     */
    private Target embeddedTarget(ConnectionSettings settings, boolean mayShare) {
        Path dir = dataDirectory(settings);
        if (embedded != null && embedded.dataDirectory().equals(dir)) {
            return new Target(embedded.boltUri(), EmbeddedNeo4j.USER, embedded.password(), null);
        }
        if (mayShare) {
            Optional<Target> shared = shared(dir);
            if (shared.isPresent()) {
                return shared.get();
            }
            // a holder that a command before this one started and that is still opening the store: wait for it
            Optional<Target> starting = BackgroundHolder.awaitStarting(dir).flatMap(held -> shared(dir));
            if (starting.isPresent()) {
                return starting.get();
            }
        }
        try {
            EmbeddedNeo4j startedHere = EmbeddedNeo4j.start(dir, embeddedOptions);
            return new Target(startedHere.boltUri(), EmbeddedNeo4j.USER, startedHere.password(), startedHere);
        } catch (DiffoAdminException e) {
            if (mayShare && EmbeddedNeo4j.lockedByAnother(e)) {
                Optional<Target> shared = HeldStore.await(() -> shared(dir), Duration.ofSeconds(Long.getLong(SHARE_WAIT_PROPERTY, 30)), () -> true);
                if (shared.isPresent()) {
                    return shared.get();
                }
            }
            throw e;
        }
    }

    /** The embedded store's data directory for {@code settings}: theirs, else the startup's. */
    private Path dataDirectory(ConnectionSettings settings) {
        return settings.dataDirectory() != null ? settings.dataDirectory() : startup.dataDirectory();
    }

    private static Optional<Target> shared(Path dir) {
        return HeldStore.find(dir).flatMap(held -> EmbeddedNeo4j.existingPassword(dir)
                .map(password -> new Target(held.boltUri(), EmbeddedNeo4j.USER, password, null, held)));
    }

    private Target serverTarget(ConnectionSettings settings) {
        String uri = ConnectionProfile.checkedUri(settings.uri());
        if (settings.trustedCa() != null) {
            Drivers.checkCa(uri, settings.trustedCa());
        }
        BoltProbe.check(uri, Drivers.connectTimeoutSeconds());
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

    /**
     * Holds the store this process started open until no other process has used it for {@code idle} (null: until
     * stopped), or until {@code atMost} has passed (null: no limit): {@link BackgroundHolder#holdUntilIdle}. The holder
     * itself needs no connection: its driver is closed first, so that every connection left is another process's.
     */
    public BackgroundHolder.HoldEnd holdUntilIdle(Duration idle, Duration atMost) throws InterruptedException {
        EmbeddedNeo4j held;
        synchronized (this) {
            held = embedded;
        }
        if (held == null) {
            throw new IllegalStateException("This process does not hold an embedded store");
        }
        database.close();
        return BackgroundHolder.holdUntilIdle(held, idle, atMost);
    }

    private void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        database.close();
        Path handOver = embedded != null && !keepOpen.isZero() ? embedded.dataDirectory() : null;
        stopEmbedded();
        if (handOver != null && startedHolder == 0) {
            // the store is closed (its lock free): the holder opens it while this process ends
            startedHolder = BackgroundHolder.spawn(handOver, keepOpen).orElse(0);
        }
    }
}
