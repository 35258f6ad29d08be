package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.MemoryVault;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.ConnectionReport;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.repository.Database;
import dev.diffo.admin.support.TestCertificates;
import dev.diffo.admin.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Neo4j servers started by the test: one that takes Bolt over TLS only, with a certificate for {@code localhost}
 * signed by the test's own CA, and one without TLS. Profiles connect and test against them as a user's would.
 */
class TlsConnectionIT {

    static Path home;
    static TestServer tls;
    static TestServer plain;
    static Path ourCa;
    static Path otherCa;

    static String timeoutBefore;

    @BeforeAll
    static void startServers() throws Exception {
        // a machine shared with other builds can take more than the default 5 s for a first TLS handshake; the
        // tests are about what a failure says, not how fast it comes
        timeoutBefore = System.getProperty(Drivers.CONNECT_TIMEOUT_PROPERTY);
        System.setProperty(Drivers.CONNECT_TIMEOUT_PROPERTY, "60");
        home = Files.createTempDirectory("diffo-admin-tls-it");
        TestCertificates.Authority ca = TestCertificates.Authority.create("diffo-admin test CA");
        ca.issueServer(home.resolve("certificates/bolt"), List.of("localhost"));
        ourCa = ca.writeCertificate(home.resolve("our-ca.crt"));
        otherCa = TestCertificates.Authority.create("someone else's CA").writeCertificate(home.resolve("other-ca.crt"));
        tls = TestServer.start(home.resolve("tls-server"), home.resolve("certificates/bolt"));
        plain = TestServer.start(home.resolve("plain-server"), null);
    }

    @AfterAll
    static void stopServers() {
        if (timeoutBefore == null) {
            System.clearProperty(Drivers.CONNECT_TIMEOUT_PROPERTY);
        } else {
            System.setProperty(Drivers.CONNECT_TIMEOUT_PROPERTY, timeoutBefore);
        }
        if (tls != null) {
            tls.close();
        }
        if (plain != null) {
            plain.close();
        }
    }

    final CurrentAccess access = new CurrentAccess();
    final Store store = new Store(new Database(), ConnectionSettings.embedded(home.resolve("unused")), new EmbeddedNeo4j.Options(0), access,
            new ProfileFile(home.resolve("config")), new MemoryVault("no keyring in this test"));

    @AfterEach
    void close() {
        store.close();
    }

    static ConnectionSettings profile(String uri, Path ca, Access as) {
        return new ConnectionProfile("test", uri, null, true, null, ca, as).settings(null, home.resolve("unused"));
    }

    @Test
    void aBoltSProfileWithTheTestsOwnCaConnects() {
        ConnectionInfo info = store.connect(profile("bolt+s://localhost:" + tls.port(), ourCa, Access.rspOperator("acme")));

        assertThat(info.uri()).isEqualTo("bolt+s://localhost:" + tls.port());
        assertThat(info.serverVersion()).isNotBlank();
        assertThat(access.get()).as("the profile's role is the app's once connected").isEqualTo(Access.rspOperator("acme"));
    }

    @Test
    void testConnectionSaysTheConnectionIsEncryptedAndByWhoseCa() {
        ConnectionReport report = store.test(profile("bolt+s://localhost:" + tls.port(), ourCa, null));

        assertThat(report.lines()).contains("Encrypted (TLS); the certificate is signed by the CA in " + ourCa + " and names the host.");
        assertThat(report.routing()).as("bolt:// is a direct connection: no routing table").isEmpty();
        System.out.println("Test connection, bolt+s with the test's CA:\n  " + String.join("\n  ", report.lines()));
    }

    @Test
    void theSameServerWithoutItsCaIsRefusedWithAClearSentence() {
        assertThatThrownBy(() -> store.connect(profile("bolt+s://localhost:" + tls.port(), null, null)))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessage("The server at bolt+s://localhost:" + tls.port() + " has a certificate that this computer does not trust")
                .satisfies(e -> assertThat(((DiffoAdminException) e).hint()).contains("CA certificate"));
        assertThat(store.current()).as("nothing was connected").isEmpty();
    }

    @Test
    void theSameServerWithAnotherCaIsRefusedNamingThatCa() {
        assertThatThrownBy(() -> store.test(profile("bolt+s://localhost:" + tls.port(), otherCa, null)))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessage("The server at bolt+s://localhost:" + tls.port() + " has a certificate that is not signed by the CA in " + otherCa);
    }

    @Test
    void aCertificateForAnotherHostNameIsToldSo() {
        // the certificate names localhost, not 127.0.0.1
        assertThatThrownBy(() -> store.test(profile("bolt+s://127.0.0.1:" + tls.port(), ourCa, null)))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessage("The server at bolt+s://127.0.0.1:" + tls.port() + " has a certificate for another host name");
    }

    @Test
    void aBoltSProfileToAServerWithoutTlsFailsClearly() {
        assertThatThrownBy(() -> store.test(profile("bolt+s://localhost:" + plain.port(), ourCa, null)))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessage("The server at bolt+s://localhost:" + plain.port() + " did not answer in TLS: it may not have TLS enabled for Bolt");
    }

    @Test
    void aPlainAddressToATlsOnlyServerFailsClearly() {
        assertThatThrownBy(() -> store.test(profile("bolt://localhost:" + tls.port(), null, null)))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessage("localhost:" + tls.port() + " closed the connection without a Bolt reply: it is not Neo4j, or a Neo4j that takes only TLS")
                .satisfies(e -> assertThat(((DiffoAdminException) e).hint()).startsWith("If the server requires encryption, use bolt+s://"));
    }

    @Test
    void aNeo4jAddressToASingleServerWorksAndTestConnectionShowsItsRoutingTable() {
        String where = "127.0.0.1:" + plain.port();
        ConnectionReport report = store.test(profile("neo4j://" + where, null, null));

        assertThat(report.routing()).hasValueSatisfying(table -> {
            assertThat(table.writers()).containsExactly(where);
            assertThat(table.readers()).containsExactly(where);
            assertThat(table.routers()).containsExactly(where);
            assertThat(table.ttlSeconds()).isPositive();
        });
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).startsWith("Routing table (for ").contains("writers " + where));
        assertThat(report.lines()).contains("Database neo4j: empty (the demo catalogue can be loaded into it).");
        System.out.println("Test connection, neo4j:// to a single server:\n  " + String.join("\n  ", report.lines()));

        ConnectionInfo info = store.connect(profile("neo4j://" + where, null, null));
        assertThat(info.database()).isEqualTo("neo4j");
        assertThat(access.get()).as("no role given: a catalogue manager").isEqualTo(Access.CATALOGUE_MANAGER);
    }
}
