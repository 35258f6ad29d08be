package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diffo.admin.domain.DiffoAdminException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store is private to its user, and a store prepared by someone else is refused before Neo4j starts. */
class PrivateStoreIT {

    static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path home;

    @BeforeEach
    void posixOnly() {
        assumeTrue(PrivateFiles.posix(home), "POSIX permissions only");
    }

    static EmbeddedNeo4j start(Path dir) {
        return EmbeddedNeo4j.start(dir, new EmbeddedNeo4j.Options(32L * 1024 * 1024));
    }

    @Test
    void aNewStoreIsOwnerOnlyThroughout() throws Exception {
        Path dir = home.resolve("a/new/store");
        try (EmbeddedNeo4j store = start(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(EmbeddedNeo4j.PASSWORD_FILE)))).isEqualTo("rw-------");
            try (Stream<Path> all = Files.walk(dir)) {
                List<Path> open = all.filter(p -> {
                    try {
                        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
                        perms.addAll(Files.getPosixFilePermissions(p));
                        perms.retainAll(OTHERS);
                        return !perms.isEmpty();
                    } catch (Exception gone) {
                        return false;
                    }
                }).toList();
                assertThat(open).as("files others may use").isEmpty();
            }
        }
    }

    @Test
    void aWorldReadablePasswordFileIsRefusedSayingHowToFixIt() throws Exception {
        Path dir = Files.createDirectory(home.resolve("store"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path password = dir.resolve(EmbeddedNeo4j.PASSWORD_FILE);
        Files.writeString(password, "0123456789abcdef");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> start(dir))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("The password file " + password + " can be used by other users (rw-r--r--)")
                .extracting(e -> ((DiffoAdminException) e).hint()).asString().contains("chmod 600 " + password);
        assertThat(dir.resolve("neo4j")).doesNotExist();
    }

    @Test
    void aDirectoryOthersMayReadIsRefusedSayingHowToFixIt() throws Exception {
        Path dir = Files.createDirectory(home.resolve("store"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> start(dir))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("The data directory " + dir + " can be used by other users")
                .extracting(e -> ((DiffoAdminException) e).hint()).asString().contains("chmod 700 " + dir);
        assertThat(dir.resolve("neo4j")).doesNotExist();
        assertThat(dir.resolve(EmbeddedNeo4j.PASSWORD_FILE)).doesNotExist();
    }

    @Test
    void aDirectoryOwnedByAnotherUserIsRefused() throws Exception {
        Path dir = Files.createDirectory(home.resolve("theirs"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
            Files.setOwner(dir, nobody);
        } catch (Exception notAllowed) {
            assumeTrue(false, "changing a file's owner needs root: " + notAllowed);
            return;
        }

        assertThatThrownBy(() -> start(dir))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("belongs to another user")
                .extracting(e -> ((DiffoAdminException) e).hint()).asString().contains("--data-dir");
        assertThat(dir.resolve("neo4j")).doesNotExist();
    }
}
