package dev.diffo.admin.repository;

import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.GraphSlice;
import java.util.List;
import java.util.Map;

/**
 * The graph view's reads. Every read is bounded: a specification's instances come as one aggregate node with
 * the count (the specification's degree), and any expansion reads at most {@code cap} neighbours (plus one, to
 * know whether to offer "more…").
 */
public interface GraphRepository {

    /** Every major of the name, each with its instance aggregate, the lineage between majors and the migration runs between them. */
    GraphSlice lineage(String specificationName, int cap);

    /** One specification version with its instance aggregate. */
    GraphSlice specification(String uuid);

    /** An instance with its neighbours (specification, characteristics, parties, relationships), at most {@code cap}. */
    GraphSlice instance(String uuid, int cap);

    /** A migration run with its source and target and what it moved. */
    GraphSlice migrationRun(String uuid);

    /** At most {@code cap} instances of the specification (of one RSP when {@code rsp} is given), after the first {@code offset}. */
    GraphSlice instances(String specificationElementId, String rsp, long offset, int cap);

    /** The specification's instances counted per RSP (the largest {@code cap}): one aggregate node each. */
    GraphSlice instancesByRsp(String specificationElementId, int cap);

    /** At most {@code cap} neighbours of a node, after the first {@code offset}; a specification's instances are never among them. */
    default GraphSlice neighbours(GraphRef.Element node, long offset, int cap) {
        return neighbours(node, null, offset, cap);
    }

    /**
     * As {@link #neighbours(GraphRef.Element, long, int)}, seen by RSP {@code rsp} (null: every RSP): another RSP's
     * instances, and the nodes diffo makes for one instance that an instance of another RSP relates to (its PartyRefs,
     * PlaceRefs), are left out in the read, so a page holds {@code cap} of the RSP's own where there are that many.
     */
    GraphSlice neighbours(GraphRef.Element node, String rsp, long offset, int cap);

    /** How many of the specification's instances are of RSP {@code rsp} (works out every instance's RSP, in the database). */
    long instanceCount(String specificationElementId, String rsp);

    /** The RSP of each of these instances (by element id), by the same rule as everywhere ({@code DiffoShape}); unknown ids are left out. */
    Map<String, String> rspsOf(List<String> instanceElementIds);
}
