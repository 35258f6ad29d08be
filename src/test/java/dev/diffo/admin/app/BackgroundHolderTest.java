package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundHolderTest {

    private static final Path DIR = Path.of("/home/u/store");

    @Test
    void theInstalledLauncherStartsTheHolderItselfWithItsOwnOptions() {
        assertThat(BackgroundHolder.command(DIR, Duration.ofMinutes(10), "/opt/diffo-admin/bin/diffo-admin", "/opt/diffo-admin/lib/runtime",
                List.of("-Xmx4g", "-XX:AOTCache=/opt/diffo-admin/lib/diffo-admin.aot"), "/opt/diffo-admin/lib/app/diffo-admin.jar", false))
                .containsExactly("/opt/diffo-admin/bin/diffo-admin", "--data-dir", "/home/u/store", "serve", "--idle", "10m");
    }

    @Test
    void aJvmStartsTheHolderWithItsOptionsButNoAgentRecordingOrCacheBeingWritten() {
        List<String> command = BackgroundHolder.command(DIR, Duration.ofSeconds(90), null, "/jdk",
                List.of("--enable-native-access=ALL-UNNAMED", "-Xmx5g", "-Ddiffo.neo4j.pagecache=1073741824",
                        "-javaagent:/m2/jacoco.jar=destfile=x", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                        "-XX:StartFlightRecording=filename=a.jfr", "-XX:AOTCacheOutput=app.aot"),
                "target/diffo-admin.jar", false);
        assertThat(command).containsExactly(Path.of("/jdk", "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx5g",
                "-Ddiffo.neo4j.pagecache=1073741824", "-cp", "target/diffo-admin.jar", Launcher.class.getName(),
                "--data-dir", "/home/u/store", "serve", "--idle", "90s");
    }

    @Test
    void aJvmStartedWithDashJarStartsTheHolderSoToo() {
        // the jar's manifest grants native access (JNA, Neo4j) only to a JVM started with -jar
        assertThat(BackgroundHolder.command(DIR, Duration.ofMinutes(10), "", "/jdk", List.of("--sun-misc-unsafe-memory-access=allow"), "target/diffo-admin.jar", true))
                .containsExactly(Path.of("/jdk", "bin", "java").toString(), "--sun-misc-unsafe-memory-access=allow", "-jar", "target/diffo-admin.jar",
                        "--data-dir", "/home/u/store", "serve", "--idle", "10m");
    }
}
