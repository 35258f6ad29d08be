package dev.diffo.admin.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * diffo's characteristic JSON as fields and values, the way a person reads them: a dynamic value
 * {@code {"type":"dynamic","value":{"type":"Elixir.…","value":{"technology":"fttb"}}}} is {@code technology: fttb}, a
 * primitive {@code {"type":"integer","value":{"integer":100,"type":"integer"}}} is {@code speed: 100} (named by its
 * characteristic). Nested objects give dotted names ({@code speed.down}), arrays indexed ones ({@code tags[0]}),
 * numbers keep their literal text, a JSON null reads {@code null}. Parsing is tolerant: text that is not JSON is one
 * field holding that text. Pure, JDK only (its own small JSON reader).
 */
public final class CharacteristicFields {

    private CharacteristicFields() {
    }

    /** One field of a value: its dotted name and its value as text. */
    public record Field(String name, String value) {
        public String text() {
            return name + ": " + value;
        }
    }

    /** One field that differs between two values; {@code before} or {@code after} is null where the field is absent. */
    public record Change(String field, String before, String after) {
        /** {@code technology: fttb → fttn}; an absent side reads {@code (none)}. */
        public String text() {
            return field + ": " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after);
        }
    }

    /** The fields of a characteristic's stored value, in the value's order; a primitive is named by {@code characteristic}. */
    public static List<Field> flatten(String characteristic, String json) {
        String name = characteristic == null ? "value" : characteristic;
        if (json == null) {
            return List.of();
        }
        Object root;
        try {
            root = new Reader(json).document();
        } catch (IllegalArgumentException e) {
            return List.of(new Field(name, json));
        }
        List<Field> fields = new ArrayList<>();
        Object inner = unwrap(root);
        if (inner instanceof Primitive p) {
            fields.add(new Field(name, text(p.value())));
        } else if (inner instanceof Map<?, ?> || inner instanceof List<?>) {
            walk("", inner, fields);
            if (fields.isEmpty()) {
                fields.add(new Field(name, text(inner)));
            }
        } else {
            fields.add(new Field(name, text(inner)));
        }
        return List.copyOf(fields);
    }

    /** {@code technology: fttb, speed: 100}: the fields of a value in one line. */
    public static String text(String characteristic, String json) {
        return String.join(", ", flatten(characteristic, json).stream().map(Field::text).toList());
    }

    /** The fields that differ from {@code beforeJson} to {@code afterJson}, in the before value's order, then new fields. */
    public static List<Change> diff(String characteristic, String beforeJson, String afterJson) {
        Map<String, String> before = asMap(flatten(characteristic, beforeJson));
        Map<String, String> after = asMap(flatten(characteristic, afterJson));
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String n : names) {
            if (!Objects.equals(before.get(n), after.get(n))) {
                changes.add(new Change(n, before.get(n), after.get(n)));
            }
        }
        return List.copyOf(changes);
    }

    private static Map<String, String> asMap(List<Field> fields) {
        Map<String, String> map = new LinkedHashMap<>();
        fields.forEach(f -> map.put(f.name(), f.value()));
        return map;
    }

    private record Primitive(Object value) {
    }

    /** diffo's envelopes taken off: a dynamic value's fields, a primitive's one value, or the JSON as it is. */
    private static Object unwrap(Object root) {
        if (!(root instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)) {
            return root;
        }
        Object value = map.get("value");
        if ("dynamic".equals(type)) {
            // {"type":"dynamic","value":{"type":"Elixir.…","value":{…}}} or, tolerated, {"type":"dynamic","value":{…}}
            if (value instanceof Map<?, ?> typed && typed.get("type") instanceof String && typed.containsKey("value")) {
                return typed.get("value");
            }
            return value == null ? Map.of() : value;
        }
        if (value instanceof Map<?, ?> holder && holder.containsKey(type)) {
            return new Primitive(holder.get(type));
        }
        return value == null && !map.containsKey("value") ? root : value == null ? new Primitive(null) : new Primitive(value);
    }

    private static void walk(String prefix, Object node, List<Field> into) {
        if (node instanceof Map<?, ?> map) {
            if (map.isEmpty() && !prefix.isEmpty()) {
                into.add(new Field(prefix, "{}"));
            }
            map.forEach((k, v) -> walk(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, into));
        } else if (node instanceof List<?> list) {
            if (list.isEmpty() && !prefix.isEmpty()) {
                into.add(new Field(prefix, "[]"));
            }
            for (int i = 0; i < list.size(); i++) {
                walk(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.add(new Field(prefix.isEmpty() ? "value" : prefix, text(node)));
        }
    }

    private static String text(Object node) {
        if (node == null) {
            return "null";
        }
        if (node instanceof Number n) {
            return n.toString();
        }
        if (node instanceof Literal l) {
            return l.text();
        }
        if (node instanceof Map<?, ?> || node instanceof List<?>) {
            return write(node);
        }
        return node.toString();
    }

    private static String write(Object node) {
        if (node instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(quote(k.toString()) + ":" + write(v)));
            return "{" + String.join(",", parts) + "}";
        }
        if (node instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(CharacteristicFields::write).toList()) + "]";
        }
        if (node instanceof String s) {
            return quote(s);
        }
        return text(node);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A number or boolean as written in the JSON (so {@code 100} stays {@code 100} and {@code 1.50} stays {@code 1.50}). */
    private record Literal(String text) {
    }

    /** A small, strict JSON reader: objects keep their key order, numbers and booleans their literal text. */
    private static final class Reader {
        private final String s;
        private int at;

        Reader(String s) {
            this.s = s;
        }

        Object document() {
            Object value = value();
            space();
            if (at != s.length()) {
                throw fail("trailing text");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= s.length()) {
                throw fail("end of text");
            }
            char c = s.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 'n' -> word("null", null);
                case 't' -> word("true", new Literal("true"));
                case 'f' -> word("false", new Literal("false"));
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw fail("a key");
                }
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw fail("',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw fail("',' or ']'");
                }
            }
        }

        private String string() {
            at++;
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            if (at + 4 > s.length()) {
                                throw fail("four hex digits");
                            }
                            out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private Object word(String word, Object value) {
            if (!s.startsWith(word, at)) {
                throw fail(word);
            }
            at += word.length();
            return value;
        }

        private Literal number() {
            int start = at;
            while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw fail("a value");
            }
            return new Literal(s.substring(start, at));
        }

        private void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            return at < s.length() ? s.charAt(at) : 0;
        }

        private char next() {
            if (at >= s.length()) {
                throw fail("more text");
            }
            return s.charAt(at++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw fail("'" + c + "'");
            }
        }

        private IllegalArgumentException fail(String expected) {
            return new IllegalArgumentException("not JSON: " + expected + " expected at " + at);
        }
    }
}
