package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's command line, run as the README says in a child JVM on a new embedded store: what it prints on
 * stderr is the app's own, never the JVM's warnings. Native access is granted by the jar's manifest and Guava no
 * longer uses sun.misc.Unsafe, so {@code --version}, help and mistakes need no option at all; a command that starts
 * the store needs {@code --sun-misc-unsafe-memory-access=allow} (the installed launcher carries it): Neo4j's own
 * transaction log queue is built on JCTools, which has no release without sun.misc.Unsafe, and no manifest
 * attribute can grant it. Runs after {@code package}, so the jar is there.
 */
class QuietCommandLineIT {

    static final Path JAR = Path.of("target", "diffo-admin.jar");

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
        List<String> jvmWarnings() {
            return err.lines().filter(line -> line.startsWith("WARNING:")).toList();
        }
    }

    /** {@code java -jar target/diffo-admin.jar ARGS}, no JVM option. */
    Run javaJar(String... args) throws IOException, InterruptedException {
        return java(List.of("-jar", JAR.toString()), args);
    }

    /** As the README runs a command on the store: {@code java --sun-misc-unsafe-memory-access=allow -jar … ARGS}. */
    Run javaJarOnStore(String... args) throws IOException, InterruptedException {
        return java(List.of("--sun-misc-unsafe-memory-access=allow", "-jar", JAR.toString()), args);
    }

    Run java(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.java()));
        command.addAll(jvm);
        command.addAll(List.of(args));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = ChildJvm.builder(command, home).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not end");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarsCommandLinePrintsNoJvmWarningsNorNeedsNativeAccessGranted() throws Exception {
        assertThat(JAR).as("built by package, before the ITs").exists();
        String store = home.resolve("store").toString();

        // as a user runs them: the first hands the store to a holder in the background (the launcher's default), the next uses it
        Run demo = javaJarOnStore("--data-dir", store, "demo");
        Run catalogue = javaJarOnStore("--data-dir", store, "catalogue", "--json");
        Run stop = javaJarOnStore("--data-dir", store, "serve", "--stop");
        Run version = javaJar("--version");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Demo loaded.");
        assertThat(demo.jvmWarnings()).as("stderr of demo").isEmpty();
        assertThat(catalogue.exitCode()).as(catalogue.err()).isZero();
        assertThat(catalogue.jvmWarnings()).as("stderr of catalogue --json").isEmpty();
        JsonNode json = new ObjectMapper().readTree(catalogue.out());
        assertThat(json.path("specifications").get(0).path("name").asText()).isEqualTo("broadband");
        long holder = json.path("connection").path("heldBy").asLong();
        assertThat(demo.err()).as("the demo kept the store open").contains("(diffo-admin process " + holder + ")");
        assertThat(stop.out()).contains("Stopped diffo-admin process " + holder);
        assertThat(Files.readString(home.resolve("store").resolve("logs").resolve(BackgroundHolder.CONSOLE_FILE)))
                .as("the holder's console").doesNotContain("WARNING:");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("diffo-admin " + Versions.app());
        assertThat(version.jvmWarnings()).as("stderr of --version").isEmpty();
    }

    @Test
    void aMistakeIsOneLineAndAHintWithoutJvmWarnings() throws Exception {
        Run wrong = javaJar("catalogue", "--jsn");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.jvmWarnings()).isEmpty();
        assertThat(wrong.err().lines().toList()).hasSize(2);
        assertThat(wrong.err()).startsWith("error: Unknown option: '--jsn'").contains("Did you mean --json? Try 'diffo-admin catalogue --help'");
    }
}
