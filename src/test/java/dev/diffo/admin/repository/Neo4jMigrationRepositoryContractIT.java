package dev.diffo.admin.repository;

import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migration contract over the real repository on the shared embedded Neo4j. */
@ExtendWith(Neo4jExtension.class)
class Neo4jMigrationRepositoryContractIT extends MigrationRepositoryContract {
    private MigrationRepository repository;
    private TestGraph graph;

    @BeforeEach
    void connect(MigrationRepository repository, TestGraph graph) {
        this.repository = repository;
        this.graph = graph;
    }

    @Override
    protected MigrationRepository repository() {
        return repository;
    }

    @Override
    protected void seedSpecification(String uuid, long major) {
        graph.run("""
                CREATE (:Provider:Specification {uuid: $uuid, type: 'serviceSpecification', name: 'broadband', majorVersion: $major,
                        minorVersion: 0, patchVersion: 0, tmfVersion: 4})
                """, Map.of("uuid", uuid, "major", major));
    }

    @Override
    protected void seedInstance(String specificationUuid, String name, String broadbandJson) {
        graph.run("""
                MATCH (s:Specification {uuid: $spec})
                CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service', name: $name, state: 'initial',
                        updatedAt: datetime({timezone: 'Etc/UTC'})})
                CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false, value: $value})
                CREATE (i)-[:SPECIFIED_BY]->(s), (i)-[:HAS]->(c)
                """, Map.of("spec", specificationUuid, "name", name, "value", broadbandJson));
    }

    @Override
    protected void respecify(String name, String specificationUuid) {
        graph.run("""
                MATCH (i:Instance {name: $name})-[r:SPECIFIED_BY]->()
                MATCH (s:Specification {uuid: $spec})
                DELETE r
                CREATE (i)-[:SPECIFIED_BY]->(s)
                """, Map.of("name", name, "spec", specificationUuid));
    }

    @Override
    protected void deleteInstance(String name) {
        graph.run("MATCH (i:Instance {name: $name})-[:HAS]->(c) DETACH DELETE i, c", Map.of("name", name));
    }
}
