package dev.diffo.admin.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * One RSP's share of each specification's instances, for the screens that show an RSP operator a count: from the
 * counts the app keeps ({@link KeptCounts}) where a specification has them by the RSP role in use and they add up to
 * its instances now (its {@code SPECIFIED_BY} degree: a change made behind the app's back makes them disagree), else
 * counted in the graph by the party-role rule ({@link DiffoShape#isOfRsp}) where the specification has at most
 * {@link #COUNTED_AT_MOST} instances, else not counted (null): a screen then shows no count rather than wait for
 * millions of instances to be walked, and never every RSP's total.
 */
final class RspShares {

    /** Above this many instances on a specification without usable kept counts, its share is not counted on a screen. */
    static final long COUNTED_AT_MOST = 20_000;

    private RspShares() {
    }

    /** Every specification's degree, and its kept RSP totals where they are kept by {@code $rspRole}. */
    static final String KEPT = """
            MATCH (s:Specification)
            WITH s, COUNT { (s)<-[:SPECIFIED_BY]-() } AS degree
            OPTIONAL MATCH (set:DiffoAdmin:InstanceCountSet {spec: s.uuid})
            WITH s, degree, set IS NOT NULL AND set.rspRole = $rspRole AS kept
            RETURN s.uuid AS spec, degree, kept,
                   CASE WHEN kept THEN COLLECT { MATCH (k:DiffoAdmin:InstanceCount {spec: s.uuid}) WHERE k.characteristic IS NULL RETURN [k.rsp, k.n] }
                        ELSE [] END AS counts
            """;

    /** RSP {@code $rsp}'s instances on one specification, worked out per instance (only below {@link #COUNTED_AT_MOST}). */
    static final String COUNTED = """
            MATCH (:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            WHERE %s
            RETURN count(i) AS n
            """.formatted(DiffoShape.isOfRsp("i.name"));

    /** Specification uuid → RSP {@code rsp}'s instances on it; null where it is not counted (too many instances and no usable kept counts). */
    static Map<String, Long> of(SimpleQueryRunner tx, String rsp, String rspRole) {
        Map<String, Long> shares = new HashMap<>();
        for (Record r : tx.run(KEPT, Map.of("rspRole", rspRole)).list()) {
            String spec = r.get("spec").asString(null);
            if (spec == null) {
                continue;
            }
            long degree = r.get("degree").asLong();
            List<Value> counts = r.get("counts").asList(v -> v);
            long keptTotal = counts.stream().mapToLong(c -> c.get(1).asLong()).sum();
            if (degree == 0) {
                shares.put(spec, 0L);
            } else if (r.get("kept").asBoolean() && keptTotal == degree) {
                shares.put(spec, counts.stream().filter(c -> rsp.equalsIgnoreCase(c.get(0).asString(""))).mapToLong(c -> c.get(1).asLong()).sum());
            } else if (degree <= COUNTED_AT_MOST) {
                shares.put(spec, tx.run(COUNTED, Map.of("spec", spec, "rsp", rsp, "rspRole", rspRole)).single().get("n").asLong());
            } else {
                shares.put(spec, null);
            }
        }
        return shares;
    }
}
