package dev.diffo.admin.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.common.CanonicalJson;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and rewrites one field of a characteristic value in diffo's JSON: a dynamic value
 * {@code {"type":"dynamic","value":{"type":"Elixir.…","value":{"technology":"fttb"}}}} (field = technology),
 * or a primitive {@code {"type":"string","value":{"string":"managed","type":"string"}}} (field = null).
 * Parsing is tolerant; writing keeps diffo's canonical form (keys sorted, no nulls). Both are pure, and a migration
 * meets the same few stored values on every instance (a million instances, a handful of technologies): the answers
 * are kept, at most {@value #REMEMBERED} of each, so each distinct value is parsed once rather than once per instance.
 */
final class CharacteristicValues {

    /** How many answers of each kind are kept; past that the memory starts again (a field with a value per instance). */
    static final int REMEMBERED = 4_096;

    private record Read(String json, String field) {
    }

    private record Write(String json, String field, String newValue) {
    }

    private static final Map<Read, Optional<String>> READS = new ConcurrentHashMap<>();
    private static final Map<Write, String> WRITES = new ConcurrentHashMap<>();

    private CharacteristicValues() {
    }

    static Optional<String> read(String json, String field) {
        if (json == null) {
            return Optional.empty();
        }
        return remembered(READS, new Read(json, field), key -> parse(json, field));
    }

    static String write(String json, String field, String newValue) {
        return remembered(WRITES, new Write(json, field, newValue), key -> rewrite(json, field, newValue));
    }

    private static <K, V> V remembered(Map<K, V> memory, K key, java.util.function.Function<K, V> work) {
        V known = memory.get(key);
        if (known != null) {
            return known;
        }
        V value = work.apply(key);
        if (memory.size() >= REMEMBERED) {
            memory.clear();
        }
        memory.put(key, value);
        return value;
    }

    private static Optional<String> parse(String json, String field) {
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

    private static String rewrite(String json, String field, String newValue) {
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
