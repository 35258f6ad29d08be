package dev.diffo.admin.repository;

import dev.diffo.admin.domain.LedgerMove;
import dev.diffo.admin.domain.MajorShare;
import dev.diffo.admin.domain.Specification;
import java.util.List;

/** The withdrawal-readiness view's reads: aggregate counts per major and RSP, and the ledger's moves over time. */
public interface ReadinessRepository {

    /** The names that have specifications, sorted. */
    List<String> names();

    /** The majors of {@code name} (their instance counts read from the node's degree), lowest first. */
    List<Specification> majors(String name);

    /**
     * How many instances each RSP holds on each major of {@code name}: walked from the parties in the RSP role where
     * instances have one, by name prefix for the rest (as the instances table finds an instance's RSP).
     */
    List<MajorShare> shares(String name);

    /** Every recorded batch of the migration runs from or to one of {@code specUuids}, oldest first. */
    List<LedgerMove> moves(List<String> specUuids);
}
