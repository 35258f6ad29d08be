package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StartupOptionsTest {

    static ConnectionSettings resolve(Map<String, String> env, String... args) {
        StartupOptions options = new StartupOptions();
        new CommandLine(options).parseArgs(args);
        return options.resolve(env);
    }

    @Test
    void nothingConfiguredMeansTheEmbeddedStoreInTheUsersDataDirectory() {
        ConnectionSettings settings = resolve(Map.of("XDG_DATA_HOME", "/home/u/.data"));

        assertThat(settings.isEmbedded()).isTrue();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/home/u/.data/diffo-admin"));
    }

    @Test
    void optionsWinOverTheEnvironment() {
        ConnectionSettings settings = resolve(Map.of("DIFFO_ADMIN_URI", "bolt://env:7687", "DIFFO_ADMIN_USER", "envuser"),
                "--uri", "bolt://cli:7687", "--database", "catalogue");

        assertThat(settings.uri()).isEqualTo("bolt://cli:7687");
        assertThat(settings.userOrDefault()).isEqualTo("envuser");
        assertThat(settings.database()).isEqualTo("catalogue");
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndIsNeverPrinted() {
        ConnectionSettings settings = resolve(Map.of("DIFFO_ADMIN_URI", "bolt://db:7687", "DIFFO_ADMIN_PASSWORD", "s3cret"));

        assertThat(new String(settings.password())).isEqualTo("s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("[password given]");
    }

    @Test
    void thePasswordOptionTakesNoValueAndPromptsInstead() {
        var option = new CommandLine(new StartupOptions()).getCommandSpec().findOption("--password");

        assertThat(option.interactive()).isTrue();
        assertThat(option.arity().max()).isZero();
    }

    @Test
    void aProfileNamesTheServerButMayNotHoldAPassword(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.properties"), "uri=bolt://profile:7687\nuser=admin\ndatabase=cat\n");
        Path bad = Files.writeString(dir.resolve("bad.properties"), "uri=bolt://profile:7687\npassword=oops\n");

        ConnectionSettings settings = resolve(Map.of(), "--profile", good.toString());

        assertThat(settings.uri()).isEqualTo("bolt://profile:7687");
        assertThat(settings.userOrDefault()).isEqualTo("admin");
        assertThatThrownBy(() -> resolve(Map.of(), "--profile", bad.toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("contains a password");
    }

    @Test
    void theShippedSampleProfilesAreValid() {
        ConnectionSettings settings = resolve(Map.of(), "--profile", "resources/profiles/local-server.properties");

        assertThat(settings.uri()).isEqualTo("bolt://127.0.0.1:7687");
    }
}
