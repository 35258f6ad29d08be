package dev.diffo.admin.app;

import dev.diffo.admin.catalogue.CatalogueViewModel;
import dev.diffo.admin.catalogue.InstancesViewModel;
import dev.diffo.admin.catalogue.OverviewViewModel;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.exchange.ExchangeViewModel;
import dev.diffo.admin.graph.GraphViewModel;
import dev.diffo.admin.migration.MigrationViewModel;
import dev.diffo.admin.readiness.ReadinessViewModel;
import dev.diffo.admin.versioning.HistoryViewModel;
import dev.diffo.admin.versioning.VersioningViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Where the features meet (S2: cross-feature navigation goes through app): which screen is shown, "Show in graph",
 * the instances screen opening on the catalogue's selection, and what a saved version or a finished migration run
 * makes the other screens read again. No scene graph here: the main window follows {@link #screenProperty()} and
 * reports the user's choice of screen through {@link #show(Screen)}.
 */
@Singleton
public class Navigation {

    /** The main window's screens, in tab order. */
    public enum Screen {
        OVERVIEW, CATALOGUE, INSTANCES, HISTORY, MIGRATION, GRAPH, READINESS
    }

    private final CatalogueViewModel catalogue;
    private final InstancesViewModel instances;
    private final HistoryViewModel history;
    private final MigrationViewModel migration;
    private final GraphViewModel graph;
    private final ReadinessViewModel readiness;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.CATALOGUE);
    private OverviewViewModel overview;

    @Inject
    public Navigation(CatalogueViewModel catalogue, VersioningViewModel versioning, HistoryViewModel history, MigrationViewModel migration,
                      InstancesViewModel instances, GraphViewModel graph, ExchangeViewModel exchange, OverviewViewModel overview,
                      ReadinessViewModel readiness) {
        this.catalogue = catalogue;
        this.instances = instances;
        this.history = history;
        this.migration = migration;
        this.graph = graph;
        overview(overview);
        this.readiness = readiness;
        // versioning and the history act on the catalogue's selection
        versioning.specificationProperty().bind(catalogue.selectedProperty());
        history.nameProperty().bind(catalogue.selectedProperty().map(Specification::name));
        // "Show in graph" from the catalogue and the instances table: the graph screen, at that start point
        catalogue.setShowInGraph(this::showSpecificationInGraph);
        // "Withdrawal readiness" from the catalogue: the readiness screen, for that specification name
        catalogue.setShowReadiness(this::showReadiness);
        instances.setShowInGraph(this::showInstanceInGraph);
        screen.subscribe((before, now) -> opened(now));
        // a run (or undo) moved instances: what the other screens show of them is read again
        migration.finishedRunsProperty().subscribe((before, count) -> {
            catalogue.refresh();
            history.reload();
            instances.reload();
            instances.show(instances.specificationProperty().get());
            readiness.load();
        });
        // the wizard's target has no allowed values recorded: the versioning feature records them
        migration.setRecordRules(versioning::recordRules);
        // a saved version: the catalogue selects it, and the instances and history are read again
        versioning.changesProperty().subscribe(count -> {
            if (count.intValue() > 0) {
                Specification changed = versioning.changedProperty().get();
                catalogue.refreshSelecting(changed == null ? null : changed.uuid());
                instances.reload();
                history.reload();
            }
        });
        // an import created specifications or recorded what they allow: the catalogue and the history are read again
        exchange.importsProperty().subscribe((before, count) -> {
            catalogue.refresh();
            history.reload();
        });
        // an instance created on the instances screen changes the catalogue's counts
        instances.createdProperty().subscribe((before, count) -> catalogue.refresh());
    }

    /**
     * The overview's links lead to the screens that show what was counted; the overview is counted again when it is
     * shown and, while it is, whenever the catalogue was read again (a demo loaded, a version saved, a run finished).
     */
    private void overview(OverviewViewModel counts) {
        this.overview = counts;
        counts.setOpen(link -> show(switch (link) {
            case NAMES, MAJORS, FROZEN, WITHDRAWN -> Screen.CATALOGUE;
            case INSTANCES -> Screen.INSTANCES;
            case RUNS -> Screen.MIGRATION;
        }));
        catalogue.groupsProperty().subscribe(() -> {
            if (screen.get() == Screen.OVERVIEW) {
                counts.refresh();
            }
        });
    }

    /** The screen shown; the main window selects its tab. */
    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** Shows a screen (the user chose its tab, or a feature navigated there); opening one reads what it shows. */
    public void show(Screen shown) {
        screen.set(shown);
    }

    public void showSpecificationInGraph(String name) {
        show(Screen.GRAPH);
        graph.openSpecificationName(name);
    }

    /** The withdrawal-readiness screen for a specification name. */
    public void showReadiness(String name) {
        show(Screen.READINESS);
        readiness.open(name);
    }

    public void showInstanceInGraph(String uuid) {
        show(Screen.GRAPH);
        graph.openInstance(uuid);
    }

    /** The RSP role changed: the screens that group instances by RSP read them again. */
    public void rspRoleChanged() {
        migration.reload();
        instances.reload();
    }

    private void opened(Screen now) {
        switch (now) {
            case MIGRATION -> migration.reload();
            case OVERVIEW -> overview.refresh();
            case READINESS -> {
                // the readiness screen opens on the catalogue's selected name
                readiness.reloadNames();
                Specification selected = catalogue.selectedProperty().get();
                readiness.open(selected == null ? readiness.nameProperty().get() : selected.name());
            }
            case INSTANCES -> {
                // the instances screen opens on the catalogue's selected version
                instances.reload();
                instances.show(catalogue.selectedProperty().get());
            }
            default -> {
            }
        }
    }
}
