package dev.diffo.admin.catalogue;

import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CatalogueOverview;
import dev.diffo.admin.repository.OverviewRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The overview on start: the catalogue's counts (names, majors, instances, frozen and withdrawn majors, unfinished
 * runs), each a link into the screen that shows them. One aggregate read; read again when the catalogue or a run
 * changes (the app's navigation says when).
 */
@Singleton
public class OverviewViewModel {

    /** What a count links to; the app's navigation decides which screen that is. */
    public enum Link { NAMES, MAJORS, INSTANCES, FROZEN, WITHDRAWN, RUNS }

    private final OverviewRepository repository;
    private final TaskRunner tasks;
    private final ConnectionState connection;
    private final ReadOnlyObjectWrapper<CatalogueOverview> overview = new ReadOnlyObjectWrapper<>(CatalogueOverview.EMPTY);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Not connected to Neo4j.");
    private final BooleanBinding connected;
    private Consumer<Link> open = link -> {
    };
    private long generation;

    private final dev.diffo.admin.common.CurrentAccess access;

    /** As a catalogue manager sees it (tests). */
    public OverviewViewModel(OverviewRepository repository, TaskRunner tasks, ConnectionState connection) {
        this(repository, tasks, connection, new dev.diffo.admin.common.CurrentAccess());
    }

    /** For an RSP operator the counts of instances and runs are its own ({@code access}), never every RSP's. */
    @Inject
    public OverviewViewModel(OverviewRepository repository, TaskRunner tasks, ConnectionState connection, dev.diffo.admin.common.CurrentAccess access) {
        this.access = access;
        this.repository = repository;
        this.tasks = tasks;
        this.connection = connection;
        connected = connection.currentProperty().isNotNull();
        connection.currentProperty().subscribe((before, now) -> refresh());
        if (connected.get()) {
            refresh();
        }
    }

    /** Reads the counts again (a newer read supersedes one still running). */
    public void refresh() {
        if (!connected.get()) {
            loaded.set(false);
            message.set("Not connected to Neo4j.");
            return;
        }
        long mine = ++generation;
        message.set("Counting …");
        String rsp = access.get().rspKey();
        tasks.run("Counting the catalogue", p -> repository.overview(rsp), counts -> {
            if (mine == generation) {
                overview.set(counts);
                loaded.set(true);
                message.set(counts.majors() == 0 ? "The database holds no specifications yet: File → Load demo catalogue, or New specification… on the catalogue."
                        : "");
            }
        }, error -> {
            if (mine == generation) {
                loaded.set(false);
                message.set("Could not count the catalogue: " + Errors.headline(error));
            }
        });
    }

    /** Set by the app: where a link leads. */
    public void setOpen(Consumer<Link> handler) {
        this.open = handler;
    }

    /** A count's link was followed. */
    public void open(Link link) {
        open.accept(link);
    }

    public ReadOnlyObjectProperty<CatalogueOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    /** True once counts have been read (the links show them); false while not connected or after a failed read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why there are no counts, or what the counts leave out; empty when all is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The link's text for a count: "2 specification names", "1 frozen major". */
    public StringBinding text(Link link) {
        return Bindings.createStringBinding(() -> describe(link, overview.get()), overview);
    }

    static String describe(Link link, CatalogueOverview o) {
        return switch (link) {
            case NAMES -> count(o.names(), "specification name", "specification names");
            case MAJORS -> count(o.majors(), "major", "majors");
            case INSTANCES -> o.instancesOf() == null ? count(o.instances(), "instance", "instances")
                    : o.instancesCounted() ? count(o.instances(), "instance of yours", "instances of yours") : "instances of yours: not counted";
            case FROZEN -> count(o.frozen(), "frozen major", "frozen majors");
            case WITHDRAWN -> count(o.withdrawn(), "withdrawn major", "withdrawn majors");
            case RUNS -> count(o.runsInProgress(), "migration run in progress", "migration runs in progress") + (o.instancesOf() == null ? "" : " of yours");
        };
    }

    private static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
