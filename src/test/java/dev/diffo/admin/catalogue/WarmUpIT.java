package dev.diffo.admin.catalogue;

import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The warm-up the window makes after connecting ({@link ReadSchemaService#warmUp}), on a catalogue in diffo's livebook
 * shape (several PartyRefs per instance, resellers by party key, no values of ours): it waits for the read indexes,
 * makes every read against the real store without a refusal or a failure, for a manager and for an RSP operator, and
 * writes nothing.
 */
@ExtendWith(Neo4jExtension.class)
class WarmUpIT {

    TestGraph graph;
    ReadSchemaService readSchema;
    CurrentAccess access;

    @BeforeEach
    void write(TestGraph graph, ReadSchemaService readSchema, CurrentAccess access) {
        DiffoLivebookCatalogue.write(graph);
        this.graph = graph;
        this.readSchema = readSchema;
        this.access = access;
    }

    @AfterEach
    void manager() {
        access.set(Access.CATALOGUE_MANAGER);
    }

    @Test
    void afterThePreparationTheTablesReadsAreMadeOnceOnTheLargestVersionAndNothingIsWritten() {
        readSchema.prepare(Progress.NONE);
        String before = graph.fingerprint();
        assertThat(readSchema.warmUp(Progress.NONE)).matches("table warmed: 13 reads in \\d+\\.\\d s on broadband v1\\.\\d+\\.\\d+ \\(longest: .+, \\d+\\.\\d s\\)");
        assertThat(readSchema.indexesNotOnline()).isNull();
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void onAVersionWhoseNameFilterReadsTheTextIndexTheNameIsWarmedWithAPartOfARealNameFoundInFewEnoughToSort() {
        // 25,000 more instances: above the size from which pages come from the indexes
        graph.run("""
                MATCH (v1:Specification {uuid: $v1})
                UNWIND range(1, 25000) AS k
                CREATE (:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service', name: 'bulk-' + toString(k),
                        updatedAt: datetime({timezone: 'Etc/UTC'})})-[:SPECIFIED_BY]->(v1)
                """, java.util.Map.of("v1", DiffoLivebookCatalogue.V1));
        readSchema.prepare(Progress.NONE);
        String before = graph.fingerprint();

        // the last name by name is "bulk-9999": "bulk-9" is in 1,111 names ("bulk-9", "bulk-9x" … "bulk-9xxx"), "bulk-" in all
        // 25,000, more than a name filter sorts (the first name by name, the livebook's, is in too few)
        assertThat(readSchema.warmUp(Progress.NONE)).startsWith("table warmed: 13 reads in ").endsWith("; name filter warmed with \"bulk-9\"");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void anRspOperatorsWarmUpReadsItsOwnInstancesWithoutARefusal() {
        readSchema.prepare(Progress.NONE);
        access.set(Access.rspOperator(RESELLER_A));
        String before = graph.fingerprint();
        assertThat(readSchema.warmUp(Progress.NONE)).contains(": 12 reads in ");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void withoutTheReadIndexesNothingIsWarmedAndTheReasonIsSaid() {
        // an index missing (a viewer's connect creates none; dropped by hand): a read in its order would sort every instance
        // (the next test's preparation finds no schema version, the graph being wiped, and creates it again)
        readSchema.prepare(Progress.NONE);
        graph.run("DROP INDEX diffo_admin_instance_state_uuid");
        String before = graph.fingerprint();
        assertThat(readSchema.warmUp(Progress.NONE)).isEqualTo("instances table's reads not warmed: Read indexes: pages by state: no index yet");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }
}
