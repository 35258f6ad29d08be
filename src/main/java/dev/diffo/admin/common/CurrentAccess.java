package dev.diffo.admin.common;

import dev.diffo.admin.domain.Access;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The access the app runs as (one per app, set when a connection is made from a profile or the command line).
 * Services read it to refuse what the role may not do, whatever called them; views listen to hide or disable
 * actions. Thread-safe; listeners are called on the thread that sets it.
 */
@Singleton
public class CurrentAccess {
    private volatile Access access = Access.CATALOGUE_MANAGER;
    private final List<Consumer<Access>> listeners = new CopyOnWriteArrayList<>();

    public Access get() {
        return access;
    }

    public void set(Access newAccess) {
        if (newAccess == null) {
            throw new IllegalArgumentException("access");
        }
        access = newAccess;
        listeners.forEach(listener -> listener.accept(newAccess));
    }

    public void addListener(Consumer<Access> listener) {
        listeners.add(listener);
    }
}
