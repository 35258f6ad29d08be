package dev.diffo.admin.repository;

import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The versioning contract over the real repository on the shared embedded Neo4j. */
@ExtendWith(Neo4jExtension.class)
class Neo4jVersioningRepositoryContractIT extends VersioningRepositoryContract {
    private VersioningRepository repository;
    private TestGraph graph;

    @BeforeEach
    void connect(VersioningRepository repository, TestGraph graph) {
        this.repository = repository;
        this.graph = graph;
    }

    @Override
    protected VersioningRepository repository() {
        return repository;
    }

    @Override
    protected void seedInstance(String specificationUuid, String name, String technology) {
        graph.run("""
                MATCH (s:Specification {uuid: $spec})
                CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service', name: $name, state: 'initial'})
                CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false, value: $value})
                CREATE (i)-[:SPECIFIED_BY]->(s), (i)-[:HAS]->(c)
                """, Map.of("spec", specificationUuid, "name", name, "value", FakeVersioningRepositoryContractTest.broadbandValue(technology)));
    }
}
