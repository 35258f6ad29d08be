package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.repository.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's store is started before the window asks for it ({@link Store#connectEarly}): the window's connect takes
 * that start, its failure included, and a server's settings start no embedded store.
 */
class EarlyStartIT {

    private static final EmbeddedNeo4j.Options SMALL = new EmbeddedNeo4j.Options(32L * 1024 * 1024);

    @TempDir
    Path home;

    @Test
    void theStoreStartsBeforeTheWindowAsksAndTheWindowsConnectTakesThatStart() throws Exception {
        ConnectionSettings settings = ConnectionSettings.embedded(home.resolve("store"));
        Database database = new Database();
        try (Store store = new Store(database, settings, SMALL)) {
            store.connectEarly();
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (store.current().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(store.current()).as("connected without anyone calling connect").isPresent();
            ConnectionInfo early = store.current().orElseThrow();

            ConnectionInfo info = store.connect(settings);

            assertThat(info).as("the early connect's, not a second one").isSameAs(early);
            assertThat(info.embedded()).isTrue();
            database.write(tx -> tx.run("CREATE (:EarlyStartProbe)").consume());
            long probes = database.read(tx -> tx.run("MATCH (p:EarlyStartProbe) RETURN count(p) AS n").single().get("n").asLong());
            assertThat(probes).isEqualTo(1);
            // a later connect is an ordinary one again (a new connection to the store this process holds)
            ConnectionInfo again = store.connect(settings);
            assertThat(again).isNotSameAs(early);
            assertThat(again.embedded()).isTrue();
        }
        assertThat(settings.dataDirectory().resolve(HeldStore.FILE)).as("the store stopped with the app").doesNotExist();
    }

    @Test
    void aStoreThatCannotStartEarlyTellsTheWindowWhy() throws Exception {
        assumeTrue(PrivateFiles.posix(home), "POSIX permissions only");
        Path dir = Files.createDirectory(home.resolve("store"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path password = dir.resolve(EmbeddedNeo4j.PASSWORD_FILE);
        Files.writeString(password, "0123456789abcdef");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
        ConnectionSettings settings = ConnectionSettings.embedded(dir);
        try (Store store = new Store(new Database(), settings, SMALL)) {
            store.connectEarly();

            assertThatThrownBy(() -> store.connect(settings))
                    .isInstanceOf(DiffoAdminException.class)
                    .hasMessageContaining("The password file " + password + " can be used by other users")
                    .extracting(e -> ((DiffoAdminException) e).hint()).asString().contains("chmod 600 " + password);
            assertThat(store.current()).isEmpty();
        }
        assertThat(dir.resolve("neo4j")).doesNotExist();
    }

    @Test
    void aServersSettingsStartNoEmbeddedStore() {
        Path dir = home.resolve("store");
        ConnectionSettings server = new ConnectionSettings("bolt://127.0.0.1:1", "neo4j", "secret".toCharArray(), null, dir);
        assertThat(server.isEmbedded()).isFalse();
        try (Store store = new Store(new Database(), server, SMALL)) {
            store.connectEarly();

            // had the early start begun, this connect would have waited for it and the store would exist
            assertThatThrownBy(() -> store.connect(server)).isInstanceOf(DiffoAdminException.class).hasMessageContaining("Cannot reach");
            assertThat(store.current()).isEmpty();
        }
        assertThat(dir.resolve("neo4j")).doesNotExist();
    }
}
