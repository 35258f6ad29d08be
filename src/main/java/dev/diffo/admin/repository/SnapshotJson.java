package dev.diffo.admin.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationStatus;
import java.util.ArrayList;
import java.util.List;

/** History snapshots are stored as JSON strings on our own event nodes. */
final class SnapshotJson {
    private SnapshotJson() {
    }

    static String write(SpecificationSnapshot snapshot) {
        if (snapshot == null) {
            return null;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", snapshot.version()).put("description", snapshot.description()).put("category", snapshot.category())
                .put("status", snapshot.status().stored());
        ArrayNode rules = root.putArray("rules");
        snapshot.rules().forEach(r -> {
            ObjectNode rule = rules.addObject().put("characteristic", r.characteristic()).put("field", r.field())
                    .put("valueType", r.valueType().stored()).put("required", r.required());
            ArrayNode values = rule.putArray("allowedValues");
            r.allowedValues().forEach(values::add);
        });
        return CanonicalJson.write(root);
    }

    static SpecificationSnapshot read(String json) {
        if (json == null) {
            return null;
        }
        JsonNode root = CanonicalJson.read(json);
        List<CharacteristicRule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            List<String> values = new ArrayList<>();
            r.path("allowedValues").forEach(v -> values.add(v.asText()));
            rules.add(new CharacteristicRule(r.path("characteristic").asText(), r.hasNonNull("field") ? r.get("field").asText() : null,
                    CharacteristicRule.ValueType.fromStored(r.path("valueType").asText("string")), values, r.path("required").asBoolean(false)));
        }
        return new SpecificationSnapshot(root.path("version").asText(null), root.path("description").asText(null),
                root.path("category").asText(null), SpecificationStatus.fromStored(root.path("status").asText(null)), rules);
    }
}
