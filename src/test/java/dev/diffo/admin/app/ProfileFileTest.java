package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile file: readable, private, round-trips every field, never holds a password. */
class ProfileFileTest {

    @TempDir
    Path home;

    ProfileFile profiles() {
        return new ProfileFile(home.resolve(".config/diffo-admin"));
    }

    static final ConnectionProfile PROD = new ConnectionProfile("prod-cluster", "neo4j+s://db.example:7687", "acme-ops", false, "catalogue",
            Path.of("/etc/ssl/our ca.crt"), Access.rspOperator("ORG000000123456"));

    @Test
    void aProfileIsReadBackWithEveryField() {
        profiles().save(PROD, null);
        profiles().save(new ConnectionProfile("local", "bolt://127.0.0.1:7687", null, true, null, null, Access.VIEWER), null);

        assertThat(profiles().find("prod-cluster")).contains(PROD);
        assertThat(profiles().find("local")).hasValueSatisfying(p -> {
            assertThat(p.noAuth()).isTrue();
            assertThat(p.access().role()).isEqualTo(Role.VIEWER);
        });
        assertThat(profiles().list()).extracting(ConnectionProfile::name).containsExactly("local", "prod-cluster");
    }

    @Test
    void theFileNeverHoldsAPasswordEvenWhenOneWasTypedForTheProfile() throws Exception {
        String typed = "s3cret-Pa55word";
        ProfileFile profiles = profiles();
        // the password goes with the settings to the store (and maybe the keyring), never into the profile
        var settings = PROD.settings(typed.toCharArray(), home.resolve("data"));
        profiles.save(PROD, null);
        profiles.markUsed(settings.profile());

        String text = Files.readString(profiles.file());
        assertThat(text).doesNotContain(typed).doesNotContainIgnoringCase("password=").contains("profile.prod-cluster.uri=neo4j+s://db.example:7687",
                "profile.prod-cluster.role=rsp-operator", "profile.prod-cluster.rsp=ORG000000123456", "last=prod-cluster");
        System.out.println(profiles.file() + ":\n" + text);
    }

    @Test
    void theFileIsTheUsersAloneAndSoIsItsDirectory() throws Exception {
        ProfileFile profiles = profiles();
        profiles.save(PROD, null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profiles.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profiles.file().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aFileWithAPasswordInItIsRefused() throws Exception {
        ProfileFile profiles = profiles();
        profiles.save(PROD, null);
        Files.writeString(profiles.file(), "profile.prod-cluster.password=oops\n", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(profiles::list).isInstanceOf(DiffoAdminException.class).hasMessageContaining("contains a password");
    }

    @Test
    void aNewProfileNeverOverwritesAnotherOfTheSameName() {
        ProfileFile profiles = profiles();
        profiles.save(PROD, null);

        assertThatThrownBy(() -> profiles.save(new ConnectionProfile("prod-cluster", "bolt://elsewhere:7687", null, true, null, null, null), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("A profile named prod-cluster exists already");
        assertThat(profiles.find("prod-cluster")).contains(PROD);
    }

    @Test
    void renamingKeepsItTheLastUsed() {
        ProfileFile profiles = profiles();
        profiles.save(PROD, null);
        profiles.markUsed("prod-cluster");

        profiles.save(new ConnectionProfile("prod", PROD.uri(), PROD.user(), false, PROD.database(), PROD.trustedCa(), PROD.access()), "prod-cluster");

        assertThat(profiles.list()).extracting(ConnectionProfile::name).containsExactly("prod");
        assertThat(profiles.lastUsed()).contains("prod");
    }

    @Test
    void removingTheLastUsedLeavesNoneAsLast() {
        ProfileFile profiles = profiles();
        profiles.save(PROD, null);
        profiles.markUsed("prod-cluster");

        profiles.remove("prod-cluster");

        assertThat(profiles.list()).isEmpty();
        assertThat(profiles.lastUsed()).isEmpty();
    }

    @Test
    void aCaFileIsOnlyForAnAddressThatChecksCertificates() {
        assertThatThrownBy(() -> new ConnectionProfile("x", "bolt+ssc://db:7687", null, true, null, Path.of("ca.crt"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only used with bolt+s:// or neo4j+s://");
        assertThatThrownBy(() -> new ConnectionProfile("x", "neo4j://db:7687", null, true, null, Path.of("ca.crt"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not neo4j://");
    }

    @Test
    void theConfigDirectoryFollowsXdgAndCanBeOverridden() {
        String before = System.getProperty(DataDirectories.CONFIG_DIR_PROPERTY);
        try {
            System.clearProperty(DataDirectories.CONFIG_DIR_PROPERTY);
            if (System.getProperty("os.name").toLowerCase().contains("linux")) {
                assertThat(DataDirectories.configFor(Map.of("XDG_CONFIG_HOME", "/xdg"))).isEqualTo(Path.of("/xdg/diffo-admin"));
                assertThat(DataDirectories.configFor(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".config", "diffo-admin"));
            }
            assertThat(DataDirectories.configFor(Map.of("DIFFO_ADMIN_CONFIG_DIR", "/elsewhere"))).isEqualTo(Path.of("/elsewhere"));
            System.setProperty(DataDirectories.CONFIG_DIR_PROPERTY, "/given");
            assertThat(DataDirectories.configFor(Map.of("DIFFO_ADMIN_CONFIG_DIR", "/elsewhere"))).isEqualTo(Path.of("/given"));
        } finally {
            if (before == null) {
                System.clearProperty(DataDirectories.CONFIG_DIR_PROPERTY);
            } else {
                System.setProperty(DataDirectories.CONFIG_DIR_PROPERTY, before);
            }
        }
    }
}
