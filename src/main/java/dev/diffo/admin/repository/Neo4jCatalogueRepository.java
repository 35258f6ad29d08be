package dev.diffo.admin.repository;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;

@Singleton
public class Neo4jCatalogueRepository implements CatalogueRepository {

    static final String FIND_SPECIFICATIONS = """
            MATCH (s:Specification)
            WHERE $search = ''
               OR toLower(toString(s.name)) CONTAINS $search
               OR toLower(toString(coalesce(s.category, ''))) CONTAINS $search
            RETURN %s
            ORDER BY toString(s.name), s.majorVersion DESC
            """.formatted(DiffoShape.SPECIFICATION_COLUMNS);

    static final String FIND_BY_UUID = """
            MATCH (s:Specification {uuid: $uuid})
            RETURN %s
            """.formatted(DiffoShape.SPECIFICATION_COLUMNS);

    static final String SHAPE = """
            CALL () { MATCH (n) RETURN count(n) AS nodes }
            CALL () { MATCH (s:Specification) RETURN count(s) AS specifications, count(CASE WHEN NOT s:Provider THEN 1 END) AS withoutProvider }
            CALL () { MATCH (i:Instance) RETURN count(i) AS instances }
            CALL () {
              MATCH (s:Specification)
              WITH s.name AS name, s.majorVersion AS major, count(*) AS copies
              WHERE copies > 1
              RETURN collect(toString(name) + ' major ' + toString(major) + ' (' + toString(copies) + ' nodes)') AS duplicates
            }
            RETURN nodes, specifications, withoutProvider, instances, duplicates
            """;

    /** The labels that have nodes: db.labels() also lists labels with none (e.g. those of diffo-admin's own constraints). */
    static final String LABEL_COUNTS = """
            CALL db.labels() YIELD label
            CALL (label) { MATCH (n:$(label)) RETURN count(n) AS nodes }
            WITH label, nodes WHERE nodes > 0
            RETURN label, nodes
            """;

    private final Database database;
    private final CatalogueSettings settings;

    @Inject
    public Neo4jCatalogueRepository(Database database, CatalogueSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public java.util.Map<String, Long> instancesOf(String rsp) {
        return database.read(tx -> RspShares.of(tx, rsp, settings.rspRole()));
    }

    @Override
    public List<Rsp.Share> rsps(String specificationUuid) {
        return database.read(tx -> rsps(tx, specificationUuid, settings.rspRole()));
    }

    /**
     * The RSPs on a specification with their instances: from the counts the app keeps where they serve (kept by this RSP
     * role and adding up to the specification's instances now), else worked out instance by instance (4–8 s at a million).
     */
    static List<Rsp.Share> rsps(org.neo4j.driver.TransactionContext tx, String specificationUuid, String role) {
        Map<String, Object> params = Map.of("spec", specificationUuid, "rspRole", role);
        List<org.neo4j.driver.Record> kept = tx.run(KeptCounts.RSPS_KEPT, params).list();
        return (kept.isEmpty() ? tx.run(DiffoShape.RSPS_ON, params).list() : kept).stream().map(r -> new Rsp.Share(
                Rsp.of(r.get("rsp").asString(), r.get("rspName").asString(null), r.get("rspBy").asString(), role), r.get("instances").asLong())).toList();
    }

    @Override
    public List<Specification> findSpecifications(String search) {
        String needle = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
        return database.read(tx -> tx.run(FIND_SPECIFICATIONS, Map.of("search", needle)).list(DiffoShape::toSpecification));
    }

    @Override
    public Optional<Specification> findByUuid(String uuid) {
        return database.read(tx -> tx.run(FIND_BY_UUID, Map.of("uuid", uuid)).stream()
                .findFirst()
                .map(DiffoShape::toSpecification));
    }

    @Override
    public GraphShape inspectShape() {
        return database.read(Neo4jCatalogueRepository::inspectShape);
    }

    /** What the database holds (one read transaction's work; also Test connection's, on a driver of its own). */
    static GraphShape inspectShape(org.neo4j.driver.TransactionContext tx) {
        {
            Record r = tx.run(SHAPE).single();
            long specifications = r.get("specifications").asLong();
            long nodes = r.get("nodes").asLong();
            Map<String, Long> labels = new LinkedHashMap<>();
            if (specifications == 0 && nodes > 0) {
                // only a foreign database needs the label census, to say what was found instead
                tx.run(LABEL_COUNTS).forEachRemaining(l -> labels.put(l.get("label").asString(), l.get("nodes").asLong()));
            }
            return new GraphShape(nodes, specifications, r.get("instances").asLong(), r.get("withoutProvider").asLong(),
                    r.get("duplicates").asList(org.neo4j.driver.Value::asString), labels);
        }
    }

}
