package dev.diffo.admin.repository;

import dev.diffo.admin.domain.ReadIndex;
import dev.diffo.admin.domain.Recount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read indexes and kept counts in memory: which specifications hold how many instances, which are counted, what was applied. */
public class FakeReadSchemaRepository implements ReadSchemaRepository {

    public boolean catalogue = true;
    public boolean mayWrite = true;
    public int schemaApplied;
    public final Map<String, Long> instancesBySpec = new LinkedHashMap<>();
    public final Map<String, String> countedBy = new LinkedHashMap<>();

    @Override
    public boolean isCatalogue() {
        return catalogue;
    }

    @Override
    public void applySchema() {
        if (!mayWrite) {
            throw new dev.diffo.admin.domain.DiffoAdminException("user 'reader' may not write to this database", "Connect as a user who may.");
        }
        schemaApplied++;
    }

    @Override
    public List<ReadIndex> readIndexes() {
        List<ReadIndex> indexes = new ArrayList<>();
        Neo4jReadSchemaRepository.READ_INDEXES.forEach((name, serves) -> indexes.add(new ReadIndex(name, serves, schemaApplied > 0 ? "ONLINE" : "MISSING",
                schemaApplied > 0 ? 100 : 0)));
        return indexes;
    }

    @Override
    public List<String> specificationsWithoutKeptCounts() {
        return instancesBySpec.keySet().stream().filter(s -> !countedBy.containsKey(s)).toList();
    }

    @Override
    public List<String> specificationsWithInstances() {
        return List.copyOf(instancesBySpec.keySet());
    }

    @Override
    public Recount recount(String specificationUuid, String rspRole) {
        countedBy.put(specificationUuid, rspRole);
        return new Recount(specificationUuid, instancesBySpec.getOrDefault(specificationUuid, 0L), 1, 0);
    }
}
