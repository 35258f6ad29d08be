package dev.diffo.admin.app;

import dev.diffo.admin.app.Navigation.Screen;
import dev.diffo.admin.catalogue.CatalogueViewModel;
import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.connection.ConnectionView;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.exchange.ExchangeView;
import dev.diffo.admin.exchange.ExchangeViewModel;
import dev.diffo.admin.exchange.TmfVersion;
import java.io.File;
import jakarta.inject.Inject;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;

/**
 * The main window: menus, the feature tabs, and the status bar that says where the app is connected. How the
 * features meet (which tab is shown, what reloads what) is {@link Navigation}'s; this view only follows it.
 */
public class MainView {

    static final String THEME = MainView.class.getResource("theme.css").toExternalForm();

    private final MainViewModel viewModel;
    private final CatalogueViewModel catalogue;
    private final Navigation navigation;
    private final FxTaskRunner tasks;
    private final ViewLoader views;
    private final CatalogueSettings catalogueSettings;
    private final ExchangeViewModel exchange;

    @FXML
    private StatusBar statusBar;
    @FXML
    private MenuItem loadDemoMenuItem;
    @FXML
    private MenuItem refreshMenuItem;
    @FXML
    private MenuItem exportMenuItem;
    @FXML
    private MenuItem importMenuItem;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab overviewTab;
    @FXML
    private Tab catalogueTab;
    @FXML
    private Tab instancesTab;
    @FXML
    private Tab historyTab;
    @FXML
    private Tab migrationTab;
    @FXML
    private Tab graphTab;
    @FXML
    private Menu actionsMenu;
    @FXML
    private MenuItem findMenuItem;
    @FXML
    private MenuItem newSpecificationMenuItem;
    @FXML
    private MenuItem nextPatchMenuItem;
    @FXML
    private MenuItem nextMinorMenuItem;
    @FXML
    private MenuItem publishMajorMenuItem;
    @FXML
    private MenuItem newInstanceMenuItem;
    @FXML
    private MenuItem checkMenuItem;
    @FXML
    private MenuItem dryRunMenuItem;
    @FXML
    private MenuItem runMenuItem;
    @FXML
    private MenuItem overviewMenuItem;
    @FXML
    private MenuItem catalogueMenuItem;
    @FXML
    private MenuItem instancesMenuItem;
    @FXML
    private MenuItem historyMenuItem;
    @FXML
    private MenuItem migrationMenuItem;
    @FXML
    private MenuItem graphMenuItem;
    @FXML
    private RadioMenuItem lightThemeItem;
    @FXML
    private RadioMenuItem darkThemeItem;
    @FXML
    private RadioMenuItem systemThemeItem;
    @FXML
    private Button tasksButton;
    @FXML
    private MenuItem tasksMenuItem;

    /** The status bar and the background tasks' list and notifications. */
    private TaskPanel taskPanel;
    @FXML
    private Tab readinessTab;

    @Inject
    public MainView(MainViewModel viewModel, CatalogueViewModel catalogue, Navigation navigation, FxTaskRunner tasks, ViewLoader views,
                    CatalogueSettings catalogueSettings, ExchangeViewModel exchange) {
        this.viewModel = viewModel;
        this.catalogue = catalogue;
        this.navigation = navigation;
        this.tasks = tasks;
        this.views = views;
        this.catalogueSettings = catalogueSettings;
        this.exchange = exchange;
    }

    @FXML
    private void initialize() {
        loadDemoMenuItem.disableProperty().bind(catalogue.canLoadDemoProperty().not());
        refreshMenuItem.disableProperty().bind(catalogue.canRefreshProperty().not());
        // export and import need a catalogue to read: the same condition as Refresh
        exportMenuItem.disableProperty().bind(catalogue.canRefreshProperty().not());
        importMenuItem.disableProperty().bind(catalogue.canImportProperty().not());
        // the tabs follow the navigation's screen, and a tab the user picks is the screen shown
        Map<Screen, Tab> tabOf = new EnumMap<>(Map.of(Screen.OVERVIEW, overviewTab, Screen.CATALOGUE, catalogueTab, Screen.INSTANCES, instancesTab,
                Screen.HISTORY, historyTab, Screen.MIGRATION, migrationTab, Screen.GRAPH, graphTab, Screen.READINESS, readinessTab));
        navigation.screenProperty().subscribe(screen -> tabs.getSelectionModel().select(tabOf.get(screen)));
        tabOf.forEach((screen, tab) -> tab.selectedProperty().subscribe((was, selected) -> {
            if (selected) {
                navigation.show(screen);
            }
        }));
        viewModel.connectionProblemProperty().subscribe(problem -> {
            if (problem != null) {
                viewModel.problemShown();
                showConnectionDialog(problem);
            }
        });
        statusBar.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getStylesheets().add(THEME);
            }
        });
        // once the window shows, every screen's controls have their skins (a toolbar's buttons are found then)
        statusBar.sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(Window::showingProperty).subscribe(showing -> {
            if (Boolean.TRUE.equals(showing) && !actionsWired) {
                actionsWired = true;
                new ActionsMenu(navigation, tabs).wire(new ActionsMenu.Items(newSpecificationMenuItem, nextPatchMenuItem, nextMinorMenuItem,
                        publishMajorMenuItem, newInstanceMenuItem, checkMenuItem, dryRunMenuItem, runMenuItem, findMenuItem, refreshMenuItem,
                        loadDemoMenuItem));
            }
        });
        // View → go to a screen
        Map.of(overviewMenuItem, Screen.OVERVIEW, catalogueMenuItem, Screen.CATALOGUE, instancesMenuItem, Screen.INSTANCES, historyMenuItem, Screen.HISTORY,
                migrationMenuItem, Screen.MIGRATION, graphMenuItem, Screen.GRAPH).forEach((item, screen) -> item.setOnAction(e -> navigation.show(screen)));
        themes();
        // the screens' field decorations are drawn in a layer of the window's own (ControlsFX would otherwise swap the
        // scene's root, which left part of the window in the old theme after View → Theme)
        ((javafx.scene.layout.BorderPane) tabs.getParent()).setCenter(dev.diffo.admin.ui.Decorations.layer(tabs));
        taskPanel = new TaskPanel(tasks, navigation, statusBar, tasksButton);
        taskPanel.install(viewModel, catalogue, tasksMenuItem);
    }

    /** Set once the Actions menu is wired to the screens' buttons (when the window first shows). */
    private boolean actionsWired;

    @FXML
    private void showTasks() {
        taskPanel.toggle();
    }

    /** View → Theme: AtlantaFX's Primer light or dark for every window (applied at once, remembered by the ViewModel). */
    private void themes() {
        ToggleGroup group = new ToggleGroup();
        Map<Appearance, RadioMenuItem> items = new EnumMap<>(Map.of(Appearance.LIGHT, lightThemeItem, Appearance.DARK, darkThemeItem,
                Appearance.SYSTEM, systemThemeItem));
        items.forEach((appearance, item) -> {
            item.setToggleGroup(group);
            item.setUserData(appearance);
        });
        viewModel.appearanceProperty().subscribe(appearance -> group.selectToggle(items.get(appearance)));
        group.selectedToggleProperty().subscribe(toggle -> {
            if (toggle != null) {
                viewModel.appearanceProperty().set((Appearance) toggle.getUserData());
            }
        });
        ObservableValue<Boolean> dark = viewModel.appearanceProperty().flatMap(appearance -> appearance == Appearance.SYSTEM
                ? Platform.getPreferences().colorSchemeProperty().map(scheme -> scheme == ColorScheme.DARK)
                : new SimpleBooleanProperty(appearance == Appearance.DARK));
        dark.subscribe(MainView::applyTheme);
    }

    /**
     * The user-agent stylesheet of the whole application: every open window is restyled at once. The same stylesheet
     * again is left as it is (it is parsed once, not again when the window applies the theme the start applied).
     */
    static void applyTheme(boolean dark) {
        String stylesheet = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }

    /**
     * The theme remembered, applied before the first control is made: JavaFX's own stylesheet (Modena) is then never
     * loaded (a control's class loads it when no application stylesheet is set), only to be replaced by the theme.
     */
    static void applyRememberedTheme() {
        Appearance appearance = Preferences.appearance();
        applyTheme(appearance == Appearance.SYSTEM ? Platform.getPreferences().getColorScheme() == ColorScheme.DARK : appearance == Appearance.DARK);
    }

    void start() {
        viewModel.start();
    }

    @FXML
    private void connect() {
        showConnectionDialog(null);
    }

    private void showConnectionDialog(String problem) {
        ViewLoader.Loaded<ConnectionView> dialog = views.load(ConnectionView.class);
        ConnectionView.showDialog(dialog.root(), dialog.controller(), statusBar.getScene().getWindow(), THEME, problem);
    }

    /** Which party role names an instance's RSP (diffo's livebook: Reseller); remembered for the next start. */
    @FXML
    private void rspRole() {
        TextInputDialog ask = new TextInputDialog(catalogueSettings.rspRole());
        ask.initOwner(statusBar.getScene().getWindow());
        ask.setTitle("RSP role");
        ask.setHeaderText("The party role that names the RSP owning an instance");
        ask.setContentText("Role (diffo's livebook relates the reseller as Reseller):");
        ask.getDialogPane().getStylesheets().add(THEME);
        ask.showAndWait().ifPresent(role -> {
            try {
                Preferences.rememberRspRole(catalogueSettings, role);
                navigation.rspRoleChanged();
            } catch (DiffoAdminException e) {
                Alert refused = new Alert(Alert.AlertType.ERROR, e.describe());
                refused.setHeaderText("The RSP role was not changed");
                refused.getDialogPane().getStylesheets().add(THEME);
                refused.show();
            }
        });
    }

    @FXML
    private void loadDemo() {
        catalogue.loadDemo();
    }

    /** File → Export…: every specification version as TMF JSON (v4 field names) into the file chosen. */
    @FXML
    private void exportCatalogue() {
        FileChooser chooser = jsonChooser("Export the catalogue as TMF633/TMF634 JSON");
        chooser.setInitialFileName("catalogue-tmf.json");
        File file = chooser.showSaveDialog(statusBar.getScene().getWindow());
        if (file != null) {
            exchange.export(file.toPath(), TmfVersion.V4);
        }
    }

    /** File → Import…: the preview of what the document would create, record and refuse; Import writes it. */
    @FXML
    private void importCatalogue() {
        File file = jsonChooser("Import TMF633/TMF634 specifications").showOpenDialog(statusBar.getScene().getWindow());
        if (file != null) {
            ViewLoader.Loaded<ExchangeView> preview = views.load(ExchangeView.class);
            exchange.preview(file.toPath());
            ExchangeView.showDialog(preview.root(), statusBar.getScene().getWindow(), THEME);
        }
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    @FXML
    private void recount() {
        viewModel.recount();
    }

    @FXML
    private void refresh() {
        catalogue.refresh();
    }

    @FXML
    private void quit() {
        statusBar.getScene().getWindow().hide();
    }

    @FXML
    private void about() {
        Alert about = new Alert(Alert.AlertType.INFORMATION,
                "A console for the TMF service catalogue that diffo keeps in Neo4j: specifications, their versions, and the instances on them.\n\n"
                        + viewModel.about());
        about.setHeaderText("diffo-admin " + Versions.app());
        about.setResizable(true);
        about.getDialogPane().getStylesheets().add(THEME);
        about.show();
    }
}
