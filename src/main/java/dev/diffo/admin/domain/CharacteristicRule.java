package dev.diffo.admin.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a specification version allows for one characteristic value: diffo keeps this in Elixir code, so
 * diffo-admin records it itself. {@code field} is the key inside a dynamic value (e.g. {@code technology}
 * inside {@code broadband}); null for a primitive characteristic. An empty {@code allowedValues} means
 * any value of the type.
 */
public record CharacteristicRule(String characteristic, String field, ValueType valueType, List<String> allowedValues, boolean required) {

    private static final Pattern ATOM = Pattern.compile("^[a-z][a-zA-Z0-9_]*$");

    /** The value types diffo's primitive and dynamic values carry. */
    public enum ValueType {
        STRING, INTEGER, FLOAT, BOOLEAN;

        public String stored() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static ValueType fromStored(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public CharacteristicRule {
        if (characteristic == null || !ATOM.matcher(characteristic).matches()) {
            throw new InvalidInputException("Characteristic name '" + characteristic + "' is not valid",
                    "Use a lower-case atom name such as broadband.");
        }
        if (field != null && !ATOM.matcher(field).matches()) {
            throw new InvalidInputException("Field name '" + field + "' of " + characteristic + " is not valid",
                    "Use a lower-case atom name such as technology.");
        }
        if (valueType == null) {
            throw new InvalidInputException("Characteristic " + characteristic + " has no value type", "Choose string, integer, float or boolean.");
        }
        allowedValues = allowedValues == null ? List.of() : allowedValues.stream().map(String::strip).distinct().toList();
        if (allowedValues.stream().anyMatch(String::isEmpty)) {
            throw new InvalidInputException("An allowed value of " + characteristic + " is empty", "Remove the empty value.");
        }
    }

    /** {@code broadband.technology}, or {@code speed} for a primitive characteristic. */
    public String key() {
        return field == null ? characteristic : characteristic + "." + field;
    }

    public boolean allows(String value) {
        return allowedValues.isEmpty() || allowedValues.contains(value);
    }

    public CharacteristicRule withAllowedValues(List<String> values) {
        return new CharacteristicRule(characteristic, field, valueType, values, required);
    }

    /** {@code broadband.technology ∈ {fttc, fttb}} or {@code speed: integer (any)}. */
    public String describe() {
        return key() + (allowedValues.isEmpty() ? ": " + valueType.stored() + " (any)" : " ∈ {" + String.join(", ", allowedValues) + "}")
                + (required ? ", required" : "");
    }
}
