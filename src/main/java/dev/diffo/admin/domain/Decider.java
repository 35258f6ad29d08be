package dev.diffo.admin.domain;

import java.util.List;

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

    /** The labels to swap on the moved instances (recorded per instance in the ledger), or null to keep them. */
    default Relabel relabel() {
        return null;
    }
}
