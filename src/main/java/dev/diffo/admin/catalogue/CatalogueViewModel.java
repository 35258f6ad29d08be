package dev.diffo.admin.catalogue;

import dev.diffo.admin.common.AccessProperties;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.Scenario;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationGroup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The catalogue screen: specification names and their majors, a search that filters as you type (each
 * keystroke supersedes the previous query), the selected version's details, and the demo loader.
 */
@Singleton
public class CatalogueViewModel {

    /** What the screen shows in place of (or above) the tree. */
    public enum ViewState { NOT_CONNECTED, LOADING, EMPTY_DATABASE, FOREIGN_DATABASE, NO_MATCHES, CATALOGUE }


    private final CatalogueService catalogue;
    private final DemoService demo;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ConnectionState connection;

    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyListWrapper<SpecificationGroup> groups = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<Specification> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<InstanceCounts> counts = new ReadOnlyObjectWrapper<>(InstanceCounts.EVERY_RSP);
    private final ReadOnlyObjectWrapper<ViewState> viewState = new ReadOnlyObjectWrapper<>(ViewState.NOT_CONNECTED);
    private final ReadOnlyStringWrapper stateMessage = new ReadOnlyStringWrapper("Not connected to Neo4j.");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding connected;
    private final BooleanBinding canRefresh;
    private final BooleanBinding canLoadDemo;

    private long generation;
    /** Said before the counts after the next load, e.g. what loading the demo did. */
    private String notice;
    /** The id to select after the next load, set by {@link #refreshSelecting}. */
    private String pendingSelection;
    private TaskRunner.BackgroundTask running;
    private final AccessProperties access;
    private final BooleanBinding canImport;

    @Inject
    public CatalogueViewModel(CatalogueService catalogue, DemoService demo, TaskRunner tasks, DialogService dialogs, ConnectionState connection) {
        this.catalogue = catalogue;
        this.demo = demo;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.connection = connection;
        connected = connection.currentProperty().isNotNull();
        canRefresh = connected.and(busy.not());
        access = new AccessProperties(demo.currentAccess(), tasks);
        // the demo and an import write specifications: a catalogue manager's
        canLoadDemo = canRefresh.and(viewState.isNotEqualTo(ViewState.FOREIGN_DATABASE)).and(access.mayChangeSpecificationsProperty());
        canImport = canRefresh.and(access.mayChangeSpecificationsProperty());
        connection.currentProperty().addListener((obs, old, info) -> refresh());
        search.addListener((obs, old, text) -> refresh());
        if (connected.get()) {
            refresh();
        }
    }

    /** Reloads the catalogue; a newer refresh (e.g. the next keystroke) supersedes a running one. */
    public void refresh() {
        if (!connected.get()) {
            viewState.set(ViewState.NOT_CONNECTED);
            stateMessage.set("Not connected to Neo4j.");
            return;
        }
        long mine = ++generation;
        if (running != null && !running.isDone()) {
            running.cancel();
        }
        busy.set(true);
        if (groups.isEmpty()) {
            viewState.set(ViewState.LOADING);
            stateMessage.set("Loading the catalogue …");
        }
        String query = search.get();
        running = tasks.run("Loading the catalogue", p -> catalogue.load(query), snapshot -> {
            if (mine == generation) {
                busy.set(false);
                show(snapshot);
            }
        }, error -> {
            if (mine == generation) {
                busy.set(false);
                statusMessage.set(Errors.headline(error));
                if (!(error instanceof java.util.concurrent.CancellationException)) {
                    dialogs.showError("Could not load the catalogue", error);
                }
            }
        });
    }

    /** Reloads, then selects the version with this id (one an action just made or changed); null keeps the selection. */
    public void refreshSelecting(String uuid) {
        if (uuid != null) {
            pendingSelection = uuid;
        }
        refresh();
    }

    private void show(CatalogueService.Snapshot snapshot) {
        var shape = snapshot.shape();
        // the selection is kept by id across the reload (the tree's own selection may move while it is rebuilt)
        Specification current = selected.get();
        String keep = pendingSelection != null ? pendingSelection : current == null ? null : current.uuid();
        pendingSelection = null;
        counts.set(snapshot.counts());
        groups.setAll(snapshot.groups());
        warnings.set(String.join("\n", shape.warnings()));
        if (shape.isEmpty()) {
            viewState.set(ViewState.EMPTY_DATABASE);
            stateMessage.set("This database is empty. Load the demo catalogue to explore diffo-admin: broadband v1 and v2, "
                    + "with Acme's and Beta's instances.");
        } else if (shape.isForeign()) {
            viewState.set(ViewState.FOREIGN_DATABASE);
            stateMessage.set("This database is not a diffo catalogue: it has " + String.format("%,d", shape.nodeCount())
                    + " nodes but no :Specification.\nFound: " + shape.describeLabels(8)
                    + "\nConnect to the database diffo writes to (File → Connect…). Nothing will be written here.");
        } else if (snapshot.groups().isEmpty()) {
            viewState.set(ViewState.NO_MATCHES);
            stateMessage.set("No specification name or category contains \"" + snapshot.search() + "\".");
        } else {
            viewState.set(ViewState.CATALOGUE);
            stateMessage.set("");
        }
        String held = plural(snapshot.specificationCount(), "specification version") + " under " + plural(snapshot.groups().size(), "name")
                + " · " + (snapshot.counts().scoped() ? snapshot.counts().text(ownTotal(snapshot))
                        : plural(shape.instanceCount(), "instance") + " in the database");
        if (!shape.isDiffoShaped()) {
            held = plural(shape.nodeCount(), "node") + " in the database";
        }
        statusMessage.set(notice == null ? held : notice + " " + held);
        notice = null;
        selected.set(keep == null ? null : find(keep).orElse(null));
    }

    /** An RSP operator's instances on the versions shown (null when any was not counted). */
    private static Long ownTotal(CatalogueService.Snapshot snapshot) {
        long sum = 0;
        for (SpecificationGroup group : snapshot.groups()) {
            Long n = snapshot.counts().of(group);
            if (n == null) {
                return null;
            }
            sum += n;
        }
        return sum;
    }

    /** The instance counts the tree shows: every RSP's, or an RSP operator's own. */
    public ReadOnlyObjectProperty<InstanceCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The loaded version with this id, if the current tree has it. */
    public Optional<Specification> find(String uuid) {
        return groups.stream().flatMap(g -> g.majors().stream()).filter(s -> s.uuid().equals(uuid)).findFirst();
    }

    public void select(CatalogueEntry entry) {
        selected.set(entry instanceof CatalogueEntry.Version v ? v.specification() : null);
    }

    public void loadDemo() {
        if (!canLoadDemo.get()) {
            return;
        }
        busy.set(true);
        statusMessage.set("Loading the demo catalogue …");
        tasks.run("Loading the demo", p -> demo.loadDemo(), (Scenario.LoadResult result) -> {
            busy.set(false);
            notice = result.changedAnything() ? "Demo loaded." : "The demo was already loaded; nothing changed.";
            refresh();
        }, error -> {
            busy.set(false);
            statusMessage.set(Errors.headline(error));
            dialogs.showError("Could not load the demo", error);
        });
    }

    static String instances(long n) {
        return plural(n, "instance");
    }

    static String plural(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private StringBinding detail(Function<Specification, Object> field) {
        return Bindings.createStringBinding(() -> {
            Specification s = selected.get();
            if (s == null) {
                return "";
            }
            Object value = field.apply(s);
            return switch (value) {
                case null -> "—";
                case ZonedDateTime t -> dev.diffo.admin.domain.Dates.display(t);
                case List<?> list -> String.join(", ", list.stream().map(Objects::toString).toList());
                default -> value.toString();
            };
        }, selected);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyListProperty<SpecificationGroup> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    private final ObjectProperty<java.util.function.Consumer<String>> showInGraph = new javafx.beans.property.SimpleObjectProperty<>();

    /** Where "Show in graph" goes (the main window wires it to the graph view). */
    public void setShowInGraph(java.util.function.Consumer<String> handler) {
        showInGraph.set(handler);
    }

    public javafx.beans.binding.BooleanBinding canShowInGraphProperty() {
        return showInGraph.isNotNull();
    }

    /** Opens the lineage of the entry's specification name in the graph view. */
    public void showInGraph(CatalogueEntry entry) {
        if (entry != null && showInGraph.get() != null) {
            showInGraph.get().accept(switch (entry) {
                case CatalogueEntry.Name name -> name.group().name();
                case CatalogueEntry.Version version -> version.specification().name();
            });
        }
    }

    private final ObjectProperty<java.util.function.Consumer<String>> showReadiness = new javafx.beans.property.SimpleObjectProperty<>();

    /** Where "Withdrawal readiness" goes (the main window wires it to the readiness view). */
    public void setShowReadiness(java.util.function.Consumer<String> handler) {
        showReadiness.set(handler);
    }

    public javafx.beans.binding.BooleanBinding canShowReadinessProperty() {
        return showReadiness.isNotNull();
    }

    /** Opens the withdrawal readiness of the entry's specification name. */
    public void showReadiness(CatalogueEntry entry) {
        if (entry != null && showReadiness.get() != null) {
            showReadiness.get().accept(switch (entry) {
                case CatalogueEntry.Name name -> name.group().name();
                case CatalogueEntry.Version version -> version.specification().name();
            });
        }
    }

    public ObjectProperty<Specification> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ViewState> viewStateProperty() {
        return viewState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateMessageProperty() {
        return stateMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canRefreshProperty() {
        return canRefresh;
    }

    /** File → Import…: a catalogue to read, and a role that changes specifications. */
    public BooleanBinding canImportProperty() {
        return canImport;
    }

    /** The role the app runs as ("RSP operator for acme"), for the status bar. */
    public ReadOnlyStringProperty roleProperty() {
        return access.descriptionProperty();
    }

    public BooleanBinding canLoadDemoProperty() {
        return canLoadDemo;
    }

    public BooleanBinding hasSelectionProperty() {
        return selected.isNotNull();
    }

    public StringBinding detailUuid() {
        return detail(Specification::uuid);
    }

    public StringBinding detailHref() {
        return detail(Specification::href);
    }

    public StringBinding detailName() {
        return detail(Specification::name);
    }

    public StringBinding detailType() {
        return detail(s -> s.type().stored());
    }

    public StringBinding detailVersion() {
        return detail(Specification::version);
    }

    public StringBinding detailDescription() {
        return detail(Specification::description);
    }

    public StringBinding detailCategory() {
        return detail(Specification::category);
    }

    public StringBinding detailTmfVersion() {
        return detail(Specification::tmfVersion);
    }

    public StringBinding detailCreated() {
        return detail(Specification::createdAt);
    }

    public StringBinding detailUpdated() {
        return detail(Specification::updatedAt);
    }

    public StringBinding detailInstances() {
        return Bindings.createStringBinding(() -> selected.get() == null ? "" : counts.get().number(selected.get()), selected, counts);
    }

    public StringBinding detailStatus() {
        return detail(s -> switch (s.status()) {
            case CURRENT -> "current: takes new instances";
            case FROZEN -> "frozen: no new instances; existing ones untouched";
            case WITHDRAWN -> "withdrawn: no new instances; kept while any instance stands on it";
        });
    }

    public StringBinding detailLabels() {
        return detail(s -> s.labels().stream().map(l -> ":" + l).toList());
    }
}
