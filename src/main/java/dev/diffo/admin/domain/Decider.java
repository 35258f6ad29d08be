package dev.diffo.admin.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides per instance, inside the batch transaction (pure: no side effects, so it is safe to retry). */
@FunctionalInterface
public interface Decider {
    Decision decide(Candidate candidate);

    /**
     * Stored values this decider leaves as they are on any instance: a batch need not read them, so only
     * characteristics that may need a rewrite travel from the database. Empty: every characteristic is read.
     */
    default List<StoredValue> unaffected() {
        return List.of();
    }

    /**
     * The uuids of the instances with a remedy of their own, when this decider moves every other instance none of whose
     * characteristics it reads (all its stored values {@link #unaffected()}) as it is, with no value changed: a batch
     * may then move those on the server without bringing them back for {@link #decide}. Empty: decide every instance.
     */
    default Optional<Set<String>> ownRemedies() {
        return Optional.empty();
    }

    /** The labels to swap on the moved instances (recorded per instance in the ledger), or null to keep them. */
    default Relabel relabel() {
        return null;
    }
}
