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

    static ConnectionSettings resolve(ProfileFile profiles, boolean desktop, Map<String, String> env, String... args) {
        StartupOptions options = new StartupOptions();
        new CommandLine(options).parseArgs(args);
        return options.resolve(env, profiles, desktop);
    }

    static final dev.diffo.admin.domain.ConnectionProfile PROD = new dev.diffo.admin.domain.ConnectionProfile("prod", "neo4j+s://db.example:7687",
            "ops", false, "catalogue", null, dev.diffo.admin.domain.Access.rspOperator("ORG000000123456"));

    @Test
    void aStoredProfileIsPickedByNameWithItsRole(@TempDir Path dir) {
        ProfileFile profiles = new ProfileFile(dir);
        profiles.save(PROD, null);

        ConnectionSettings settings = resolve(profiles, false, Map.of(), "--profile", "prod");

        assertThat(settings.uri()).isEqualTo("neo4j+s://db.example:7687");
        assertThat(settings.userOrDefault()).isEqualTo("ops");
        assertThat(settings.database()).isEqualTo("catalogue");
        assertThat(settings.profile()).isEqualTo("prod");
        assertThat(settings.accessOrDefault()).isEqualTo(dev.diffo.admin.domain.Access.rspOperator("ORG000000123456"));
    }

    @Test
    void roleAndRspOnTheCommandLineOverrideTheProfiles(@TempDir Path dir) {
        ProfileFile profiles = new ProfileFile(dir);
        profiles.save(PROD, null);

        assertThat(resolve(profiles, false, Map.of(), "--profile", "prod", "--role", "viewer").accessOrDefault())
                .isEqualTo(dev.diffo.admin.domain.Access.VIEWER);
        assertThat(resolve(profiles, false, Map.of(), "--profile", "prod", "--rsp", "acme").accessOrDefault())
                .isEqualTo(dev.diffo.admin.domain.Access.rspOperator("acme"));
        assertThat(resolve(profiles, false, Map.of(), "--uri", "bolt://db:7687", "--rsp", "acme").accessOrDefault())
                .as("--rsp alone makes an RSP operator").isEqualTo(dev.diffo.admin.domain.Access.rspOperator("acme"));
        assertThat(resolve(profiles, false, Map.of(), "--uri", "bolt://db:7687").accessOrDefault())
                .as("nothing said: a catalogue manager").isEqualTo(dev.diffo.admin.domain.Access.CATALOGUE_MANAGER);
        assertThatThrownBy(() -> resolve(profiles, false, Map.of(), "--uri", "bolt://db:7687", "--role", "rsp-operator"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("An RSP operator is bound to one RSP");
    }

    @Test
    void roleAndRspComeFromTheEnvironmentWhenNeitherOptionNorProfileSaysOne(@TempDir Path dir) {
        ProfileFile profiles = new ProfileFile(dir);
        profiles.save(PROD, null);
        Map<String, String> operator = Map.of("DIFFO_ADMIN_ROLE", "rsp-operator", "DIFFO_ADMIN_RSP", "ORG000000999999");

        assertThat(resolve(profiles, false, operator, "--uri", "bolt://db:7687").accessOrDefault())
                .isEqualTo(dev.diffo.admin.domain.Access.rspOperator("ORG000000999999"));
        assertThat(resolve(profiles, false, Map.of("DIFFO_ADMIN_RSP", "acme"), "--uri", "bolt://db:7687").accessOrDefault())
                .as("DIFFO_ADMIN_RSP alone makes an RSP operator, as --rsp does").isEqualTo(dev.diffo.admin.domain.Access.rspOperator("acme"));
        assertThat(resolve(profiles, false, Map.of("DIFFO_ADMIN_ROLE", "viewer")).accessOrDefault())
                .as("the embedded store too").isEqualTo(dev.diffo.admin.domain.Access.VIEWER);
        assertThat(resolve(profiles, false, operator, "--uri", "bolt://db:7687", "--role", "viewer").accessOrDefault())
                .as("an option over the environment").isEqualTo(dev.diffo.admin.domain.Access.VIEWER);
        assertThat(resolve(profiles, false, operator, "--uri", "bolt://db:7687", "--rsp", "beta").accessOrDefault())
                .isEqualTo(dev.diffo.admin.domain.Access.rspOperator("beta"));
        assertThat(resolve(profiles, false, Map.of("DIFFO_ADMIN_ROLE", "rsp-operator"), "--uri", "bolt://db:7687", "--rsp", "beta").accessOrDefault())
                .as("--rsp completes the environment's role").isEqualTo(dev.diffo.admin.domain.Access.rspOperator("beta"));
        assertThat(resolve(profiles, false, Map.of("DIFFO_ADMIN_ROLE", "viewer"), "--profile", "prod").accessOrDefault())
                .as("a profile's role over the environment's, as for DIFFO_ADMIN_URI").isEqualTo(dev.diffo.admin.domain.Access.rspOperator("ORG000000123456"));
        assertThatThrownBy(() -> resolve(profiles, false, Map.of("DIFFO_ADMIN_ROLE", "rsp-operator"), "--uri", "bolt://db:7687"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("An RSP operator is bound to one RSP");
        assertThatThrownBy(() -> resolve(profiles, false, Map.of("DIFFO_ADMIN_ROLE", "admin"), "--uri", "bolt://db:7687"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUnknownProfileNameIsRefusedNamingTheProfilesThere(@TempDir Path dir) {
        ProfileFile profiles = new ProfileFile(dir);
        profiles.save(PROD, null);

        assertThatThrownBy(() -> resolve(profiles, false, Map.of(), "--profile", "staging"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("There is no profile named staging")
                .satisfies(e -> assertThat(((InvalidInputException) e).hint()).isEqualTo("Profiles there: prod."));
    }

    @Test
    void theDesktopOpensTheProfileUsedLastWhenNothingNamesAServer(@TempDir Path dir) {
        ProfileFile profiles = new ProfileFile(dir);
        profiles.save(PROD, null);
        profiles.markUsed("prod");

        assertThat(resolve(profiles, true, Map.of()).profile()).isEqualTo("prod");
        assertThat(resolve(profiles, true, Map.of(), "--uri", "bolt://other:7687").profile()).as("an address given wins").isNull();
        assertThat(resolve(profiles, false, Map.of()).isEmbedded()).as("a command never picks a profile by itself").isTrue();
    }
}
