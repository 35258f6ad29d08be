package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our own schema: versioned, recorded once, idempotent, on our labels only, and never written by merely looking. */
@ExtendWith(Neo4jExtension.class)
class SchemaIT {

    @Test
    void appliedStepsAreRecordedOnceAndOnlyOurLabelsGetConstraints(Neo4jSchema schema, Database database, TestGraph graph) {
        schema.require("test");
        new Neo4jSchema(database).require("test again");

        assertThat(graph.count("MATCH (v:DiffoAdmin:SchemaVersion {key: 'diffo-admin', version: " + Neo4jSchema.LATEST + "}) WHERE NOT v:Provider RETURN count(v)"))
                .isEqualTo(1);
        var constraints = graph.query("SHOW CONSTRAINTS YIELD name, labelsOrTypes WHERE name STARTS WITH 'diffo_admin_' RETURN name, labelsOrTypes");
        assertThat(constraints).extracting(r -> r.get("name").asString()).contains(
                "diffo_admin_migration_lock_key", "diffo_admin_migration_run_uuid", "diffo_admin_version_event_uuid", "diffo_admin_schema_version_key");
        assertThat(constraints).flatExtracting(r -> r.get("labelsOrTypes").asList())
                .allMatch(Set.of("MigrationLock", "MigrationRun", "VersionEvent", "SchemaVersion", "InstanceCount", "InstanceCountSet")::contains);
        assertThat(graph.count("SHOW CONSTRAINTS YIELD labelsOrTypes WHERE any(l IN labelsOrTypes WHERE l IN ['Specification', 'Instance', 'Provider', 'Characteristic']) RETURN count(*)"))
                .as("no constraint of ours on diffo's labels").isZero();
    }

    @Test
    void aMigrationRunNeedsOnlyTheConstraintsAndLeavesTheReadIndexesToTheConnect(Database database, TestGraph graph) {
        graph.run("MATCH (v:SchemaVersion) DETACH DELETE v");
        for (String index : READ_INDEXES) {
            graph.run("DROP INDEX " + index + " IF EXISTS");
        }
        try {
            Neo4jSchema schema = new Neo4jSchema(database);
            schema.require("start a migration run", Neo4jSchema.CONSTRAINTS);

            assertThat(graph.count("MATCH (v:SchemaVersion {key: 'diffo-admin'}) RETURN v.version")).isEqualTo(Neo4jSchema.CONSTRAINTS);
            assertThat(graph.count("SHOW CONSTRAINTS YIELD name WHERE name = 'diffo_admin_migration_lock_key' RETURN count(*)")).isEqualTo(1);
            assertThat(graph.count("SHOW INDEXES YIELD name WHERE name IN $names RETURN count(*)".replace("$names", quoted(READ_INDEXES))))
                    .as("no read index is created (and populated) under a run's first batches").isZero();

            schema.require("build the read indexes and kept counts");

            assertThat(graph.count("MATCH (v:SchemaVersion {key: 'diffo-admin'}) RETURN v.version")).isEqualTo(Neo4jSchema.LATEST);
            assertThat(graph.count("SHOW INDEXES YIELD name WHERE name IN $names RETURN count(*)".replace("$names", quoted(READ_INDEXES))))
                    .isEqualTo(READ_INDEXES.size());
        } finally {
            // the shared store keeps its read indexes for the other tests, whatever happened here
            new Neo4jSchema(database).require("restore");
        }
    }

    private static final java.util.List<String> READ_INDEXES = java.util.List.of("diffo_admin_instance_uuid", "diffo_admin_instance_name_uuid",
            "diffo_admin_instance_state_uuid", "diffo_admin_instance_created_uuid", "diffo_admin_instance_name_text");

    private static String quoted(java.util.List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    @Test
    void duplicateLocksLeftByOlderVersionsAreMergedBeforeTheConstraintIsCreated(Database database, TestGraph graph) {
        graph.run("DROP CONSTRAINT diffo_admin_migration_lock_key IF EXISTS");
        graph.run("CREATE (:DiffoAdmin:MigrationLock {key: 'x|acme'}), (:DiffoAdmin:MigrationLock {key: 'x|acme'}), (:DiffoAdmin:MigrationLock {key: 'y|beta'})");

        new Neo4jSchema(database).require("test");

        assertThat(graph.count("MATCH (l:MigrationLock) RETURN count(l)")).isEqualTo(2);
        assertThat(graph.count("SHOW CONSTRAINTS YIELD name WHERE name = 'diffo_admin_migration_lock_key' RETURN count(*)")).isEqualTo(1);
    }

    @Test
    void lookingAtADatabaseWritesNoSchemaRecord(CatalogueService catalogue, DemoService demo, TestGraph graph) {
        demo.loadDemo();
        String before = graph.fingerprint();

        catalogue.load("");

        assertThat(graph.fingerprint()).isEqualTo(before);
        assertThat(graph.count("MATCH (v:SchemaVersion) RETURN count(v)")).isZero();
    }
}
