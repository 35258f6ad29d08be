package dev.diffo.admin.repository;

import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import java.util.List;
import java.util.Optional;

/** Reads the specification catalogue in diffo's shape. */
public interface CatalogueRepository {

    /**
     * Every Specification whose name or category contains {@code search} (case-insensitive; blank means all),
     * with its instance count, ordered by name then major (newest first).
     */
    List<Specification> findSpecifications(String search);

    Optional<Specification> findByUuid(String uuid);

    /**
     * The RSPs whose instances stand on the specification, with their counts, most instances first: the party in
     * the RSP role where an instance has one, else its name prefix. One aggregate read over the instances.
     */
    List<Rsp.Share> rsps(String specificationUuid);

    /**
     * RSP {@code rsp}'s share of each specification's instances (uuid → count), for the counts an RSP operator's screens
     * show: from the counts the app keeps where they are right, else counted where that is cheap; null for a
     * specification whose share would take too long to count (every specification is a key).
     */
    java.util.Map<String, Long> instancesOf(String rsp);

    /** What the database holds, to tell empty, diffo-shaped and foreign databases apart. */
    GraphShape inspectShape();
}
