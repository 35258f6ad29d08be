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
import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
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
    private Tab catalogueTab;
    @FXML
    private Tab instancesTab;
    @FXML
    private Tab historyTab;
    @FXML
    private Tab migrationTab;
    @FXML
    private Tab graphTab;

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
        statusBar.textProperty().bind(viewModel.connectionSummaryProperty());
        Label readiness = new Label();
        readiness.setId("readinessLabel");
        readiness.textProperty().bind(viewModel.readinessProperty());
        statusBar.getRightItems().add(readiness);
        statusBar.progressProperty().bind(tasks.runningProperty().greaterThan(0).map(running -> running ? ProgressIndicator.INDETERMINATE_PROGRESS : 0.0));
        loadDemoMenuItem.disableProperty().bind(catalogue.canLoadDemoProperty().not());
        refreshMenuItem.disableProperty().bind(catalogue.canRefreshProperty().not());
        // export and import need a catalogue to read: the same condition as Refresh
        exportMenuItem.disableProperty().bind(catalogue.canRefreshProperty().not());
        importMenuItem.disableProperty().bind(catalogue.canRefreshProperty().not());
        // the tabs follow the navigation's screen, and a tab the user picks is the screen shown
        Map<Screen, Tab> tabOf = new EnumMap<>(Map.of(Screen.CATALOGUE, catalogueTab, Screen.INSTANCES, instancesTab, Screen.HISTORY, historyTab,
                Screen.MIGRATION, migrationTab, Screen.GRAPH, graphTab));
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
