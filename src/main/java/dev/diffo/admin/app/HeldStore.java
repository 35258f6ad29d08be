package dev.diffo.admin.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The note a diffo-admin process leaves in its data directory while it holds the embedded store open: its process id
 * and the store's Bolt address on 127.0.0.1. Another diffo-admin on the same directory (a CLI command while the window
 * is open, or while {@code serve} keeps the store open) finds it and talks to that store over Bolt with the password
 * file's password, instead of failing on the store's lock or paying a store start of its own. The note is owner-only
 * (like the password file); one left by a killed process is recognised as stale (its process is gone, or nothing
 * answers on its port) and ignored.
 */
final class HeldStore {

    static final String FILE = "store-address";
    private static final Logger LOG = Logger.getLogger(HeldStore.class.getName());
    private static final int PROBE_MILLIS = 500;

    /** A store another process holds: where it listens, and which process it is. */
    record Held(String boltUri, long pid) {
    }

    private HeldStore() {
    }

    /** Writes the note (replacing one a killed process left); a failure to write only costs other processes the sharing. */
    static void publish(Path dataDirectory, String boltUri) {
        Path file = dataDirectory.resolve(FILE);
        Path temp = dataDirectory.resolve(FILE + ".tmp");
        String text = "pid=" + ProcessHandle.current().pid() + "\nbolt=" + boltUri + "\n";
        try {
            Files.deleteIfExists(temp);
            if (Files.getFileAttributeView(dataDirectory, PosixFileAttributeView.class) != null) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warning("Could not write " + file + " (other diffo-admin processes will not share this store): " + e.getMessage());
        }
    }

    /** Removes the note when it is this process's (a later holder's note is left alone). */
    static void withdraw(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        read(file).filter(held -> held.pid() == ProcessHandle.current().pid()).ifPresent(held -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning("Could not remove " + file + ": " + e.getMessage());
            }
        });
    }

    /**
     * Notes a use of the store another process holds (the note's modification time): its holder, when it stops by
     * itself once idle, counts from the last use. Nothing happens when there is no note.
     */
    static void touch(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } catch (IOException e) {
            LOG.fine("Could not note the use on " + file + ": " + e.getMessage());
        }
    }

    /** How long ago the note was last written or {@link #touch touched}; a long time when there is none. */
    static java.time.Duration sinceTouched(Path dataDirectory) {
        try {
            java.time.Duration since = java.time.Duration.between(Files.getLastModifiedTime(dataDirectory.resolve(FILE)).toInstant(), java.time.Instant.now());
            return since.isNegative() ? java.time.Duration.ZERO : since;
        } catch (IOException e) {
            return java.time.Duration.ofDays(365);
        }
    }

    /**
     * Polls {@code found} every {@value #POLL_MILLIS} ms until it finds something, {@code wait} has passed, or
     * {@code worthWaiting} says no more can come: what it found, else empty (also when interrupted).
     */
    static <T> Optional<T> await(java.util.function.Supplier<Optional<T>> found, java.time.Duration wait, java.util.function.BooleanSupplier worthWaiting) {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until && worthWaiting.getAsBoolean()) {
            Optional<T> now = found.get();
            if (now.isPresent()) {
                return now;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static final long POLL_MILLIS = 100;

    /** Waits (at most {@code wait}) until the holder's process has ended: it let go of the store. */
    static void awaitGone(Held held, java.time.Duration wait) {
        ProcessHandle.of(held.pid()).ifPresent(holder -> {
            try {
                holder.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
                // still there: the caller says what it finds next
            }
        });
    }

    /** The store another live process holds in this directory, when its note is there and its port answers. */
    static Optional<Held> find(Path dataDirectory) {
        return read(dataDirectory.resolve(FILE))
                .filter(held -> held.pid() != ProcessHandle.current().pid())
                .filter(held -> ProcessHandle.of(held.pid()).map(ProcessHandle::isAlive).orElse(false))
                .filter(HeldStore::answers);
    }

    static Optional<Held> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String bolt = p.getProperty("bolt", "");
            long pid = Long.parseLong(p.getProperty("pid", "-1").strip());
            URI uri = URI.create(bolt.strip());
            // only ever a store on this machine: a note naming another host is not ours
            if (!"bolt".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost()) || uri.getPort() <= 0 || pid <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Held(bolt.strip(), pid));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean answers(Held held) {
        URI uri = URI.create(held.boltUri());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), PROBE_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
