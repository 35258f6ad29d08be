package dev.diffo.admin.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The retail provider owning instances: the party in the RSP role (its {@code key} is its identity, its
 * {@code name} often only the kind of identifier, e.g. {@code organizationId}), or, where an instance has no
 * such party, the prefix of its name ({@code acme-…}).
 */
public record Rsp(String key, String name, FoundBy foundBy, String role) {

    public enum FoundBy {
        PARTY("by party role"), NAME_PREFIX("by name prefix");

        private final String label;

        FoundBy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static FoundBy fromStored(String stored) {
            return "party".equals(stored) ? PARTY : NAME_PREFIX;
        }
    }

    /** One RSP's instances on a specification. */
    public record Share(Rsp rsp, long instances) {
        @Override
        public String toString() {
            return rsp.display() + " (" + String.format("%,d", instances) + ")";
        }
    }

    /** An RSP found by name prefix (graphs without party data). */
    public Rsp(String key, String name, FoundBy foundBy) {
        this(key, name, foundBy, null);
    }

    /** As the repository reads it: {@code foundBy} is {@code 'party'} or {@code 'prefix'}, {@code role} the RSP role asked for. */
    public static Rsp of(String key, String name, String foundBy, String role) {
        FoundBy by = FoundBy.fromStored(foundBy);
        return new Rsp(key, name, by, by == FoundBy.PARTY ? role : null);
    }

    /** How it was found: "by party role Reseller" or "by name prefix". */
    public String how() {
        return foundBy == FoundBy.PARTY ? "by party role " + (role == null ? "" : role) : foundBy.label();
    }

    /** {@code ORG000000123456 · organizationId}, or just the key where the name says nothing more. */
    public String display() {
        return name == null || name.isBlank() || name.equalsIgnoreCase(key) ? key : key + " · " + name;
    }

    /**
     * The RSP that {@code given} names among {@code present} (the RSPs on a source, with counts): its key (any
     * case) first; a party name only when exactly one party has it. Refuses an ambiguous name or an unknown RSP,
     * listing the RSPs present.
     */
    public static Rsp resolve(String given, List<Share> present, String where) {
        String wanted = given == null ? "" : given.strip();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("No RSP chosen", "Name the RSP by its key. RSPs on " + where + ": " + list(present) + ".");
        }
        for (Share s : present) {
            if (s.rsp().key().equalsIgnoreCase(wanted)) {
                return s.rsp();
            }
        }
        List<Share> byName = present.stream().filter(s -> s.rsp().name() != null && s.rsp().name().equalsIgnoreCase(wanted)).toList();
        if (byName.size() == 1) {
            return byName.getFirst().rsp();
        }
        if (byName.size() > 1) {
            throw new InvalidInputException("'" + wanted + "' is the name of " + byName.size() + " RSPs on " + where + ": "
                    + byName.stream().map(s -> s.rsp().key() + " (" + String.format("%,d", s.instances()) + ")").collect(Collectors.joining(", ")),
                    "A party's name is not its identity; give the key, e.g. --rsp " + byName.getFirst().rsp().key() + ".");
        }
        throw new InvalidInputException("No instances of RSP " + wanted + " on " + where,
                present.isEmpty() ? "No instance stands on " + where + "." : "RSPs there: " + list(present) + ".");
    }

    public static String list(List<Share> present) {
        if (present.isEmpty()) {
            return "none";
        }
        String shown = present.stream().limit(20).map(Share::toString).collect(Collectors.joining(", "));
        return present.size() > 20 ? shown + " and " + (present.size() - 20) + " more" : shown;
    }

    /** How the RSPs of a list were found: "by the party in role Reseller", "by instance name prefix", or both. */
    public static String howFound(List<Share> present) {
        String role = present.stream().map(s -> s.rsp().role()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        boolean prefix = present.stream().anyMatch(s -> s.rsp().foundBy() == FoundBy.NAME_PREFIX);
        if (role == null) {
            return present.isEmpty() ? "" : "RSPs found by instance name prefix (no instance has a party in the RSP role)";
        }
        return "RSPs found by the party in role " + role + (prefix ? ", else by instance name prefix" : "");
    }

    @Override
    public String toString() {
        return display();
    }
}
