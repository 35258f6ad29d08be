package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The note a process leaves while it holds the embedded store: only a live other process on 127.0.0.1 whose port
 * answers is ever used; a note a killed process left, one naming another host, this process's own note, or a damaged
 * file are ignored (the store is then opened as usual).
 */
class HeldStoreTest {

    @TempDir
    Path dir;

    private Process other;

    @AfterEach
    void stop() {
        if (other != null) {
            other.destroyForcibly();
        }
    }

    /** A live process that is not this one (its pid is what a holder's note names). */
    private long liveOtherProcess() throws IOException {
        other = new ProcessBuilder("sleep", "60").start();
        return other.pid();
    }

    private void note(String text) throws IOException {
        Files.writeString(dir.resolve(HeldStore.FILE), text);
    }

    @Test
    void aLiveOtherProcessWhosePortAnswersIsFound() throws Exception {
        try (ServerSocket port = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            long pid = liveOtherProcess();
            note("pid=" + pid + "\nbolt=bolt://127.0.0.1:" + port.getLocalPort() + "\n");

            assertThat(HeldStore.find(dir)).contains(new HeldStore.Held("bolt://127.0.0.1:" + port.getLocalPort(), pid));
        }
    }

    @Test
    void aNoteLeftByAProcessThatIsGoneIsIgnored() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        try (ServerSocket port = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            note("pid=" + gone.pid() + "\nbolt=bolt://127.0.0.1:" + port.getLocalPort() + "\n");

            assertThat(HeldStore.find(dir)).isEmpty();
        }
    }

    @Test
    void aLiveProcessWhosePortDoesNotAnswerIsIgnored() throws Exception {
        int closed;
        try (ServerSocket port = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = port.getLocalPort();
        }
        note("pid=" + liveOtherProcess() + "\nbolt=bolt://127.0.0.1:" + closed + "\n");

        assertThat(HeldStore.find(dir)).isEmpty();
    }

    @Test
    void thisProcesssOwnNoteAnotherHostAndADamagedFileAreIgnored() throws Exception {
        try (ServerSocket port = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            note("pid=" + ProcessHandle.current().pid() + "\nbolt=bolt://127.0.0.1:" + port.getLocalPort() + "\n");
            assertThat(HeldStore.find(dir)).as("this process's own note").isEmpty();

            long pid = liveOtherProcess();
            note("pid=" + pid + "\nbolt=bolt://db.example.com:" + port.getLocalPort() + "\n");
            assertThat(HeldStore.find(dir)).as("another host").isEmpty();
            note("pid=" + pid + "\nbolt=neo4j://127.0.0.1:" + port.getLocalPort() + "\n");
            assertThat(HeldStore.find(dir)).as("another scheme").isEmpty();
            note("pid=twelve\nbolt=bolt://127.0.0.1:" + port.getLocalPort() + "\n");
            assertThat(HeldStore.find(dir)).as("a damaged pid").isEmpty();
            note("\u0000\u0001garbage");
            assertThat(HeldStore.find(dir)).as("garbage").isEmpty();
        }
    }

    @Test
    void theNoteIsOwnerOnlyAndWithdrawnOnlyByItsOwner() throws Exception {
        HeldStore.publish(dir, "bolt://127.0.0.1:7999");

        Path file = dir.resolve(HeldStore.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(HeldStore.read(file)).contains(new HeldStore.Held("bolt://127.0.0.1:7999", ProcessHandle.current().pid()));

        note("pid=" + liveOtherProcess() + "\nbolt=bolt://127.0.0.1:7998\n");
        HeldStore.withdraw(dir);
        assertThat(file).as("a later holder's note is left alone").exists();

        HeldStore.publish(dir, "bolt://127.0.0.1:7999");
        HeldStore.withdraw(dir);
        assertThat(file).doesNotExist();
    }
}
