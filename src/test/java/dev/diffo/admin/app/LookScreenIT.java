package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.connection.ConnectionView;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.migration.MigrationViewModel;
import dev.diffo.admin.readiness.ReadinessViewModel;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The look of the main window on the demo in the embedded store, light and dark: the overview's counts (one aggregate
 * read) and links, the catalogue, the wizard's check step, and the notification a run's end shows, with its link to the
 * result, the dry run's table, the withdrawal readiness after Acme's migration and the connection dialog. Saves the
 * pictures for the README.
 */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class LookScreenIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    final FxRobot robot = new FxRobot();
    Injector injector;

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the notifications showing now say (each a popup of the main window). */
    static List<Node> inNotifications() {
        AtomicReference<List<Node>> nodes = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            List<Node> found = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w instanceof PopupWindow popup && popup.isShowing() && popup.getScene() != null) {
                    found.addAll(popup.getScene().getRoot().lookupAll(".notification-bar"));
                    popup.getScene().getRoot().lookupAll(".notification-bar").forEach(bar -> found.addAll(bar.lookupAll("*")));
                }
            }
            nodes.set(found);
        });
        return nodes.get();
    }

    static List<String> notificationTexts() {
        return inNotifications().stream().filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).filter(t -> t != null && !t.isBlank()).toList();
    }

    static boolean notified(String prefix) {
        return notificationTexts().stream().anyMatch(t -> t.startsWith(prefix));
    }

    void closeNotifications() {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof PopupWindow && w.isShowing()).forEach(Window::hide));
    }

    @AfterEach
    void backToLight() {
        if (injector != null) {
            FxScreenExtension.chooseMenuItem(robot, "lightThemeItem");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewCatalogueCheckAndARunsNotificationInLightAndDark(Injector injector, DemoService demo) throws Exception {
        this.injector = injector;
        demo.loadDemo();
        Navigation navigation = injector.getInstance(Navigation.class);
        MigrationViewModel wizard = injector.getInstance(MigrationViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        for (Appearance appearance : List.of(Appearance.LIGHT, Appearance.DARK)) {
            String look = appearance.name().toLowerCase(Locale.ROOT);
            FxScreenExtension.chooseMenuItem(robot, look + "ThemeItem");
            robot.interact(() -> navigation.show(Navigation.Screen.OVERVIEW));
            assertThat(Preferences.appearance()).as("the theme chosen").isEqualTo(appearance);
            await(() -> robot.lookup("#majorsLink").queryAs(Hyperlink.class).getText().equals("2 majors"));
            // the demo: broadband v1 and v2, Acme's two instances on v1 and Beta's one on v2, nothing frozen, no run
            assertThat(List.of("#namesLink", "#instancesLink", "#frozenLink", "#withdrawnLink", "#runsLink")).extracting(id -> robot.lookup(id)
                    .queryAs(Hyperlink.class).getText()).containsExactly("1 specification name", "3 instances", "0 frozen majors", "0 withdrawn majors",
                            "0 migration runs in progress");
            Snapshots.save(robot.lookup("#tabs").query(), "overview-" + look);

            robot.clickOn("#namesLink");
            await(() -> navigation.screenProperty().get() == Navigation.Screen.CATALOGUE);
            await(() -> robot.lookup("#spec-" + V1).tryQuery().isPresent());
            robot.clickOn("#spec-" + V1);
            // the picture waits for what v1 allows (read in its own task)
            await(() -> robot.lookup("#allowedValues").queryAs(javafx.scene.control.Label.class).getText().startsWith("broadband.technology"));
            Snapshots.save(robot.lookup("#tabs").query(), "catalogue-" + look);

            FxScreenExtension.selectTab(robot, "migrationTab");
            await(() -> wizard.selection().sourcesProperty().size() == 2);
            ComboBox<Specification> source = robot.lookup("#sourceChoice").queryAs(ComboBox.class);
            robot.interact(() -> source.getSelectionModel().select(source.getItems().stream().filter(s -> s.uuid().equals(V1)).findFirst().orElseThrow()));
            ComboBox<Rsp.Share> rsps = robot.lookup("#rspChoice").queryAs(ComboBox.class);
            await(() -> rsps.getItems().stream().anyMatch(s -> s.rsp().key().equals("acme")));
            robot.interact(() -> rsps.setValue(rsps.getItems().stream().filter(s -> s.rsp().key().equals("acme")).findFirst().orElseThrow()));
            robot.clickOn("#checkButton");
            await(() -> wizard.remedies().remediesProperty().size() == 1 && !wizard.busyProperty().get());
            ChoiceBox<String> remedy = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
            robot.interact(() -> remedy.setValue("fttn"));
            closeNotifications();
            // in both themes (an earlier probe saw the wizard drawn light here after the switch to dark; it no longer is,
            // checked with and without theme.css's status-bar rule); the README's dark wizard pictures come from a real
            // window under Xvfb all the same (src/test/resources/look/migration-dark-window.sh), on a demo that is fresh
            Snapshots.save(robot.lookup("#tabs").query(), "migration-check-" + look);

            // the dry run's table: acme-broadband-001's technology, fttb before and fttn after, nothing written
            robot.clickOn("#dryRunButton");
            await(() -> !wizard.busyProperty().get() && !wizard.execution().rows().isEmpty());
            assertThat(wizard.execution().rows()).filteredOn(r -> r.instance().equals("acme-broadband-001")).singleElement()
                    .satisfies(row -> assertThat(row.change()).isEqualTo("technology: fttb → fttn"));
            closeNotifications();
            Snapshots.save(robot.lookup("#tabs").query(), "migration-dry-run-" + look);

            robot.clickOn("#runButton");
            await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
            robot.clickOn("#confirmOk");
            await(() -> notified("Run completed: 2 moved, 0 excluded · "));
            // the notification comes as the run ends; the wizard's report and table follow once the run is verified
            await(() -> !wizard.busyProperty().get() && wizard.execution().reportProperty().get().startsWith("Run completed")
                    && !wizard.execution().rows().isEmpty());
            // the notification's link leads to the result, from whichever screen the user went to
            robot.interact(() -> navigation.show(Navigation.Screen.OVERVIEW));
            ButtonBase show = (ButtonBase) inNotifications().stream().filter(n -> n instanceof ButtonBase b && "Show".equals(b.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no Show on the notification: " + notificationTexts()));
            robot.interact(show::fire);
            assertThat(navigation.screenProperty().get()).isEqualTo(Navigation.Screen.MIGRATION);
            await(() -> inNotifications().stream().filter(n -> n.getStyleClass().contains("notification-bar")).allMatch(n -> n.getOpacity() >= 1));
            Snapshots.saveWithPopups(robot.lookup("#tabs").query(), "migration-run-notification-" + look);
            closeNotifications();

            // withdrawal readiness after Acme's migration: v1 is empty, acme's two and beta's one on v2
            ReadinessViewModel readiness = injector.getInstance(ReadinessViewModel.class);
            FxScreenExtension.selectTab(robot, "readinessTab");
            robot.interact(() -> readiness.open("broadband"));
            await(() -> !readiness.busyProperty().get() && readiness.rows().size() == 2
                    && readiness.rows().stream().allMatch(r -> r.version().equals("v2.0.0")));
            assertThat(readiness.projectionsProperty().get()).isEqualTo("Projected: v1.0.0: no instances left");
            Snapshots.save(robot.lookup("#tabs").query(), "readiness-demo-" + look);
            FxScreenExtension.selectTab(robot, "migrationTab");

            // the run is undone: the demo is as it was for the next look
            await(() -> !robot.lookup("#undoButton").queryButton().isDisabled() && !wizard.busyProperty().get());
            closeNotifications();
            robot.clickOn("#undoButton");
            await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
            robot.clickOn("#confirmOk");
            await(() -> notified("Undo completed: 2 moved back · "));
            await(() -> !wizard.busyProperty().get());
            closeNotifications();

            // the connection dialog as File → Connect… opens it, in the theme chosen
            Dialog<ButtonType> dialog = WaitForAsyncUtils.asyncFx(() -> {
                ViewLoader.Loaded<ConnectionView> connection = injector.getInstance(ViewLoader.class).load(ConnectionView.class);
                Dialog<ButtonType> shown = ConnectionView.dialog(connection.root(), connection.controller(),
                        robot.lookup("#tabs").query().getScene().getWindow(), MainView.THEME, null);
                FxScreenExtension.atTopLeft(shown);
                shown.show();
                return shown;
            }).get(10, TimeUnit.SECONDS);
            await(() -> robot.lookup("#connectButton").tryQuery().isPresent());
            Snapshots.save(dialog.getDialogPane(), "connection-dialog-" + look);
            robot.interact(dialog::close);
        }
    }

}
