package dev.diffo.admin.domain;

import java.util.Optional;

/**
 * The role the app runs as and, for an RSP operator, the key of the one RSP it is bound to (the key of the party
 * in the RSP role, or the name prefix where a graph has no party data — as {@link Rsp#key()}).
 */
public record Access(Role role, String rspKey) {

    /** What the app runs as when nothing says otherwise (the user's own embedded store): a catalogue manager. */
    public static final Access CATALOGUE_MANAGER = new Access(Role.CATALOGUE_MANAGER, null);
    public static final Access VIEWER = new Access(Role.VIEWER, null);

    public Access {
        if (role == null) {
            throw new InvalidInputException("No role given.", "Choose catalogue-manager, rsp-operator or viewer.");
        }
        rspKey = rspKey == null || rspKey.isBlank() ? null : rspKey.strip();
        if (role == Role.RSP_OPERATOR && rspKey == null) {
            throw new InvalidInputException("An RSP operator is bound to one RSP, and none was given.", "Give the RSP's key (e.g. ORG000000123456, or acme where instances are named acme-…).");
        }
        if (role != Role.RSP_OPERATOR && rspKey != null) {
            throw new InvalidInputException("Only an RSP operator is bound to an RSP; a " + role.label() + " is not.", "Remove the RSP key " + rspKey + ", or choose rsp-operator.");
        }
    }

    public static Access rspOperator(String rspKey) {
        return new Access(Role.RSP_OPERATOR, rspKey);
    }

    /** The one RSP this access is bound to, if any. */
    public Optional<String> rsp() {
        return Optional.ofNullable(rspKey);
    }

    public boolean mayChangeSpecifications() {
        return role == Role.CATALOGUE_MANAGER;
    }

    /** Create, migrate, undo or delete instances (an RSP operator only its own RSP's). */
    public boolean mayWriteInstances() {
        return role != Role.VIEWER;
    }

    /** May this access see or act on instances of the RSP with this key? (An RSP operator only its own, keys in any case.) */
    public boolean covers(String otherRspKey) {
        return rspKey == null || (otherRspKey != null && rspKey.equalsIgnoreCase(otherRspKey));
    }

    /** "RSP operator for acme", "catalogue manager", "viewer". */
    public String describe() {
        return role.label() + (rspKey == null ? "" : " for " + rspKey);
    }
}
