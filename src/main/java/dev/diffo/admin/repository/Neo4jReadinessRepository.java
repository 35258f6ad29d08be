package dev.diffo.admin.repository;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.LedgerMove;
import dev.diffo.admin.domain.MajorShare;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The withdrawal-readiness reads on Neo4j, each one aggregate query. Per-RSP counts walk the party pattern
 * {@code (i)-[:RELATES]->(:PartyRef {role})-[:RELATES]->(:Party)} grouped by party, with no per-instance subquery;
 * only a major whose instances are not all counted that way (graphs without party data, like the demo) is read
 * again for the rest by name prefix.
 */
@Singleton
public class Neo4jReadinessRepository implements ReadinessRepository {

    static final String NAMES = """
            MATCH (s:Specification) WHERE s.name IS NOT NULL
            RETURN DISTINCT s.name AS name ORDER BY name
            """;

    static final String MAJORS = """
            MATCH (s:Specification {name: $name})
            RETURN %s
            ORDER BY s.majorVersion
            """.formatted(DiffoShape.SPECIFICATION_COLUMNS);

    /**
     * Instances per major and party in the RSP role. An instance with two parties in that role counts for the lowest
     * key only, as {@link DiffoShape#rspOf} decides.
     */
    static final String BY_PARTY = """
            MATCH (s:Specification {name: $name})<-[:SPECIFIED_BY]-(i)-[:RELATES]->(ref:PartyRef)-[:RELATES]->(p:Party)
            WHERE ref.role = $rspRole
              AND NOT EXISTS { MATCH (i)-[:RELATES]->(other:PartyRef)-[:RELATES]->(q:Party)
                               WHERE other.role = $rspRole AND coalesce(q.key, q.name) < coalesce(p.key, p.name) }
            RETURN s.uuid AS spec, s.majorVersion AS major, coalesce(p.key, p.name) AS rsp, p.name AS rspName, count(*) AS instances
            """;

    /** The instances of one major that no party in the RSP role holds, by their name prefix. */
    static final String BY_PREFIX = """
            MATCH (s:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            WHERE NOT EXISTS { MATCH (i)-[:RELATES]->(ref:PartyRef)-[:RELATES]->(:Party) WHERE ref.role = $rspRole }
            WITH CASE WHEN i.name CONTAINS '-' THEN split(i.name, '-')[0] ELSE coalesce(i.name, '(unnamed)') END AS rsp
            RETURN rsp, count(*) AS instances
            """;

    static final String MOVES = """
            MATCH (run:MigrationRun)-[:HAS_BATCH]->(b:MigrationBatch)
            WHERE run.source IN $specs OR run.target IN $specs
            RETURN run.source AS source, run.target AS target, b.at AS at, b.migrated AS migrated, b.undoneAt AS undoneAt
            ORDER BY at
            """;

    private final Database database;
    private final CatalogueSettings settings;

    @Inject
    public Neo4jReadinessRepository(Database database, CatalogueSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public List<String> names() {
        return database.read(tx -> tx.run(NAMES).list(r -> r.get("name").asString()));
    }

    @Override
    public List<Specification> majors(String name) {
        return database.read(tx -> tx.run(MAJORS, Map.of("name", name)).list(DiffoShape::toSpecification));
    }

    @Override
    public List<MajorShare> shares(String name) {
        String role = settings.rspRole();
        return database.read(tx -> {
            List<Specification> majors = tx.run(MAJORS, Map.of("name", name)).list(DiffoShape::toSpecification);
            List<MajorShare> kept = kept(tx, majors, role);
            if (kept != null) {
                return kept;
            }
            List<MajorShare> shares = new ArrayList<>();
            Map<String, Long> counted = new HashMap<>();
            tx.run(BY_PARTY, Map.of("name", name, "rspRole", role)).forEachRemaining(r -> {
                long n = r.get("instances").asLong();
                String spec = r.get("spec").asString();
                counted.merge(spec, n, Long::sum);
                shares.add(new MajorShare(spec, r.get("major").asLong(1), Rsp.of(r.get("rsp").asString(), r.get("rspName").asString(null), "party", role), n));
            });
            for (Specification major : majors) {
                // only where some instances have no party in the role: a catalogue in diffo's own shape never reads this
                if (major.instanceCount() > counted.getOrDefault(major.uuid(), 0L)) {
                    tx.run(BY_PREFIX, Map.of("spec", major.uuid(), "rspRole", role)).forEachRemaining(r -> shares.add(new MajorShare(major.uuid(),
                            major.majorVersion(), Rsp.of(r.get("rsp").asString(), null, "prefix", role), r.get("instances").asLong())));
                }
            }
            return shares;
        });
    }

    /**
     * The shares from the counts the app keeps, where every major has them by {@code role} and they add up to what each
     * major holds now (a change diffo made since the last recount makes them disagree); null when they cannot answer.
     */
    private static List<MajorShare> kept(org.neo4j.driver.SimpleQueryRunner tx, List<Specification> majors, String role) {
        List<MajorShare> kept = new ArrayList<>();
        for (Specification major : majors) {
            List<MajorShare> ofMajor = tx.run(KeptCounts.RSP_TOTALS, Map.of("spec", major.uuid(), "rspRole", role)).list(r -> new MajorShare(major.uuid(),
                    major.majorVersion(), Rsp.of(r.get("rsp").asString(), r.get("rspName").asString(null), r.get("rspBy").asString("prefix"), role),
                    r.get("instances").asLong()));
            if (ofMajor.stream().mapToLong(MajorShare::instances).sum() != major.instanceCount()) {
                return null;
            }
            kept.addAll(ofMajor);
        }
        return kept;
    }

    @Override
    public List<LedgerMove> moves(List<String> specUuids) {
        return database.read(tx -> tx.run(MOVES, Map.of("specs", specUuids)).list(r -> new LedgerMove(r.get("source").asString(null),
                r.get("target").asString(null), GraphValues.dateTime(r.get("at")), r.get("migrated").asLong(0), GraphValues.dateTime(r.get("undoneAt")))));
    }
}
