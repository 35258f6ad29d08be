package dev.diffo.admin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.ReadIndex;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ReadSchemaService#createIndexes}: what the migration benchmark builds and waits for before it times anything
 * (the read indexes), and nothing more: no instance is counted.
 */
@ExtendWith(Neo4jExtension.class)
class ReadIndexesOnlyIT {

    @Test
    void createsTheReadIndexesAndCountsNothing(TestGraph graph, ReadSchemaService readSchema) {
        DiffoLivebookCatalogue.write(graph);
        graph.run("DROP INDEX diffo_admin_instance_name_text IF EXISTS");
        assertThat(readSchema.indexes()).extracting(ReadIndex::state).contains("MISSING");

        readSchema.createIndexes();

        assertThat(readSchema.indexes()).extracting(ReadIndex::state).doesNotContain("MISSING");
        assertThat(graph.count("MATCH (n) WHERE n:InstanceCountSet OR n:InstanceCount RETURN count(n)")).isZero();
    }
}
