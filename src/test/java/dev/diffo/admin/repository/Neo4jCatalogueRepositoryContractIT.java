package dev.diffo.admin.repository;

import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalogue contract over the real repository on the shared embedded Neo4j. */
@ExtendWith(Neo4jExtension.class)
class Neo4jCatalogueRepositoryContractIT extends CatalogueRepositoryContract {
    private CatalogueRepository repository;
    private TestGraph graph;

    @BeforeEach
    void connect(CatalogueRepository repository, TestGraph graph) {
        this.repository = repository;
        this.graph = graph;
    }

    @Override
    protected CatalogueRepository repository() {
        return repository;
    }

    @Override
    protected void seed(Seed s, List<String> instanceNames) {
        graph.run("""
                CREATE (s:Provider:Specification {uuid: $uuid, type: $type, name: $name, majorVersion: $major, minorVersion: $minor,
                        patchVersion: $patch, tmfVersion: 4, category: $category})
                WITH s
                UNWIND $instances AS instance
                CREATE (:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service', name: instance})-[:SPECIFIED_BY]->(s)
                """, Map.of("uuid", s.uuid(), "type", s.type().stored(), "name", s.name(), "major", s.major(), "minor", s.minor(),
                "patch", s.patch(), "category", s.category(), "instances", instanceNames));
    }

    @Override
    protected void seedForeign(String label, int count) {
        graph.run("UNWIND range(1, $count) AS k CREATE (n:$($label) {name: $label + k})", Map.of("label", label, "count", count));
    }
}
