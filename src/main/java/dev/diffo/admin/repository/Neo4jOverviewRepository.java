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
              OPTIONAL MATCH (run:DiffoAdmin:MigrationRun) WHERE run.status IN $unfinished
              RETURN count(run) AS runs
            }
            RETURN names, majors, instances, frozen, withdrawn, runs
            """;

    private final Database database;

    @Inject
    public Neo4jOverviewRepository(Database database) {
        this.database = database;
    }

    @Override
    public CatalogueOverview overview() {
        Map<String, Object> parameters = Map.of(
                "frozen", SpecificationStatus.FROZEN.stored(),
                "withdrawn", SpecificationStatus.WITHDRAWN.stored(),
                "unfinished", Arrays.stream(MigrationRun.Status.values()).filter(MigrationRun.Status::resumable).map(Enum::name).toList());
        return database.read(tx -> {
            Record r = tx.run(OVERVIEW, parameters).single();
            return new CatalogueOverview(r.get("names").asLong(), r.get("majors").asLong(), r.get("instances").asLong(),
                    r.get("frozen").asLong(), r.get("withdrawn").asLong(), r.get("runs").asLong());
        });
    }
}
