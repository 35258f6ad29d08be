package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run's log goes to the data directory, owner-only, instead of the console; tests restore the console after. */
class AppLogTest {

    @TempDir
    Path home;

    private final Logger root = Logger.getLogger("");
    private List<Handler> before;
    private Level levelBefore;

    @BeforeEach
    void keepTheConsole() {
        before = List.of(root.getHandlers());
        levelBefore = root.getLevel();
    }

    @AfterEach
    void restoreTheConsole() {
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
            handler.close();
        }
        before.forEach(root::addHandler);
        root.setLevel(levelBefore);
    }

    @Test
    void theLogIsAFileInTheDataDirectoryOnlyItsOwnerMayRead() throws Exception {
        Path data = home.resolve("data");

        Path log = AppLog.install(data);
        Logger.getLogger("dev.diffo.admin.test").log(Level.SEVERE, "something failed", new IllegalStateException("the cause"));
        for (Handler handler : root.getHandlers()) {
            handler.flush();
        }

        assertThat(log).isEqualTo(AppLog.fileIn(data)).isEqualTo(data.resolve("logs/diffo-admin.0.log"));
        assertThat(Files.readString(log)).contains("SEVERE dev.diffo.admin.test: something failed").contains("java.lang.IllegalStateException: the cause");
        assertThat(root.getHandlers()).noneMatch(h -> h instanceof java.util.logging.ConsoleHandler);
        if (PrivateFiles.posix(data)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs")))).isEqualTo("rwx------");
        }
    }

    @Test
    void aDataDirectoryOthersMayUseGetsNoLogAndTheConsoleStays() throws Exception {
        Path open = Files.createDirectory(home.resolve("open"));
        org.junit.jupiter.api.Assumptions.assumeTrue(PrivateFiles.posix(open));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        Path log = AppLog.install(open);

        assertThat(log).isNull();
        assertThat(Files.exists(open.resolve("logs"))).isFalse();
        assertThat(root.getHandlers()).containsExactlyElementsOf(before);
    }
}
