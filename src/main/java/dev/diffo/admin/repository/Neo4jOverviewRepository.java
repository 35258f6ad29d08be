package dev.diffo.admin.repository;

import dev.diffo.admin.domain.CatalogueOverview;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.SpecificationStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * The overview's counts in one read. Instances are counted from each specification's {@code SPECIFIED_BY} degree,
 * which Neo4j answers from the node's relationship counts: no instance node is touched, whatever their number.
 */
@Singleton
public class Neo4jOverviewRepository implements OverviewRepository {

    static final String OVERVIEW = """
            CALL () {
              MATCH (s:Specification)
              WITH s, COUNT { (s)<-[:SPECIFIED_BY]-() } AS instances,
                   COLLECT { MATCH (s)-[:HAS_STATUS]->(st:SpecificationStatus) RETURN st.status }[0] AS status
              RETURN count(DISTINCT s.name) AS names, count(s) AS majors, sum(instances) AS instances,
                     count(CASE WHEN status = $frozen THEN 1 END) AS frozen,
                     count(CASE WHEN status = $withdrawn THEN 1 END) AS withdrawn
            }
            CALL () {
              OPTIONAL MATCH (run:DiffoAdmin:MigrationRun) WHERE run.status IN $unfinished AND ($rsp IS NULL OR toLower(run.rsp) = toLower($rsp))
              RETURN count(run) AS runs
            }
            RETURN names, majors, instances, frozen, withdrawn, runs
            """;

    private final Database database;
    private final dev.diffo.admin.common.CatalogueSettings settings;

    @Inject
    public Neo4jOverviewRepository(Database database, dev.diffo.admin.common.CatalogueSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public CatalogueOverview overview(String rsp) {
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of(
                "frozen", SpecificationStatus.FROZEN.stored(),
                "withdrawn", SpecificationStatus.WITHDRAWN.stored(),
                "unfinished", Arrays.stream(MigrationRun.Status.values()).filter(MigrationRun.Status::resumable).map(Enum::name).toList()));
        parameters.put("rsp", rsp);
        return database.read(tx -> {
            Record r = tx.run(OVERVIEW, parameters).single();
            if (rsp == null) {
                return new CatalogueOverview(r.get("names").asLong(), r.get("majors").asLong(), r.get("instances").asLong(),
                        r.get("frozen").asLong(), r.get("withdrawn").asLong(), r.get("runs").asLong());
            }
            // an RSP's share, never every RSP's total: from the kept counts, else counted where cheap, else not counted (-1)
            var shares = RspShares.of(tx, rsp, settings.rspRole()).values();
            long own = shares.contains(null) ? -1 : shares.stream().mapToLong(Long::longValue).sum();
            return CatalogueOverview.ofRsp(rsp, r.get("names").asLong(), r.get("majors").asLong(), own,
                    r.get("frozen").asLong(), r.get("withdrawn").asLong(), r.get("runs").asLong());
        });
    }
}
