package dev.diffo.admin.app;

import dev.diffo.admin.catalogue.CatalogueViewModel;
import dev.diffo.admin.catalogue.InstancesViewModel;
import dev.diffo.admin.graph.GraphViewModel;
import dev.diffo.admin.connection.ConnectionView;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.migration.MigrationViewModel;
import dev.diffo.admin.versioning.HistoryViewModel;
import dev.diffo.admin.versioning.VersioningViewModel;
import jakarta.inject.Inject;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.ProgressIndicator;
import org.controlsfx.control.StatusBar;

/** The main window: menus, the feature tabs, and the status bar that says where the app is connected. */
public class MainView {

    static final String THEME = MainView.class.getResource("theme.css").toExternalForm();

    private final MainViewModel viewModel;
    private final CatalogueViewModel catalogue;
    private final FxTaskRunner tasks;
    private final ViewLoader views;

    @FXML
    private StatusBar statusBar;
    @FXML
    private MenuItem loadDemoMenuItem;
    @FXML
    private MenuItem refreshMenuItem;

    private final VersioningViewModel versioning;
    private final HistoryViewModel history;
    private final MigrationViewModel migration;

    @FXML
    private Tab migrationTab;
    @FXML
    private Tab instancesTab;
    @FXML
    private Tab graphTab;
    @FXML
    private javafx.scene.control.TabPane tabs;
    private final GraphViewModel graph;
    private final InstancesViewModel instances;

    private final dev.diffo.admin.common.CatalogueSettings catalogueSettings;

    @Inject
    public MainView(MainViewModel viewModel, CatalogueViewModel catalogue, VersioningViewModel versioning, HistoryViewModel history,
                    MigrationViewModel migration, InstancesViewModel instances, GraphViewModel graph, FxTaskRunner tasks, ViewLoader views,
                    dev.diffo.admin.common.CatalogueSettings catalogueSettings) {
        this.catalogueSettings = catalogueSettings;
        this.graph = graph;
        this.migration = migration;
        this.instances = instances;
        this.viewModel = viewModel;
        this.catalogue = catalogue;
        this.versioning = versioning;
        this.history = history;
        this.tasks = tasks;
        this.views = views;
    }

    @FXML
    private void initialize() {
        statusBar.textProperty().bind(viewModel.connectionSummaryProperty());
        statusBar.progressProperty().bind(tasks.runningProperty().greaterThan(0).map(running -> running ? ProgressIndicator.INDETERMINATE_PROGRESS : 0.0));
        loadDemoMenuItem.disableProperty().bind(catalogue.canLoadDemoProperty().not());
        // the features meet here: versioning acts on the catalogue's selection, and a saved change reloads both
        versioning.specificationProperty().bind(catalogue.selectedProperty());
        history.nameProperty().bind(catalogue.selectedProperty().map(Specification::name));
        migrationTab.selectedProperty().subscribe(selected -> {
            if (selected) {
                migration.reload();
            }
        });
        // "Show in graph" from the catalogue and the instances table: the graph tab, at that start point
        catalogue.setShowInGraph(name -> {
            tabs.getSelectionModel().select(graphTab);
            graph.openSpecificationName(name);
        });
        instances.setShowInGraph(uuid -> {
            tabs.getSelectionModel().select(graphTab);
            graph.openInstance(uuid);
        });
        // the instances tab opens on the catalogue's selected version
        instancesTab.selectedProperty().subscribe(selected -> {
            if (selected) {
                instances.reload();
                instances.show(catalogue.selectedProperty().get());
            }
        });
        // a run (or undo) moved instances: what the other screens show of them is read again
        migration.finishedRunsProperty().subscribe((before, count) -> {
            catalogue.refresh();
            history.reload();
            instances.reload();
            instances.show(instances.specificationProperty().get());
        });
        // the wizard's target has no allowed values recorded: the versioning feature records them
        migration.setRecordRules(versioning::recordRules);
        versioning.changesProperty().subscribe(count -> {
            if (count.intValue() > 0) {
                Specification changed = versioning.changedProperty().get();
                catalogue.refreshSelecting(changed == null ? null : changed.uuid());
                instances.reload();
                history.reload();
            }
        });
        // an instance created in the Instances tab changes the catalogue's counts
        instances.createdProperty().subscribe((before, count) -> catalogue.refresh());
        refreshMenuItem.disableProperty().bind(catalogue.canRefreshProperty().not());
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
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(catalogueSettings.rspRole());
        ask.initOwner(statusBar.getScene().getWindow());
        ask.setTitle("RSP role");
        ask.setHeaderText("The party role that names the RSP owning an instance");
        ask.setContentText("Role (diffo's livebook relates the reseller as Reseller):");
        ask.getDialogPane().getStylesheets().add(THEME);
        ask.showAndWait().ifPresent(role -> {
            try {
                Preferences.rememberRspRole(catalogueSettings, role);
                migration.reload();
                instances.reload();
            } catch (dev.diffo.admin.domain.DiffoAdminException e) {
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
                "A console for the TMF service catalogue that diffo keeps in Neo4j: specifications, their versions, and the instances on them.");
        about.setHeaderText("diffo-admin 0.1.0");
        about.getDialogPane().getStylesheets().add(THEME);
        about.show();
    }
}
