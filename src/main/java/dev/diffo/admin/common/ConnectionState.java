package dev.diffo.admin.common;

import dev.diffo.admin.domain.ConnectionInfo;
import jakarta.inject.Singleton;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The connection the screens work on; set on the UI thread once a connection works, observed by every screen. */
@Singleton
public class ConnectionState {
    private final ReadOnlyObjectWrapper<ConnectionInfo> current = new ReadOnlyObjectWrapper<>();

    public ReadOnlyObjectProperty<ConnectionInfo> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ConnectionInfo getCurrent() {
        return current.get();
    }

    public void connected(ConnectionInfo info) {
        current.set(info);
    }
}
