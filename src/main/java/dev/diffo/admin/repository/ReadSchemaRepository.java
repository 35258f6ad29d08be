package dev.diffo.admin.repository;

import dev.diffo.admin.domain.ReadIndex;
import dev.diffo.admin.domain.Recount;
import java.util.List;

/** diffo-admin's read indexes and kept instance counts: building them, how far they are, and recounting from the graph. */
public interface ReadSchemaRepository {

    /** Whether the database holds a diffo catalogue (any specification): only then are indexes and counts built on connect. */
    boolean isCatalogue();

    /** Applies diffo-admin's schema steps (the read indexes among them); refused, with what to do, for a user who may not write. */
    void applySchema();

    /** The read indexes, as the database reports them now (MISSING when not there). */
    List<ReadIndex> readIndexes();

    /** The specifications (uuid) with instances whose counts are not kept yet. */
    List<String> specificationsWithoutKeptCounts();

    /** Every specification (uuid) with instances. */
    List<String> specificationsWithInstances();

    /** Rebuilds the specification's kept counts from the graph, by this RSP role, in one transaction. */
    Recount recount(String specificationUuid, String rspRole);
}
