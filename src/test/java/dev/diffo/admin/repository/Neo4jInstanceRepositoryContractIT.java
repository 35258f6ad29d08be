package dev.diffo.admin.repository;

import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The instance contract over the real repository on the shared embedded Neo4j. */
@ExtendWith(Neo4jExtension.class)
class Neo4jInstanceRepositoryContractIT extends InstanceRepositoryContract {
    private InstanceRepository repository;
    private TestGraph graph;

    @BeforeEach
    void connect(InstanceRepository repository, TestGraph graph) {
        this.repository = repository;
        this.graph = graph;
    }

    @Override
    protected InstanceRepository repository() {
        return repository;
    }

    @Override
    protected void seedParty(String key) {
        graph.run("CREATE (:Provider:Organization:Party {key: $key, name: 'organizationId', type: 'PartyRef', referredType: 'Organization'})",
                java.util.Map.of("key", key));
    }

    @Override
    protected void seedSpecification(String uuid, String name, long major, SpecificationType type, SpecificationStatus status) {
        graph.run("""
                CREATE (s:Provider:Specification {uuid: $uuid, type: $type, name: $name, majorVersion: $major, minorVersion: 0,
                        patchVersion: 0, tmfVersion: 4})
                FOREACH (_ IN CASE WHEN $status = 'current' THEN [] ELSE [1] END |
                  CREATE (s)-[:HAS_STATUS]->(:DiffoAdmin:SpecificationStatus {status: $status}))
                """, Map.of("uuid", uuid, "type", type.stored(), "name", name, "major", major, "status", status.stored()));
    }
}
