package dev.diffo.admin.app;

import dev.diffo.admin.domain.DiffoAdminException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded store is private to its user: its directory is created 0700 (which alone keeps every other local
 * user out), its password file 0600, and what Neo4j creates inside is made owner-only after start. A directory or
 * password file that another user owns, or that others may read or write, is refused with how to fix it. On a file
 * system without POSIX permissions (Windows) nothing is checked and nothing fails.
 */
final class PrivateFiles {
    private PrivateFiles() {
    }

    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    static boolean posix(Path existing) {
        return Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    /** Creates the data directory owner-only (its missing parents as usual), or checks the one that is there. */
    static void prepareDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (posix(parent == null ? dir.toAbsolutePath().getRoot() : parent)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR); // the umask may have taken bits away, never adds any
            } else {
                Files.createDirectory(dir);
            }
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new DiffoAdminException("The data directory " + dir + " is not a directory", "Choose another with --data-dir.");
        }
        requirePrivate(dir, "The data directory " + dir, "chmod 700 " + dir, true);
    }

    /** Refuses a file or directory that another user owns, or that group or others may use. */
    static void requirePrivate(Path path, String what, String fix, boolean followLinks) throws IOException {
        // a data directory may be a link to a directory (the directory is judged); a password file that is a link is judged as a link (open)
        PosixFileAttributeView view = followLinks ? Files.getFileAttributeView(path, PosixFileAttributeView.class)
                : Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        PosixFileAttributes attributes = view.readAttributes();
        UserPrincipal me = currentUser();
        if (me != null && !attributes.owner().getName().equals(me.getName())) {
            throw new DiffoAdminException(what + " belongs to another user (" + attributes.owner().getName() + "), not to you (" + me.getName() + ")",
                    "Choose a directory of your own with --data-dir (e.g. ~/diffo-bench); a store prepared by someone else is never used.");
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(attributes.permissions());
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new DiffoAdminException(what + " can be used by other users (" + PosixFilePermissions.toString(attributes.permissions()) + ")",
                    "Make it private: " + fix + " — or choose another directory with --data-dir.");
        }
    }

    private static UserPrincipal currentUser() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** After Neo4j started (it creates its files with the process umask): every file and directory under {@code dir} owner-only. */
    static void tighten(Path dir) {
        if (!posix(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                try {
                    if (!Files.isSymbolicLink(p)) {
                        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
                        perms.addAll(Files.getPosixFilePermissions(p));
                        if (perms.removeAll(OTHERS)) {
                            Files.setPosixFilePermissions(p, perms);
                        }
                    }
                } catch (IOException | RuntimeException ignored) {
                    // a file Neo4j removed meanwhile; the 0700 directory keeps others out anyway
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // as above: tightening is a second line of defence
        }
    }
}
