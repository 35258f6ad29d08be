package dev.diffo.admin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Scenario;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Record;

@ExtendWith(Neo4jExtension.class)
class DemoServiceIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";

    @Test
    void writesTheSeedSpecificationsInDiffosShape(DemoService demo, TestGraph graph) {
        demo.loadDemo();

        List<Record> specs = graph.query("""
                MATCH (s:Specification) RETURN labels(s) AS labels, properties(s) AS p ORDER BY s.majorVersion
                """);
        assertThat(specs).hasSize(2);
        Map<String, Object> v1 = specs.get(0).get("p").asMap();
        assertThat(specs.get(0).get("labels").asList()).containsExactlyInAnyOrder("Provider", "Specification");
        assertThat(v1).containsEntry("uuid", V1).containsEntry("name", "broadband").containsEntry("type", "serviceSpecification")
                .containsEntry("majorVersion", 1L).containsEntry("minorVersion", 0L).containsEntry("patchVersion", 0L)
                .containsEntry("tmfVersion", 4L).containsEntry("category", "Access")
                .containsEntry("description", "A broadband access service");
        assertThat(v1.keySet()).containsExactlyInAnyOrder("uuid", "name", "type", "majorVersion", "minorVersion", "patchVersion",
                "tmfVersion", "description", "category", "createdAt", "updatedAt");
        assertThat(v1.get("createdAt")).isInstanceOfSatisfying(ZonedDateTime.class,
                t -> assertThat(t.getZone()).isEqualTo(ZoneId.of("Etc/UTC")));
        assertThat(specs.get(1).get("p").asMap()).containsEntry("uuid", V2).containsEntry("majorVersion", 2L)
                .containsEntry("description", "A broadband access service — :fttb technology retired");
    }

    @Test
    void writesTheSeedInstancesEachOnExactlyOneSpecificationWithDiffosLabelsAndCharacteristicJson(DemoService demo, TestGraph graph) {
        demo.loadDemo();

        List<Record> instances = graph.query("""
                MATCH (i:Instance)
                RETURN i.name AS name, labels(i) AS labels, properties(i) AS p,
                       [(i)-[:SPECIFIED_BY]->(s) | s.uuid] AS specs,
                       [(i)-[:HAS]->(c:Characteristic) | properties(c)] AS characteristics,
                       [(i)-[:HAS]->(c) | labels(c)] AS characteristicLabels
                ORDER BY name
                """);
        assertThat(instances).extracting(r -> r.get("name").asString())
                .containsExactly("acme-broadband-001", "acme-broadband-002", "beta-broadband-v2-001");
        assertThat(instances.get(0).get("labels").asList()).containsExactlyInAnyOrder("Nbn", "Broadband", "Instance", "Provider");
        assertThat(instances.get(2).get("labels").asList()).containsExactlyInAnyOrder("Nbn", "BroadbandV2", "Instance", "Provider");
        assertThat(instances).extracting(r -> r.get("specs").asList()).containsExactly(List.of(V1), List.of(V1), List.of(V2));
        assertThat(instances.get(0).get("p").asMap()).containsEntry("which", "actual").containsEntry("type", "service")
                .containsEntry("state", "initial").containsKeys("uuid", "createdAt", "updatedAt");
        Map<String, Object> characteristic = instances.get(0).get("characteristics").asList(v -> v.asMap()).getFirst();
        assertThat(characteristic).containsEntry("name", "broadband").containsEntry("type", "instance").containsEntry("isArray", false)
                .containsEntry("value", "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttb\"}}}");
        assertThat(instances.get(0).get("characteristicLabels").asList(v -> v.asList())).containsExactly(List.of("Provider", "Characteristic"));
        assertThat(instances.get(1).get("characteristics").asList(v -> v.asMap()).getFirst().get("value").toString()).contains("\"technology\":\"fttp\"");
    }

    @Test
    void loadingTwiceCreatesNothingNew(DemoService demo, TestGraph graph) {
        Scenario.LoadResult first = demo.loadDemo();
        String after = graph.fingerprint();

        Scenario.LoadResult second = demo.loadDemo();

        assertThat(first).isEqualTo(new Scenario.LoadResult(2, 0, 3, 0));
        assertThat(second).isEqualTo(new Scenario.LoadResult(0, 2, 0, 3));
        assertThat(second.changedAnything()).isFalse();
        assertThat(graph.fingerprint()).isEqualTo(after);
    }

    @Test
    void refusesAForeignDatabaseAndWritesNothing(DemoService demo, TestGraph graph) {
        graph.run("CREATE (:Person {name: 'Keanu'})-[:ACTED_IN]->(:Movie {title: 'The Matrix'})");
        String before = graph.fingerprint();

        assertThatThrownBy(demo::loadDemo)
                .isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("not a diffo catalogue")
                .hasMessageContaining("Movie (1), Person (1)");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void anIdentityConflictRollsBackTheWholeLoad(DemoService demo, TestGraph graph) {
        graph.run("CREATE (:Provider:Specification {uuid: '11111111-2222-4333-8444-555555555555', name: 'broadband', majorVersion: 2, type: 'serviceSpecification'})");
        String before = graph.fingerprint();

        assertThatThrownBy(demo::loadDemo)
                .isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("broadband major 2 already exists with id 11111111-2222-4333-8444-555555555555");
        assertThat(graph.fingerprint()).as("v1, created before the conflict was found, is rolled back too").isEqualTo(before);
    }

    @Test
    void keepsExistingDiffoDataAndAddsOnlyWhatIsMissing(DemoService demo, TestGraph graph) {
        graph.run("CREATE (:Provider:Specification {uuid: $v1, name: 'broadband', majorVersion: 1, minorVersion: 1, type: 'serviceSpecification'})",
                Map.of("v1", V1));

        Scenario.LoadResult result = demo.loadDemo();

        assertThat(result.specificationsKept()).isEqualTo(1);
        assertThat(graph.count("MATCH (s:Specification {uuid: '" + V1 + "'}) RETURN s.minorVersion")).as("kept as found").isEqualTo(1);
    }
}
