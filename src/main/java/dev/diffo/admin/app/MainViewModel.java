package dev.diffo.admin.app;

import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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

    @Inject
    public MainViewModel(Connector connector, ConnectionState state, TaskRunner tasks) {
        this.connector = connector;
        this.state = state;
        this.tasks = tasks;
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
                        + (info.embedded() ? " (embedded)" : " at " + info.uri()));
        Path data = connector.startupSettings().dataDirectory();
        lines.add("Data directory: " + data);
        lines.add("Log: " + AppLog.fileIn(data));
        return String.join("\n", lines);
    }

    public StringBinding connectionSummaryProperty() {
        return connectionSummary;
    }
}
