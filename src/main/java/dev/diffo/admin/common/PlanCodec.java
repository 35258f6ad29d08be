package dev.diffo.admin.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The plan a run was started with, as the ledger keeps it on the run node: its remedies as canonical JSON,
 * written and read here only, so a resumed run or its undo goes on with exactly the plan that was started.
 */
public final class PlanCodec {

    private PlanCodec() {
    }

    /** {@code {"broadband.technology":{"fttb":"fttn"}}}. */
    public static String mappingJson(MigrationPlan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        plan.mapping().forEach((key, values) -> {
            ObjectNode m = root.putObject(key);
            values.forEach(m::put);
        });
        return CanonicalJson.write(root);
    }

    /** {@code {"<uuid>":{"exclude":true}}} or {@code {"<uuid>":{"values":{"broadband.technology":"fttc"}}}}. */
    public static String perInstanceJson(MigrationPlan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        plan.perInstance().forEach((uuid, remedy) -> {
            ObjectNode r = root.putObject(uuid);
            if (remedy.exclude()) {
                r.put("exclude", true);
            } else {
                ObjectNode values = r.putObject("values");
                remedy.values().forEach(values::put);
            }
        });
        return CanonicalJson.write(root);
    }

    /** The plan the run was started with (exclusions by value are not kept: those instances stayed, and are left again). */
    public static MigrationPlan planOf(MigrationRun run) {
        Map<String, Map<String, String>> mapping = new HashMap<>();
        if (run.mapping() != null) {
            JsonNode root = CanonicalJson.read(run.mapping());
            root.fieldNames().forEachRemaining(key -> {
                Map<String, String> values = new HashMap<>();
                root.get(key).fieldNames().forEachRemaining(from -> values.put(from, root.get(key).get(from).asText()));
                mapping.put(key, values);
            });
        }
        Map<String, MigrationPlan.InstanceRemedy> perInstance = new HashMap<>();
        if (run.perInstance() != null) {
            JsonNode root = CanonicalJson.read(run.perInstance());
            root.fieldNames().forEachRemaining(uuid -> {
                JsonNode r = root.get(uuid);
                Map<String, String> values = new HashMap<>();
                r.path("values").fieldNames().forEachRemaining(key -> values.put(key, r.path("values").get(key).asText()));
                perInstance.put(uuid, new MigrationPlan.InstanceRemedy(r.path("exclude").asBoolean(false), values));
            });
        }
        return new MigrationPlan(run.rsp(), run.sourceUuid(), run.targetUuid(), mapping, Set.of(), run.batchSize(), perInstance, run.nameFilter(),
                run.relabel());
    }
}
