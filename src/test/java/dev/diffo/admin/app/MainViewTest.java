package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.support.FakeBackend;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Snapshots;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The main window over the fakes: View → Theme restyles it at once, the overview counts and links, the icons render. */
@ExtendWith(FxScreenExtension.class)
class MainViewTest {

    static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 6, 1, 9, 30, 0, 0, ZoneOffset.UTC);
    final FakeBackend backend = new FakeBackend();
    final FxRobot robot = new FxRobot();

    static Specification spec(String uuid, String name, long major, long instances, SpecificationStatus status) {
        return new Specification(uuid, name, SpecificationType.SERVICE, major, 0, 0, 4, "The " + name + " service", "Access", CREATED, CREATED, instances,
                List.of("Provider", "Specification"), status);
    }

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    Region showMainWindow() throws TimeoutException {
        backend.catalogue.specifications.addAll(List.of(
                spec("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5", "broadband", 1, 2, SpecificationStatus.FROZEN),
                spec("f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c", "broadband", 2, 1, SpecificationStatus.CURRENT),
                spec("0b7c1e9a-3d54-4f6e-8a2b-9c8d7e6f5a41", "router", 1, 4, SpecificationStatus.WITHDRAWN)));
        Region[] root = new Region[1];
        FxScreenExtension.show(() -> {
            root[0] = (Region) backend.load(MainView.class);
            root[0].setPrefSize(1100, 600);
            return root[0];
        });
        robot.interact(() -> {
            backend.connected();
            backend.injector.getInstance(Navigation.class).show(Navigation.Screen.OVERVIEW);
        });
        await(() -> robot.lookup("#majorsLink").queryAs(Hyperlink.class).getText().equals("3 majors"));
        return root[0];
    }

    @AfterEach
    void backToLight() {
        // the theme is the whole application's: the next test starts light again
        FxScreenExtension.chooseMenuItem(robot, "lightThemeItem");
    }

    @Test
    void viewThemeDarkRestylesTheOpenWindowAtOnceAndLightBringsItBack() throws TimeoutException {
        Region root = showMainWindow();
        Label summary = robot.lookup(".overview-view .where").queryAs(Label.class);
        Paint lightBackground = root.getBackground().getFills().getFirst().getFill();
        Paint lightMuted = summary.getTextFill();
        Snapshots.save(root, "main-overview-light");

        robot.clickOn("View").clickOn("#themeMenu").clickOn("#darkThemeItem");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#darkThemeItem").tryQuery()).as("the menu closed").isEmpty();
        assertThat(robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .filter(menu -> "_View".equals(menu.getText())).findFirst().orElseThrow().getItems().stream()
                .filter(item -> "themeMenu".equals(item.getId())).map(item -> ((javafx.scene.control.Menu) item).getItems().stream()
                        .filter(i -> ((javafx.scene.control.RadioMenuItem) i).isSelected()).findFirst().orElseThrow().getId()).findFirst())
                .as("the menu ticks the theme chosen").contains("darkThemeItem");
        Paint darkBackground = root.getBackground().getFills().getFirst().getFill();
        assertThat(darkBackground).as("the window's background").isNotEqualTo(lightBackground);
        assertThat(summary.getTextFill()).as("a looked-up colour (-diffo-muted) resolved on a label").isNotEqualTo(lightMuted);
        assertThat(Preferences.appearance()).as("remembered for the next start").isEqualTo(Appearance.DARK);
        Snapshots.save(root, "main-overview-dark");

        robot.clickOn("View").clickOn("#themeMenu").clickOn("#lightThemeItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.getBackground().getFills().getFirst().getFill()).isEqualTo(lightBackground);
        assertThat(summary.getTextFill()).isEqualTo(lightMuted);
    }

    @Test
    void darkRestylesEveryScreenAndTheStatusBarNotOnlyTheOneShown() throws TimeoutException {
        Region root = showMainWindow();
        FxScreenExtension.selectTab(robot, "migrationTab");
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup(".migration-view .title").queryAs(Label.class);
        Label where = (Label) robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).lookup(".label");
        Paint lightTitle = title.getTextFill();
        Paint lightWhere = where.getTextFill();
        FxScreenExtension.selectTab(robot, "overviewTab");

        FxScreenExtension.chooseMenuItem(robot, "darkThemeItem");
        WaitForAsyncUtils.waitForFxEvents();
        FxScreenExtension.selectTab(robot, "migrationTab");
        WaitForAsyncUtils.waitForFxEvents();

        Snapshots.save(root, "main-migration-dark");
        assertThat(title.getTextFill()).as("a screen drawn light before the switch").isNotEqualTo(lightTitle);
        assertThat(where.getTextFill()).as("the status bar").isNotEqualTo(lightWhere);
    }

    @Test
    void theOverviewCountsTheCatalogueAndEachCountLeadsToItsScreen() throws TimeoutException {
        showMainWindow();
        assertThat(robot.lookup("#namesLink").queryAs(Hyperlink.class).getText()).isEqualTo("2 specification names");
        assertThat(robot.lookup("#instancesLink").queryAs(Hyperlink.class).getText()).isEqualTo("7 instances");
        assertThat(robot.lookup("#frozenLink").queryAs(Hyperlink.class).getText()).isEqualTo("1 frozen major");
        assertThat(robot.lookup("#withdrawnLink").queryAs(Hyperlink.class).getText()).isEqualTo("1 withdrawn major");
        assertThat(robot.lookup("#runsLink").queryAs(Hyperlink.class).getText()).isEqualTo("0 migration runs in progress");

        robot.clickOn("#instancesLink");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("instancesTab");
        FxScreenExtension.selectTab(robot, "overviewTab");
        robot.clickOn("#namesLink");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("catalogueTab");
    }

    @Test
    void theIconsRenderFromTheIconFontAndTheButtonsTooltipsNameTheirShortcut() throws TimeoutException {
        showMainWindow();
        List<FontIcon> icons = robot.lookup(".ikonli-font-icon").queryAllAs(FontIcon.class).stream().toList();
        assertThat(icons).as("icons in the window").hasSizeGreaterThan(5);
        // the icon font loaded (class path, ServiceLoader): a glyph is drawn with the pack's font, not a fallback
        assertThat(icons).allSatisfy(icon -> assertThat(icon.getFont().getFamily()).containsIgnoringCase("Material Design"));
        assertThat(icons).allSatisfy(icon -> assertThat(icon.getLayoutBounds().getWidth()).isGreaterThan(4));
        FxScreenExtension.selectTab(robot, "catalogueTab");
        assertThat(robot.lookup("#minorButton").queryButton().getTooltip().getText()).isEqualTo("Next minor (Ctrl+Shift+M)");
        assertThat(robot.lookup("#refreshButton").queryButton().getTooltip().getText()).isEqualTo("Refresh (F5)");
        assertThat(robot.lookup("#tasksButton").queryButton().getTooltip().getText()).isEqualTo("Tasks (Ctrl+Shift+T)");
    }
}
