package dev.diffo.admin.connection;

import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.PasswordVault;
import dev.diffo.admin.common.Profiles;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.ConnectionReport;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Role;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection dialog: the embedded store or a server, and the user's named profiles of servers (add, edit, test,
 * remove). Says clearly why a connection or a test failed; a password is kept only in the OS keyring, when asked to.
 */
public class ConnectionViewModel {

    private final Connector connector;
    private final ConnectionState state;
    private final TaskRunner tasks;
    private final Profiles profiles;
    private final PasswordVault vault;
    private final DialogService dialogs;

    private final BooleanProperty embedded = new SimpleBooleanProperty(true);
    private final StringProperty uri = new SimpleStringProperty("bolt://127.0.0.1:7687");
    private final StringProperty user = new SimpleStringProperty(ConnectionSettings.DEFAULT_USER);
    private final StringProperty password = new SimpleStringProperty("");
    /** The server has authentication disabled: no user or password is sent or kept. */
    private final BooleanProperty noAuth = new SimpleBooleanProperty(false);
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty trustedCa = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.CATALOGUE_MANAGER);
    private final StringProperty rspKey = new SimpleStringProperty("");
    /** The profile's name in the form (a new one, or the selected one renamed). */
    private final StringProperty profileName = new SimpleStringProperty("");
    /** The stored profile being edited; null for a new one. */
    private final ObjectProperty<String> selectedProfile = new SimpleObjectProperty<>();
    private final ObservableList<String> profileNames = FXCollections.observableArrayList();
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper keyringAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper keyringNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataDirectory = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canConnect;
    private final BooleanBinding canTest;
    private final BooleanBinding canSave;
    private final BooleanBinding canRemove;
    private final BooleanBinding rspKeyEnabled;
    private Path dataDirectoryPath;

    @Inject
    public ConnectionViewModel(Connector connector, ConnectionState state, TaskRunner tasks, Profiles profiles, PasswordVault vault, DialogService dialogs) {
        this.connector = connector;
        this.state = state;
        this.tasks = tasks;
        this.profiles = profiles;
        this.vault = vault;
        this.dialogs = dialogs;
        BooleanBinding hasUri = Bindings.createBooleanBinding(() -> uri.get() != null && !uri.get().isBlank(), uri);
        canConnect = busy.not().and(embedded.or(hasUri));
        canTest = busy.not().and(embedded.not()).and(hasUri);
        canSave = busy.not().and(embedded.not()).and(hasUri).and(profileName.isNotEmpty());
        canRemove = busy.not().and(selectedProfile.isNotNull());
        rspKeyEnabled = role.isEqualTo(Role.RSP_OPERATOR);
        role.subscribe(r -> {
            if (r != Role.RSP_OPERATOR) {
                rspKey.set("");
            }
        });
        reloadProfiles();
        prefill(connector.startupSettings(), null);
        // the keyring may take a moment to answer (D-Bus, the Keychain): asked off the UI thread
        tasks.run("Looking for the OS keyring", p -> vault.available() ? "" : vault.why(), why -> {
            keyringAvailable.set(why.isEmpty());
            keyringNote.set(why);
            if (!why.isEmpty()) {
                rememberPassword.set(false);
            }
        }, failure -> keyringNote.set("No OS keyring: " + Errors.describe(failure)));
    }

    private void reloadProfiles() {
        try {
            profileNames.setAll(profiles.list().stream().map(ConnectionProfile::name).toList());
        } catch (DiffoAdminException e) {
            profileNames.clear();
            error.set(Errors.describe(e));
        }
    }

    /** Fills the form from settings (e.g. the startup ones that failed) and shows why, if it failed. */
    public void prefill(ConnectionSettings settings, String problem) {
        embedded.set(settings.isEmbedded());
        Optional<ConnectionProfile> stored = Optional.empty();
        if (settings.profile() != null) {
            try {
                stored = profiles.find(settings.profile());
            } catch (DiffoAdminException e) {
                problem = problem == null ? Errors.describe(e) : problem;
            }
        }
        if (stored.isPresent()) {
            fill(stored.get());
        } else {
            selectedProfile.set(null);
            profileName.set("");
            if (!settings.isEmbedded()) {
                uri.set(settings.uri());
            }
            user.set(settings.userOrDefault());
            noAuth.set(settings.noAuth());
            database.set(settings.database() == null ? "" : settings.database());
            trustedCa.set(settings.trustedCa() == null ? "" : settings.trustedCa().toString());
            role.set(settings.accessOrDefault().role());
            rspKey.set(settings.accessOrDefault().rsp().orElse(""));
        }
        dataDirectoryPath = settings.dataDirectory();
        dataDirectory.set(settings.dataDirectory() == null ? "" : settings.dataDirectory().toString());
        error.set(problem == null ? "" : problem);
        connected.set(false);
    }

    /** Shows why the last attempt (e.g. at start-up) failed. */
    public void reportProblem(String problem) {
        error.set(problem == null ? "" : problem);
    }

    /** Chooses a stored profile: the form shows it, for connecting, testing, editing or removing. */
    public void selectProfile(String name) {
        if (name == null) {
            return;
        }
        try {
            profiles.find(name).ifPresent(this::fill);
            error.set("");
            report.set("");
            notice.set("");
        } catch (DiffoAdminException e) {
            error.set(Errors.describe(e));
        }
    }

    private void fill(ConnectionProfile p) {
        embedded.set(false);
        selectedProfile.set(p.name());
        profileName.set(p.name());
        uri.set(p.uri());
        user.set(p.user() == null ? ConnectionSettings.DEFAULT_USER : p.user());
        noAuth.set(p.noAuth());
        database.set(p.database() == null ? "" : p.database());
        trustedCa.set(p.trustedCa() == null ? "" : p.trustedCa().toString());
        role.set(p.access().role());
        rspKey.set(p.access().rsp().orElse(""));
        password.set("");
    }

    /** An empty form for a new profile (the stored ones stay as they are). */
    public void newProfile() {
        selectedProfile.set(null);
        embedded.set(false);
        profileName.set("");
        uri.set("neo4j+s://");
        user.set(ConnectionSettings.DEFAULT_USER);
        password.set("");
        noAuth.set(false);
        database.set("");
        trustedCa.set("");
        role.set(Role.CATALOGUE_MANAGER);
        rspKey.set("");
        error.set("");
        report.set("");
        notice.set("");
    }

    /** The form as a profile; a clear error when a field is not valid. */
    ConnectionProfile formProfile(String name) {
        String ca = trustedCa.get() == null ? "" : trustedCa.get().strip();
        return new ConnectionProfile(name, uri.get(), noAuth.get() ? null : user.get(), noAuth.get(), database.get(), ca.isEmpty() ? null : Path.of(ca),
                new Access(role.get(), rspKey.get()));
    }

    /** Saves the form as a profile: a new one, or the selected one (renamed if its name changed); never over another. */
    public void saveProfile() {
        if (!canSave.get()) {
            return;
        }
        try {
            ConnectionProfile profile = formProfile(profileName.get());
            String replacing = selectedProfile.get();
            profiles.save(profile, replacing);
            if (replacing != null && !replacing.equals(profile.name())) {
                forgetInBackground(replacing);
            }
            reloadProfiles();
            selectedProfile.set(profile.name());
            error.set("");
            notice.set("Saved " + profile.name() + " in " + profiles.location() + " (no password is kept there).");
        } catch (DiffoAdminException e) {
            error.set(Errors.describe(e));
            notice.set("");
        }
    }

    /** Removes the selected profile (and its password from the keyring), after asking. */
    public void removeProfile() {
        String name = selectedProfile.get();
        if (!canRemove.get() || name == null) {
            return;
        }
        if (!dialogs.confirm("Remove profile", "Remove the profile " + name + " from " + profiles.location()
                + (keyringAvailable.get() ? ", and its password from the OS keyring" : "") + "? The server and its data are not touched.", "Remove " + name)) {
            return;
        }
        try {
            profiles.remove(name);
            forgetInBackground(name);
            reloadProfiles();
            newProfile();
            notice.set("Removed the profile " + name + ".");
        } catch (DiffoAdminException e) {
            error.set(Errors.describe(e));
        }
    }

    private void forgetInBackground(String name) {
        if (keyringAvailable.get()) {
            tasks.run("Forgetting the password of " + name, p -> {
                vault.forget(name);
                return name;
            }, done -> { }, failure -> notice.set("The OS keyring kept the password of " + name + ": " + Errors.describe(failure)));
        }
    }

    /** The settings the form says, for connecting or testing; the stored profile's name when the form is that profile. */
    private ConnectionSettings formSettings() {
        if (embedded.get()) {
            return ConnectionSettings.embedded(dataDirectoryPath);
        }
        char[] typed = noAuth.get() || password.get().isEmpty() ? null : password.get().toCharArray();
        String name = profileName.get() == null || profileName.get().isBlank() ? "unsaved" : profileName.get();
        ConnectionSettings settings = formProfile(name).settings(typed, dataDirectoryPath);
        // only a stored profile's name reaches the store: it looks up that profile's kept password and remembers it as the last one used
        boolean stored = selectedProfile.get() != null && selectedProfile.get().equals(profileName.get());
        return stored ? settings : settings.withProfile(null, settings.trustedCa(), settings.access());
    }

    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        ConnectionSettings settings;
        try {
            settings = formSettings();
        } catch (DiffoAdminException e) {
            error.set(Errors.describe(e));
            return;
        }
        boolean remember = rememberPassword.get() && keyringAvailable.get() && settings.profile() != null && settings.password() != null;
        if (noAuth.get()) {
            password.set("");
        }
        busy.set(true);
        error.set("");
        report.set("");
        tasks.run("Connecting to " + (embedded.get() ? "the embedded store" : uri.get()), p -> {
            ConnectionInfo info = connector.connect(settings);
            if (remember) {
                vault.store(settings.profile(), settings.password());
            }
            return info;
        }, this::succeeded, this::failed);
    }

    /** Test connection: what the server is and holds, without switching to it; a failure says why in one sentence and a hint. */
    public void testConnection() {
        if (!canTest.get()) {
            return;
        }
        ConnectionSettings settings;
        try {
            settings = formSettings();
        } catch (DiffoAdminException e) {
            error.set(Errors.describe(e));
            return;
        }
        busy.set(true);
        error.set("");
        report.set("");
        notice.set("");
        tasks.run("Testing " + settings.uri(), p -> connector.test(settings), (ConnectionReport found) -> {
            busy.set(false);
            report.set(String.join("\n", found.lines()));
        }, failure -> {
            busy.set(false);
            error.set("Test failed: " + Errors.describe(failure));
        });
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

    /** The roles a profile may run as, for the role selector. */
    public List<Role> roles() {
        return List.of(Role.values());
    }

    public ObservableList<String> profileNames() {
        return profileNames;
    }

    public ObjectProperty<String> selectedProfileProperty() {
        return selectedProfile;
    }

    public StringProperty profileNameProperty() {
        return profileName;
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

    public StringProperty trustedCaProperty() {
        return trustedCa;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public StringProperty rspKeyProperty() {
        return rspKey;
    }

    public BooleanBinding rspKeyEnabledProperty() {
        return rspKeyEnabled;
    }

    public BooleanProperty rememberPasswordProperty() {
        return rememberPassword;
    }

    public ReadOnlyBooleanProperty keyringAvailableProperty() {
        return keyringAvailable.getReadOnlyProperty();
    }

    /** Why there is no keyring (the password is then asked at each connect); empty when there is one. */
    public ReadOnlyStringProperty keyringNoteProperty() {
        return keyringNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataDirectoryProperty() {
        return dataDirectory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last Test connection found, one check per line; empty until a test succeeds. */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** What was just done to the profiles (saved, removed). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
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

    public BooleanBinding canTestProperty() {
        return canTest;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }
}
