package dev.diffo.admin.common;

import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.NotPermittedException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
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
    private final RspKeys keys;

    /** An access whose RSP keys are taken as given (tests, tools without a database). */
    public CurrentAccess() {
        this(RspKeys.AS_GIVEN);
    }

    /** An access whose RSP key is looked up in the graph when it is set ({@link RspKeys}): reads then match it exactly. */
    @Inject
    public CurrentAccess(RspKeys keys) {
        this.keys = keys;
    }

    public Access get() {
        return access;
    }

    /**
     * Sets the access; an RSP operator's key is first looked up as the graph spells it (one read, off the FX thread: a
     * connection sets it), so a key given in another case reads the same instances.
     */
    public void set(Access newAccess) {
        if (newAccess == null) {
            throw new IllegalArgumentException("access");
        }
        if (newAccess.rspKey() != null) {
            String stored = keys.stored(newAccess.rspKey());
            if (stored != null && !stored.equals(newAccess.rspKey()) && stored.equalsIgnoreCase(newAccess.rspKey())) {
                newAccess = Access.rspOperator(stored);
            }
        }
        Access applied = newAccess;
        access = applied;
        listeners.forEach(listener -> listener.accept(applied));
    }

    public void addListener(Consumer<Access> listener) {
        listeners.add(listener);
    }

    /**
     * Refuses a change to specifications (any versioning write, an import, the demo catalogue) unless the app runs as
     * a catalogue manager; {@code what} names the change ("Publishing a new major of broadband").
     */
    public void requireSpecificationChanges(String what) {
        Access now = access;
        if (!now.mayChangeSpecifications()) {
            throw new NotPermittedException(now, what + " is not permitted: the app runs as " + article(now) + ".",
                    "Only a catalogue manager changes specifications; connect with a catalogue manager's profile.");
        }
    }

    /** Refuses a write to instances (create, migrate, resume, undo) when the app runs as a viewer. */
    public void requireInstanceWrites(String what) {
        Access now = access;
        if (!now.mayWriteInstances()) {
            throw new NotPermittedException(now, what + " is not permitted: the app runs as " + article(now) + ", which only reads.",
                    "A catalogue manager, or the RSP's operator for its own instances, may; connect with such a profile.");
        }
    }

    /**
     * The RSP a read or a move of instances is scoped to: for an RSP operator its own (no RSP given means its own; any
     * other RSP is refused, naming both); for any other role the one given (null: every RSP). Keys compare in any case.
     */
    public String scopeRsp(String requested, String what) {
        Access now = access;
        String asked = requested == null || requested.isBlank() ? null : requested.strip();
        if (now.rspKey() == null) {
            return asked;
        }
        if (asked == null || asked.equalsIgnoreCase(now.rspKey())) {
            return now.rspKey();
        }
        throw refusedOtherRsp(now, asked, what);
    }

    /**
     * Refuses a read that shows every RSP's instances side by side (the withdrawal-readiness view) when the app runs as
     * an RSP operator, who sees only its own RSP's instances.
     */
    public void requireEveryRsp(String what) {
        Access now = access;
        if (now.rspKey() != null) {
            throw new NotPermittedException(now, what + " shows every RSP's instances, which is not permitted: the app runs as " + article(now)
                    + " and sees only " + now.rspKey() + "'s instances.", "The instances tab and the migration wizard show " + now.rspKey()
                    + "'s own; a catalogue manager or a viewer sees every RSP's readiness.");
        }
    }

    /** Refuses acting on something of RSP {@code rspKey} ("Undoing run 1a2b…") unless this access covers that RSP. */
    public void requireRsp(String rspKey, String what) {
        Access now = access;
        if (!covers(rspKey)) {
            throw refusedOtherRsp(now, rspKey, what);
        }
    }

    /** Whether this access sees instances of {@code rspKey} (an RSP operator only its own, in any case). */
    public boolean covers(String rspKey) {
        return access.covers(rspKey);
    }

    private static NotPermittedException refusedOtherRsp(Access now, String other, String what) {
        return new NotPermittedException(now, what + " for RSP " + other + " is not permitted: the app runs as " + article(now) + " and sees only "
                + now.rspKey() + "'s instances.", "Leave the RSP out (it is " + now.rspKey() + "), or connect with a profile for " + other + ".");
    }

    private static String article(Access access) {
        String described = access.describe();
        return (described.toLowerCase(Locale.ROOT).matches("^[aeiou].*") || described.startsWith("RSP") ? "an " : "a ") + described;
    }
}
