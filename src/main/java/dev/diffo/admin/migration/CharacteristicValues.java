package dev.diffo.admin.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.common.CanonicalJson;
import java.util.Optional;

/**
 * Reads and rewrites one field of a characteristic value in diffo's JSON: a dynamic value
 * {@code {"type":"dynamic","value":{"type":"Elixir.…","value":{"technology":"fttb"}}}} (field = technology),
 * or a primitive {@code {"type":"string","value":{"string":"managed","type":"string"}}} (field = null).
 * Parsing is tolerant; writing keeps diffo's canonical form (keys sorted, no nulls).
 */
final class CharacteristicValues {
    private CharacteristicValues() {
    }

    static Optional<String> read(String json, String field) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = CanonicalJson.read(json);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        JsonNode holder = holder(root, field);
        JsonNode value = field == null ? holder.path(holder.path("type").asText("")) : holder.path(field);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static String write(String json, String field, String newValue) {
        JsonNode root = CanonicalJson.read(json);
        JsonNode holder = holder(root, field);
        if (!(holder instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no " + (field == null ? "primitive value" : "field " + field) + " in " + json);
        }
        object.put(field == null ? object.path("type").asText("string") : field, newValue);
        return CanonicalJson.write(root);
    }

    private static JsonNode holder(JsonNode root, String field) {
        if ("dynamic".equals(root.path("type").asText()) || field != null) {
            return root.path("value").path("value");
        }
        return root.path("value");
    }
}
