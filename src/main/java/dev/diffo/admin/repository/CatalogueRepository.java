package dev.diffo.admin.repository;

import dev.diffo.admin.domain.GraphShape;
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

    /** What the database holds, to tell empty, diffo-shaped and foreign databases apart. */
    GraphShape inspectShape();
}
