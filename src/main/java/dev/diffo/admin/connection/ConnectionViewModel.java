package dev.diffo.admin.connection;

import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import jakarta.inject.Inject;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The connection dialog: embedded store or a server; says clearly why a connection failed. */
public class ConnectionViewModel {

    private final Connector connector;
    private final ConnectionState state;
    private final TaskRunner tasks;

    private final BooleanProperty embedded = new SimpleBooleanProperty(true);
    private final StringProperty uri = new SimpleStringProperty("bolt://127.0.0.1:7687");
    private final StringProperty user = new SimpleStringProperty(ConnectionSettings.DEFAULT_USER);
    private final StringProperty password = new SimpleStringProperty("");
    /** The server has authentication disabled: no user or password is sent or kept. */
    private final BooleanProperty noAuth = new javafx.beans.property.SimpleBooleanProperty(false);
    private final StringProperty database = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper dataDirectory = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canConnect;
    private Path dataDirectoryPath;

    @Inject
    public ConnectionViewModel(Connector connector, ConnectionState state, TaskRunner tasks) {
        this.connector = connector;
        this.state = state;
        this.tasks = tasks;
        canConnect = busy.not().and(embedded.or(Bindings.createBooleanBinding(() -> uri.get() != null && !uri.get().isBlank(), uri)));
        prefill(connector.startupSettings(), null);
    }

    /** Fills the form from settings (e.g. the startup ones that failed) and shows why, if it failed. */
    public void prefill(ConnectionSettings settings, String problem) {
        embedded.set(settings.isEmbedded());
        if (!settings.isEmbedded()) {
            uri.set(settings.uri());
        }
        user.set(settings.userOrDefault());
        noAuth.set(settings.noAuth());
        database.set(settings.database() == null ? "" : settings.database());
        dataDirectoryPath = settings.dataDirectory();
        dataDirectory.set(settings.dataDirectory() == null ? "" : settings.dataDirectory().toString());
        error.set(problem == null ? "" : problem);
        connected.set(false);
    }

    /** Shows why the last attempt (e.g. at start-up) failed. */
    public void reportProblem(String problem) {
        error.set(problem == null ? "" : problem);
    }

    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        ConnectionSettings settings = embedded.get()
                ? ConnectionSettings.embedded(dataDirectoryPath)
                : noAuth.get() ? new ConnectionSettings(uri.get().strip(), user.get(), null, database.get(), dataDirectoryPath).withoutAuth()
                : new ConnectionSettings(uri.get().strip(), user.get(), password.get().isEmpty() ? null : password.get().toCharArray(),
                        database.get(), dataDirectoryPath);
        if (noAuth.get()) {
            password.set("");
        }
        busy.set(true);
        error.set("");
        tasks.run("Connecting to " + (embedded.get() ? "the embedded store" : uri.get()), p -> connector.connect(settings),
                this::succeeded, this::failed);
    }

    private void succeeded(ConnectionInfo info) {
        busy.set(false);
        password.set("");
        state.connected(info);
        connected.set(true);
    }

    private void failed(Throwable t) {
        busy.set(false);
        error.set(Errors.describe(t));
    }

    public BooleanProperty embeddedProperty() {
        return embedded;
    }

    public StringProperty uriProperty() {
        return uri;
    }

    public StringProperty userProperty() {
        return user;
    }

    public BooleanProperty noAuthProperty() {
        return noAuth;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public ReadOnlyStringProperty dataDirectoryProperty() {
        return dataDirectory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Turns true once the connection works: the dialog closes. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }
}
