package dev.diffo.admin.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.domain.Relabel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.neo4j.driver.Value;

/**
 * What a batch keeps in its ledger node ({@code :MigrationBatch}), as canonical JSON strings written and read here
 * only: per moved instance its exact prior state ({@code entriesGzip}, see {@link #pack}; {@code entries} in batches
 * written before it), and per instance left on the source the reason ({@code left}). The undo, the CSV and the verify
 * step read back exactly what the batch wrote.
 */
final class LedgerCodec {

    private LedgerCodec() {
    }

    /** A characteristic's value before the batch rewrote it (timestamps as ISO strings, as stored in the JSON). */
    record PriorValue(String id, String value, String updatedAt, String name, String to) {
        /** A prior value as runs recorded before the characteristic's name and new value were kept. */
        PriorValue(String id, String value, String updatedAt) {
            this(id, value, updatedAt, null, null);
        }
    }

    /**
     * One moved instance before the batch: its element id, uuid and {@code updatedAt}, the values the batch rewrote,
     * and the relabel done to it ({@code null} when its labels were kept).
     */
    record Entry(String id, String uuid, String updatedAt, List<PriorValue> chars, Relabel relabel, String name) {
        Entry {
            chars = List.copyOf(chars);
        }

        /** An entry as runs recorded it before the instance's name was kept. */
        Entry(String id, String uuid, String updatedAt, List<PriorValue> chars, Relabel relabel) {
            this(id, uuid, updatedAt, chars, relabel, null);
        }

        Entry relabelled(Relabel done) {
            return new Entry(id, uuid, updatedAt, chars, done, name);
        }
    }

    /**
     * {@code {"chars":[{"id":…,"name":…,"to":…,"updatedAt":…,"value":…}],"id":…,"name":…,"relabel":{"add":[…],"remove":[…]},"updatedAt":…,"uuid":…}}
     * ({@code name} and {@code to}, the characteristic's new value, are absent in entries written before they were kept):
     * canonical JSON (keys sorted, null-valued keys dropped, compact), written directly, a batch writes one per moved
     * instance; the same bytes as {@link CanonicalJson} writes (text with a control character goes through it).
     */
    static String write(Entry entry) {
        if (!plain(entry)) {
            return canonical(entry);
        }
        StringBuilder json = new StringBuilder(160 + 96 * entry.chars().size()).append("{\"chars\":[");
        for (int k = 0; k < entry.chars().size(); k++) {
            PriorValue c = entry.chars().get(k);
            json.append(k == 0 ? "{" : ",{");
            boolean first = field(json, true, "id", c.id());
            first = field(json, first, "name", c.name());
            first = field(json, first, "to", c.to());
            first = field(json, first, "updatedAt", c.updatedAt());
            field(json, first, "value", c.value());
            json.append('}');
        }
        json.append(']');
        field(json, false, "id", entry.id());
        field(json, false, "name", entry.name());
        if (entry.relabel() != null) {
            json.append(",\"relabel\":{\"add\":");
            array(json, entry.relabel().add());
            json.append(",\"remove\":");
            array(json, entry.relabel().remove());
            json.append('}');
        }
        field(json, false, "updatedAt", entry.updatedAt());
        field(json, false, "uuid", entry.uuid());
        return json.append('}').toString();
    }

    /** Whether every text of the entry needs no escape but of {@code "} and {@code \\} (no control character). */
    private static boolean plain(Entry entry) {
        boolean plain = plain(entry.id()) && plain(entry.uuid()) && plain(entry.updatedAt()) && plain(entry.name());
        for (PriorValue c : entry.chars()) {
            plain &= plain(c.id()) && plain(c.value()) && plain(c.updatedAt()) && plain(c.name()) && plain(c.to());
        }
        if (entry.relabel() != null) {
            plain &= entry.relabel().add().stream().allMatch(LedgerCodec::plain) && entry.relabel().remove().stream().allMatch(LedgerCodec::plain);
        }
        return plain;
    }

    private static boolean plain(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20) {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code ,"name":"text"} (no comma when {@code first}); a null text is left out. Returns whether nothing was written yet. */
    private static boolean field(StringBuilder json, boolean first, String name, String text) {
        if (text == null) {
            return first;
        }
        json.append(first ? "\"" : ",\"").append(name).append("\":");
        quoted(json, text);
        return false;
    }

    private static void array(StringBuilder json, List<String> texts) {
        json.append('[');
        for (int k = 0; k < texts.size(); k++) {
            if (k > 0) {
                json.append(',');
            }
            quoted(json, texts.get(k));
        }
        json.append(']');
    }

    private static void quoted(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\\') {
                json.append('\\');
            }
            json.append(ch);
        }
        json.append('"');
    }

    /** The entry through {@link CanonicalJson}: the reference the direct writer above matches. */
    static String canonical(Entry entry) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", entry.id()).put("uuid", entry.uuid()).put("updatedAt", entry.updatedAt()).put("name", entry.name());
        ArrayNode chars = o.putArray("chars");
        entry.chars().forEach(c -> chars.addObject().put("id", c.id()).put("value", c.value()).put("updatedAt", c.updatedAt())
                .put("name", c.name()).put("to", c.to()));
        if (entry.relabel() != null) {
            ObjectNode labels = o.putObject("relabel");
            entry.relabel().remove().forEach(labels.putArray("remove")::add);
            entry.relabel().add().forEach(labels.putArray("add")::add);
        }
        return CanonicalJson.write(o);
    }

    static Entry read(String json) {
        JsonNode o = CanonicalJson.read(json);
        List<PriorValue> chars = new ArrayList<>();
        o.path("chars").forEach(c -> chars.add(new PriorValue(text(c, "id"), text(c, "value"), text(c, "updatedAt"), text(c, "name"),
                text(c, "to"))));
        JsonNode labels = o.path("relabel");
        Relabel relabel = labels.isObject() ? new Relabel(strings(labels.path("remove")), strings(labels.path("add"))) : null;
        return new Entry(text(o, "id"), text(o, "uuid"), text(o, "updatedAt"), chars, relabel, text(o, "name"));
    }

    /**
     * A batch's entries as its ledger node keeps them ({@code entriesGzip}): one entry a line in UTF-8 (canonical JSON
     * escapes every control character, so no entry holds a line break), gzip-compressed at level 3. Measured on a
     * batch of 10,000 entries in the benchmark's shape: 2.7 MB of text become 0.37 MB in 14 ms; the store writes (and
     * logs) a seventh of the bytes a list of texts cost it. Any gzip tool reads it back.
     */
    static byte[] pack(List<String> entries) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream(64 + 40 * entries.size());
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed, 1 << 16) {
            {
                def.setLevel(3);
            }
        }) {
            for (int k = 0; k < entries.size(); k++) {
                if (k > 0) {
                    gzip.write('\n');
                }
                gzip.write(entries.get(k).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packed.toByteArray();
    }

    /** The entries {@link #pack} packed. */
    static List<String> unpack(byte[] packed) {
        try (GZIPInputStream gzip = new GZIPInputStream(new java.io.ByteArrayInputStream(packed), 1 << 16)) {
            String text = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("A batch's ledger entries could not be read back: " + e.getMessage(), e);
        }
    }

    /** A ledger node's entries: {@code packed} ({@code entriesGzip}) when it has them, else its list of texts ({@code entries}, before). */
    static List<String> entries(Value plain, Value packed) {
        if (packed != null && !packed.isNull()) {
            return unpack(packed.asByteArray());
        }
        return plain == null || plain.isNull() ? List.of() : plain.asList(Value::asString);
    }

    /** {@code {"name":…,"outcome":…,"reason":…,"uuid":…}} (a skipped instance that no longer exists has no uuid nor name). */
    static String write(MigrationRepository.Left left) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("uuid", left.uuid()).put("name", left.name()).put("outcome", left.outcome()).put("reason", left.reason());
        return CanonicalJson.write(o);
    }

    static MigrationRepository.Left readLeft(String json) {
        JsonNode o = CanonicalJson.read(json);
        return new MigrationRepository.Left(text(o, "uuid"), text(o, "name"), text(o, "outcome"), text(o, "reason"));
    }

    /** A field's text, or null when it is absent (canonical JSON drops null-valued keys). */
    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
