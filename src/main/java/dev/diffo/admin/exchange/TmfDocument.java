package dev.diffo.admin.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Dates;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.SemanticVersion;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A specification version as a TMF633 {@code ServiceSpecification} / TMF634 {@code ResourceSpecification}, both ways.
 *
 * <p>Written: diffo's {@code id}, {@code href}, {@code name}, {@code version} ({@code v1.1.0}), description, category,
 * {@code lifecycleStatus} from our status (see {@link #lifecycleStatus}), {@code lastUpdate} (diffo's
 * {@code updatedAt}) and one characteristic per allowed-values rule, in that order, keys always in the same order.
 * A field of a dynamic value is one characteristic named by its dotted path ({@code broadband.technology}): TMF's
 * {@code charSpecRelationship} would need a parent characteristic {@code broadband} of an object type with a value
 * schema, which diffo-admin does not know (diffo keeps it in its code), and partners read a flat list directly.
 *
 * <p>Read: a single specification or a list; v4, v5 and R18.5 field names ({@code serviceSpecCharacteristic[]},
 * {@code serviceSpecCharacteristicValue[]}); fields diffo-admin does not keep are listed (kept aside, not imported).
 */
public final class TmfDocument {

    /** Our own extension: why a specification has no characteristics. Read back and ignored. */
    public static final String NOTE = "diffoAdminNote";

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a float allowed value keeps its digits both ways (1.50 stays 1.50)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private static final Pattern VERSION = Pattern.compile("^[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?$");
    private static final Set<String> EXTENSIBLE = Set.of("@type", "@baseType", "@schemaLocation");
    private static final Set<String> SPEC_FIELDS = Set.of("id", "href", "name", "version", "description", "category", "lifecycleStatus",
            "lastUpdate", NOTE, "specCharacteristic", "serviceSpecCharacteristic", "resourceSpecCharacteristic");
    private static final List<String> CHARACTERISTIC_ARRAYS = List.of("specCharacteristic", "serviceSpecCharacteristic", "resourceSpecCharacteristic");
    private static final Set<String> CHARACTERISTIC_FIELDS = Set.of("name", "valueType", "configurable", "minCardinality", "maxCardinality",
            "characteristicValueSpecification", "serviceSpecCharacteristicValue", "resourceSpecCharacteristicValue");
    private static final List<String> VALUE_ARRAYS = List.of("characteristicValueSpecification", "serviceSpecCharacteristicValue", "resourceSpecCharacteristicValue");
    private static final Set<String> VALUE_FIELDS = Set.of("valueType", "value", "isDefault");

    private TmfDocument() {
    }

    /** A specification read from a document; {@code problem} says why it cannot be imported (then nothing of it is). */
    public record Incoming(String path, String id, String name, SpecificationType type, SemanticVersion version, boolean versionGiven,
                           String description, String category, String lifecycleStatus, List<CharacteristicRule> rules, String problem) {
        public Incoming {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        /** {@code broadband v1} as the document names it, or its path when it has no usable name. */
        public String label() {
            return name == null ? path : name + " v" + version.major();
        }
    }

    /** What a document holds: its specifications, and the fields diffo-admin does not keep (JSON paths). */
    public record Read(List<Incoming> specifications, List<String> keptAside) {
        public Read {
            specifications = List.copyOf(specifications);
            keptAside = List.copyOf(keptAside);
        }
    }

    /** Our status as TMF's lifecycleStatus: current → Active, frozen → Retired, withdrawn → Obsolete. */
    public static String lifecycleStatus(SpecificationStatus status) {
        return switch (status) {
            case CURRENT -> "Active";
            case FROZEN -> "Retired";
            case WITHDRAWN -> "Obsolete";
        };
    }

    /** TMF's lifecycleStatus as our status: Retired → frozen, Obsolete → withdrawn, anything else (Active, In design…) → current. */
    public static SpecificationStatus status(String lifecycleStatus) {
        if (lifecycleStatus == null) {
            return SpecificationStatus.CURRENT;
        }
        return switch (lifecycleStatus.strip().toLowerCase(Locale.ROOT)) {
            case "retired" -> SpecificationStatus.FROZEN;
            case "obsolete" -> SpecificationStatus.WITHDRAWN;
            default -> SpecificationStatus.CURRENT;
        };
    }

    /** One specification version as a TMF object, keys in a fixed order. */
    public static ObjectNode write(Specification spec, List<CharacteristicRule> rules, TmfVersion tmf) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("@type", spec.type() == SpecificationType.RESOURCE ? "ResourceSpecification" : "ServiceSpecification");
        node.put("id", spec.uuid());
        node.put("href", spec.href());
        node.put("name", spec.name());
        node.put("version", spec.version());
        if (spec.description() != null) {
            node.put("description", spec.description());
        }
        if (spec.category() != null) {
            node.put("category", spec.category());
        }
        node.put("lifecycleStatus", lifecycleStatus(spec.status()));
        if (spec.updatedAt() != null) {
            node.put("lastUpdate", Dates.iso(spec.updatedAt()));
        }
        if (rules.isEmpty()) {
            node.put(NOTE, "No allowed values are recorded for " + spec.name() + " " + spec.version() + " (diffo keeps them in its code), so it has no "
                    + tmf.characteristics(spec.type()) + ". Record them in diffo-admin (Record allowed values…, or spec rules), or import a TMF document that lists them.");
            return node;
        }
        ArrayNode characteristics = node.putArray(tmf.characteristics(spec.type()));
        for (CharacteristicRule rule : rules) {
            ObjectNode c = characteristics.addObject();
            if (tmf.typesEveryObject()) {
                c.put("@type", "CharacteristicSpecification");
            }
            c.put("name", rule.key());
            c.put("valueType", rule.valueType().stored());
            c.put("configurable", true);
            c.put("minCardinality", rule.required() ? 1 : 0);
            c.put("maxCardinality", 1);
            if (!rule.allowedValues().isEmpty()) {
                ArrayNode values = c.putArray(tmf.values(spec.type()));
                for (String value : rule.allowedValues()) {
                    ObjectNode v = values.addObject();
                    if (tmf.typesEveryObject()) {
                        v.put("@type", "CharacteristicValueSpecification");
                    }
                    v.put("valueType", rule.valueType().stored());
                    v.put("isDefault", false);
                    v.set("value", typed(rule.valueType(), value));
                }
            }
        }
        return node;
    }

    /** Pretty JSON text with a final newline. */
    public static String text(JsonNode document) {
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON text; text that is not JSON is refused with where it stops being JSON. */
    public static JsonNode parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new InvalidInputException("The document is empty", "Import a TMF633/TMF634 specification or a list of them. Nothing was written.");
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInputException("The document is not JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage(), "Fix the document and import it again. Nothing was written.");
        }
    }

    /**
     * The specifications of a document that {@link TmfSchema} found well-formed. A specification that cannot be a
     * diffo specification (a name diffo refuses, a version that is not a number) comes back with its problem.
     */
    public static Read read(JsonNode root) {
        List<Incoming> specs = new ArrayList<>();
        List<String> keptAside = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                specs.add(readSpecification(root.get(i), "$[" + i + "]", keptAside));
            }
        } else {
            specs.add(readSpecification(root, "$", keptAside));
        }
        return new Read(specs, keptAside);
    }

    private static Incoming readSpecification(JsonNode s, String path, List<String> keptAside) {
        unknown(s, path, SPEC_FIELDS, keptAside);
        String name = text(s, "name");
        String id = text(s, "id");
        SpecificationType type = type(s);
        String versionText = text(s, "version");
        SemanticVersion version = SemanticVersion.of(1, 0, 0);
        String problem = null;
        if (versionText != null) {
            Matcher m = VERSION.matcher(versionText.strip());
            if (m.matches()) {
                version = SemanticVersion.of(Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)),
                        m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
            } else {
                problem = path + ".version '" + versionText + "' is not a version diffo can hold (v1.1.0, 1.1 or 1)";
            }
        }
        List<CharacteristicRule> rules = new ArrayList<>();
        if (problem == null) {
            try {
                dev.diffo.admin.domain.Identifiers.requireSpecificationName(name);
            } catch (DiffoAdminException e) {
                problem = path + ".name: " + oneLine(e);
            }
        }
        for (String array : CHARACTERISTIC_ARRAYS) {
            JsonNode characteristics = s.get(array);
            if (characteristics == null || !characteristics.isArray()) {
                continue;
            }
            for (int i = 0; i < characteristics.size(); i++) {
                String at = path + "." + array + "[" + i + "]";
                try {
                    rules.add(readCharacteristic(characteristics.get(i), at, keptAside));
                } catch (DiffoAdminException e) {
                    problem = problem != null ? problem : at + ": " + oneLine(e);
                }
            }
        }
        return new Incoming(path, id, name, type, version, versionText != null, text(s, "description"), text(s, "category"),
                text(s, "lifecycleStatus"), rules, problem);
    }

    private static CharacteristicRule readCharacteristic(JsonNode c, String path, List<String> keptAside) {
        unknown(c, path, CHARACTERISTIC_FIELDS, keptAside);
        String name = text(c, "name").strip();
        int dot = name.indexOf('.');
        String characteristic = dot < 0 ? name : name.substring(0, dot);
        String field = dot < 0 ? null : name.substring(dot + 1);
        List<String> values = new ArrayList<>();
        String valueType = text(c, "valueType");
        for (String array : VALUE_ARRAYS) {
            JsonNode list = c.get(array);
            if (list == null || !list.isArray()) {
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode v = list.get(i);
                unknown(v, path + "." + array + "[" + i + "]", VALUE_FIELDS, keptAside);
                JsonNode value = v.get("value");
                if (value != null && !value.isNull()) {
                    values.add(value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText());
                }
                if (valueType == null) {
                    valueType = text(v, "valueType");
                }
            }
        }
        JsonNode min = c.get("minCardinality");
        return new CharacteristicRule(characteristic, field, valueType(valueType, path), values, min != null && min.asInt(0) >= 1);
    }

    private static CharacteristicRule.ValueType valueType(String tmf, String path) {
        if (tmf == null) {
            return CharacteristicRule.ValueType.STRING;
        }
        return switch (tmf.strip().toLowerCase(Locale.ROOT)) {
            case "string", "text" -> CharacteristicRule.ValueType.STRING;
            case "integer", "int", "long" -> CharacteristicRule.ValueType.INTEGER;
            case "float", "number", "decimal", "double" -> CharacteristicRule.ValueType.FLOAT;
            case "boolean", "bool" -> CharacteristicRule.ValueType.BOOLEAN;
            default -> throw new InvalidInputException("valueType '" + tmf + "' is not one diffo holds", "Use string, integer, float (number) or boolean.");
        };
    }

    private static SpecificationType type(JsonNode s) {
        String type = text(s, "@type");
        String href = text(s, "href");
        if ("ResourceSpecification".equalsIgnoreCase(type == null ? "" : type) || (href != null && href.contains("resourceSpecification"))
                || s.has("resourceSpecCharacteristic")) {
            return SpecificationType.RESOURCE;
        }
        return SpecificationType.SERVICE;
    }

    private static void unknown(JsonNode node, String path, Set<String> known, List<String> keptAside) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!known.contains(field.getKey()) && !EXTENSIBLE.contains(field.getKey())) {
                keptAside.add(path + "." + field.getKey());
            }
        }
    }

    private static JsonNode typed(CharacteristicRule.ValueType type, String value) {
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        try {
            return switch (type) {
                case INTEGER -> f.numberNode(Long.parseLong(value));
                case FLOAT -> f.numberNode(new BigDecimal(value));
                case BOOLEAN -> value.equals("true") || value.equals("false") ? f.booleanNode(Boolean.parseBoolean(value)) : f.textNode(value);
                case STRING -> f.textNode(value);
            };
        } catch (NumberFormatException e) {
            return f.textNode(value);
        }
    }

    /** What is wrong and what to do, on one line (a row of the preview). */
    static String oneLine(DiffoAdminException e) {
        return e.getMessage() + (e.hint() == null || e.hint().isBlank() ? "" : ". " + e.hint());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
