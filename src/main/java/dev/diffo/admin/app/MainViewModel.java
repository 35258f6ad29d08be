package dev.diffo.admin.app;

import dev.diffo.admin.catalogue.ReadSchemaService;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.Recount;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The window around the screens: connects at start, and shows where the app is connected. */
public class MainViewModel {

    private final Connector connector;
    private final ConnectionState state;
    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper connectionProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper connecting = new ReadOnlyStringWrapper("");
    private final StringBinding connectionSummary;
    private final ObjectProperty<Appearance> appearance = new SimpleObjectProperty<>(Preferences.appearance());
    private final ReadSchemaService readSchema;
    private final ReadOnlyStringWrapper readiness = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper readinessProgress = new ReadOnlyDoubleWrapper(0);

    @Inject
    public MainViewModel(Connector connector, ConnectionState state, TaskRunner tasks, ReadSchemaService readSchema) {
        this.connector = connector;
        this.state = state;
        this.tasks = tasks;
        this.readSchema = readSchema;
        // every connect (the start's, the dialog's) builds what the instances table reads fast, in the background
        state.currentProperty().subscribe(info -> {
            if (info != null) {
                prepareReads();
            }
        });
        connectionSummary = Bindings.createStringBinding(() -> {
            ConnectionInfo info = state.getCurrent();
            if (info != null) {
                return "Connected: " + info.summary();
            }
            return connecting.get().isEmpty() ? "Not connected" : connecting.get();
        }, state.currentProperty(), connecting);
        // the theme chosen is remembered for the next start
        appearance.subscribe((before, now) -> {
            if (now != null && now != before) {
                Preferences.rememberAppearance(now);
            }
        });
    }

    /** View → Theme: light, dark, or the system's; the main window applies it to every window at once. */
    public ObjectProperty<Appearance> appearanceProperty() {
        return appearance;
    }

    /** Connects with the startup settings; a failure (or a server without a password) asks for the dialog. */
    public void start() {
        ConnectionSettings settings = connector.startupSettings();
        // a stored profile's password may be in the OS keyring: the store looks there, and the dialog asks when it is not
        if (!settings.isEmbedded() && settings.password() == null && !settings.noAuth() && settings.profile() == null) {
            connectionProblem.set("Enter the password for " + settings.userOrDefault() + " at " + settings.uri() + ".");
            return;
        }
        connecting.set("Connecting to " + (settings.isEmbedded() ? "the embedded store at " + settings.dataDirectory()
                : settings.uri() + (settings.profile() == null ? "" : " (profile " + settings.profile() + ")")) + " …");
        tasks.run("Connecting", p -> connector.connect(settings), info -> {
            java.util.logging.Logger.getLogger(MainViewModel.class.getName()).info(String.format("startup: connected %.2f s after launch",
                    (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3));
            connecting.set("");
            state.connected(info);
        }, error -> {
            connecting.set("");
            connectionProblem.set(Errors.describe(error));
        });
    }

    /** Set when the user must choose a connection (the view opens the dialog); read and cleared by the view. */
    public ReadOnlyStringProperty connectionProblemProperty() {
        return connectionProblem.getReadOnlyProperty();
    }

    public void problemShown() {
        connectionProblem.set(null);
    }

    /** Help → About: the versions, the server when connected, and where the data and the log are. */
    public String about() {
        List<String> lines = new ArrayList<>(Versions.lines());
        ConnectionInfo info = state.getCurrent();
        lines.add(info == null ? "Server: not connected"
                : "Server: Neo4j " + info.serverVersion() + (info.edition() == null || info.edition().isBlank() ? "" : " " + info.edition())
                        + (info.embedded() ? " (embedded" + (info.heldBy() > 0 ? ", held open by diffo-admin process " + info.heldBy() : "") + ")" : " at " + info.uri()));
        Path data = connector.startupSettings().dataDirectory();
        lines.add("Data directory: " + data);
        lines.add("Log: " + AppLog.fileIn(data));
        return String.join("\n", lines);
    }

    /**
     * Creates the read indexes and counts the instances whose counts are not kept yet, in the background (a user who
     * may not write, or a database that is not a diffo catalogue, gets nothing written), then warms the instances
     * table's reads once the indexes are online; the status bar says how far.
     */
    void prepareReads() {
        readiness.set("Preparing the read indexes and counts …");
        readinessProgress.set(-1);
        tasks.run("Preparing read indexes and counts", progress -> {
                    String done = readSchema.prepare(progress);
                    // then, once the indexes are online, the instances table's reads made once, so the user's first page is not the cold one
                    String warmed = readSchema.warmUp(progress);
                    return warmed == null ? done : done + "; " + warmed;
                },
                (fraction, message) -> {
                    readinessProgress.set(fraction);
                    if (message != null && !message.isBlank()) {
                        readiness.set(message + " …");
                    }
                },
                (String done) -> {
                    readinessProgress.set(0);
                    readiness.set(done);
                }, error -> {
                    readinessProgress.set(0);
                    readiness.set("Read indexes and counts not built: " + Errors.headline(error));
                });
    }

    /** File → Recount instances: every specification's kept counts rebuilt from the graph (after diffo wrote behind the app's back). */
    public void recount() {
        readiness.set("Recounting instances …");
        readinessProgress.set(-1);
        tasks.run("Recounting instances", readSchema::recount,
                (fraction, message) -> readinessProgress.set(fraction),
                (List<Recount> done) -> {
                    readinessProgress.set(0);
                    readiness.set(String.format("Recounted %,d instances of %d specification(s)", done.stream().mapToLong(Recount::instances).sum(), done.size()));
                }, error -> {
                    readinessProgress.set(0);
                    readiness.set("Recount failed: " + Errors.headline(error));
                });
    }

    /** What the read indexes and kept counts are doing (built, populating, counted), for the status bar. */
    public ReadOnlyStringProperty readinessProperty() {
        return readiness.getReadOnlyProperty();
    }

    /** How far the preparation or the recount is (0..1, -1 unknown, 0 when idle). */
    public ReadOnlyDoubleProperty readinessProgressProperty() {
        return readinessProgress.getReadOnlyProperty();
    }

    public StringBinding connectionSummaryProperty() {
        return connectionSummary;
    }
}
