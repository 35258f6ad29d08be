package dev.diffo.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.diffo.admin.app.AppModule;
import dev.diffo.admin.app.EmbeddedNeo4j;
import dev.diffo.admin.app.FxModule;
import dev.diffo.admin.app.ProfileFile;
import dev.diffo.admin.app.Store;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.MemoryVault;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.repository.Database;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Snapshots;
import dev.diffo.admin.support.TestCertificates;
import dev.diffo.admin.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The profiles dialog as File → Connect… opens it, clicked headless against a real Neo4j that takes Bolt over TLS
 * only (a certificate for localhost signed by the test's own CA): a profile without the CA fails its Test connection
 * with one sentence and a hint, the same profile with the CA passes and shows the routing table.
 */
@ExtendWith(FxScreenExtension.class)
class ConnectionProfilesScreenIT {

    static Path home;
    static TestServer tls;
    static Path ca;

    @BeforeAll
    static void startServer() throws Exception {
        System.setProperty("diffo.neo4j.connectTimeoutSeconds", "60");
        home = Files.createTempDirectory("diffo-admin-profiles-screen");
        TestCertificates.Authority authority = TestCertificates.Authority.create("Acme Telecom Root CA");
        authority.issueServer(home.resolve("certificates/bolt"), List.of("localhost"));
        ca = authority.writeCertificate(home.resolve("acme-root-ca.crt"));
        tls = TestServer.start(home.resolve("server"), home.resolve("certificates/bolt"));
    }

    @AfterAll
    static void stopServer() {
        System.clearProperty("diffo.neo4j.connectTimeoutSeconds");
        if (tls != null) {
            tls.close();
        }
    }

    final FxRobot robot = new FxRobot();
    Store store;
    ProfileFile profiles;
    ConnectionViewModel viewModel;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    Dialog<ButtonType> showDialog(Path config) throws Exception {
        profiles = new ProfileFile(config);
        profiles.save(new ConnectionProfile("acme-prod", "neo4j+s://localhost:" + tls.port(), "catalogue", false, "neo4j", ca, Access.CATALOGUE_MANAGER), null);
        profiles.save(new ConnectionProfile("acme-prod-no-ca", "neo4j+s://localhost:" + tls.port(), "catalogue", false, "neo4j", null, Access.VIEWER), null);
        profiles.save(new ConnectionProfile("beta-operator", "bolt+s://neo4j.beta.example:7687", "beta-ops", false, "catalogue", null,
                Access.rspOperator("ORG000000654321")), null);
        profiles.save(new ConnectionProfile("local-dev", "bolt://127.0.0.1:7687", null, true, null, null, null), null);
        ConnectionSettings startup = ConnectionSettings.embedded(home.resolve("data"));
        store = new Store(new Database(), startup, new EmbeddedNeo4j.Options(0), new CurrentAccess(), profiles, new MemoryVault());
        Injector injector = Guice.createInjector(new AppModule(startup, new EmbeddedNeo4j.Options(0)), new FxModule());
        viewModel = new ConnectionViewModel(store, new ConnectionState(), injector.getInstance(TaskRunner.class), profiles,
                new MemoryVault(), new RecordingDialogs());
        FxScreenExtension.show(javafx.scene.layout.StackPane::new);
        javafx.stage.Window owner = org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage();
        Dialog<ButtonType> shown = WaitForAsyncUtils.asyncFx(() -> {
            FXMLLoader loader = new FXMLLoader(ConnectionView.class.getResource("ConnectionView.fxml"), null, null, type -> new ConnectionView(viewModel));
            javafx.scene.Parent root = loader.load();
            var dialog = ConnectionView.dialog(root, loader.getController(), owner,
                    ConnectionProfilesScreenIT.class.getResource("/dev/diffo/admin/app/theme.css").toExternalForm(), null);
            dev.diffo.admin.support.FxScreenExtension.atTopLeft(dialog);
            dialog.show();
            return dialog;
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return shown;
    }

    /** Within the dialog's content as laid out (the headless platform may leave the window unplaced: no screen coordinates). */
    static void assertInsideScene(javafx.scene.Node node, String what) {
        javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
        javafx.scene.Scene scene = node.getScene();
        assertThat(b.getMinX()).as(what + " left").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMinY()).as(what + " top").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMaxX()).as(what + " right").isLessThanOrEqualTo(scene.getWidth() + 0.5);
        assertThat(b.getMaxY()).as(what + " bottom").isLessThanOrEqualTo(scene.getHeight() + 0.5);
    }

    void typePassword(String password) {
        robot.interact(() -> robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(password));
    }

    void choose(String profile) {
        robot.interact(() -> robot.lookup("#profileList").queryAs(ListView.class).getSelectionModel().select(profile));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void testAndWait() throws Exception {
        assertInsideScene(robot.lookup("#testButton").query(), "Test connection");
        robot.interact(() -> robot.lookup("#testButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get()
                && (!viewModel.errorProperty().get().isEmpty() || !viewModel.reportProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theProfilesDialogListsTheProfilesAndShowsTheChosenOnesRole(@org.junit.jupiter.api.io.TempDir Path config) throws Exception {
        var dialog = showDialog(config);
        choose("beta-operator");

        assertThat(robot.lookup("#profileList").queryAs(ListView.class).getItems()).containsExactly("acme-prod", "acme-prod-no-ca", "beta-operator", "local-dev");
        assertThat(viewModel.rspKeyProperty().get()).isEqualTo("ORG000000654321");
        assertThat(robot.lookup("#rspKey").query().isDisabled()).isFalse();
        Snapshots.save(dialog.getDialogPane(), "connection-profiles");
        assertInsideScene(robot.lookup("#connectButton").query(), "Connect");
        robot.interact(dialog::close);
    }

    @Test
    void aTestWithoutTheCaFailsInOneSentenceAndAHint(@org.junit.jupiter.api.io.TempDir Path config) throws Exception {
        var dialog = showDialog(config);
        choose("acme-prod-no-ca");
        typePassword("secret"); // never sent: the server is refused before any credentials are

        testAndWait();

        assertThat(robot.lookup("#error").queryAs(Label.class).getText())
                .startsWith("Test failed: The server at neo4j+s://localhost:" + tls.port() + " has a certificate that this computer does not trust")
                .contains("CA certificate");
        assertInsideScene(robot.lookup("#testButton").query(), "Test connection");
        assertInsideScene(robot.lookup("#error").query(), "the failure");
        assertThat(dialog.getDialogPane().getWidth()).as("the form as wide as its window, a field's error decoration shown (no 600 px cap)")
                .isEqualTo(dialog.getDialogPane().getScene().getWidth());
        Snapshots.save(dialog.getDialogPane(), "connection-test-failed");
        robot.interact(dialog::close);
    }

    @Test
    void aTestWithTheCaShowsTlsTheServerTheDatabaseAndTheRoutingTable(@org.junit.jupiter.api.io.TempDir Path config) throws Exception {
        var dialog = showDialog(config);
        choose("acme-prod");
        // the test server has authentication off: any password passes
        typePassword("secret");

        testAndWait();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        String where = "127.0.0.1:" + tls.port();
        assertThat(robot.lookup("#report").queryAs(Label.class).getText()).contains("Encrypted (TLS); the certificate is signed by the CA in " + ca,
                "Database neo4j: empty", "writers " + where, "readers " + where);
        assertInsideScene(robot.lookup("#report").query(), "the report");
        assertInsideScene(robot.lookup("#connectButton").query(), "Connect");
        Snapshots.save(dialog.getDialogPane(), "connection-test-ok");
        robot.interact(dialog::close);
    }
}
