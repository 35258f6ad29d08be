package dev.diffo.admin.common;

import dev.diffo.admin.domain.Access;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The app's {@link CurrentAccess} as properties a ViewModel binds its {@code canX} to: what the role may do, the
 * RSP it is bound to, and how it reads ("RSP operator for acme"). Updated on the UI thread whenever the access
 * changes (a connection with another profile).
 */
public final class AccessProperties {
    private final ReadOnlyObjectWrapper<Access> access = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper mayChangeSpecifications = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper mayWriteInstances = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper boundToRsp = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper rspKey = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");

    public AccessProperties(CurrentAccess current, TaskRunner tasks) {
        apply(current.get());
        current.addListener(changed -> tasks.onUiThread(() -> apply(changed)));
    }

    private void apply(Access now) {
        access.set(now);
        mayChangeSpecifications.set(now.mayChangeSpecifications());
        mayWriteInstances.set(now.mayWriteInstances());
        boundToRsp.set(now.rspKey() != null);
        rspKey.set(now.rspKey());
        description.set(now.describe());
    }

    public ReadOnlyObjectProperty<Access> accessProperty() {
        return access.getReadOnlyProperty();
    }

    /** A catalogue manager: every versioning operation, imports, the demo. */
    public ReadOnlyBooleanProperty mayChangeSpecificationsProperty() {
        return mayChangeSpecifications.getReadOnlyProperty();
    }

    /** Not a viewer: create, migrate, undo instances (an RSP operator its own RSP's). */
    public ReadOnlyBooleanProperty mayWriteInstancesProperty() {
        return mayWriteInstances.getReadOnlyProperty();
    }

    /** An RSP operator: the RSP is fixed, not chosen. */
    public ReadOnlyBooleanProperty boundToRspProperty() {
        return boundToRsp.getReadOnlyProperty();
    }

    /** The RSP an RSP operator is bound to (null for any other role). */
    public ReadOnlyStringProperty rspKeyProperty() {
        return rspKey.getReadOnlyProperty();
    }

    /** "catalogue manager", "RSP operator for acme", "viewer". */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public boolean mayChangeSpecifications() {
        return mayChangeSpecifications.get();
    }

    public boolean mayWriteInstances() {
        return mayWriteInstances.get();
    }
}
