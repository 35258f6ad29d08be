package dev.diffo.admin.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** diffo's validation rules for names and ids, in one place. */
public final class Identifiers {

    /** {@code Specification.name}: lowerCamel, letters and digits only. */
    public static final Pattern SPECIFICATION_NAME = Pattern.compile("^[a-z][a-zA-Z0-9]*$");
    /** {@code Instance.name}. */
    public static final Pattern INSTANCE_NAME = Pattern.compile("^[a-zA-Z0-9\\s._-]+$");
    /** ash_neo4j's rule for labels. */
    public static final Pattern LABEL = Pattern.compile("^[A-Z][a-zA-Z0-9]*$");
    private static final Pattern UUID4 = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

    private Identifiers() {
    }

    public static boolean isUuid4(String value) {
        return value != null && UUID4.matcher(value).matches();
    }

    /** A fresh lower-case UUID version 4, the form diffo generates and validates. */
    public static String newUuid4() {
        return UUID.randomUUID().toString();
    }

    public static boolean isSpecificationName(String name) {
        return name != null && SPECIFICATION_NAME.matcher(name).matches();
    }

    public static void requireSpecificationName(String name) {
        if (name == null || !SPECIFICATION_NAME.matcher(name).matches()) {
            throw new InvalidInputException("Specification name '" + name + "' is not valid",
                    "Use lowerCamelCase letters and digits, starting with a lower-case letter (e.g. broadband, broadbandBusiness).");
        }
    }

    public static void requireUuid4(String what, String value) {
        if (!isUuid4(value)) {
            throw new InvalidInputException(what + " '" + value + "' is not a UUID version 4",
                    "Use a lower-case UUID4 such as " + newUuid4() + ", or leave it empty to generate one.");
        }
    }

    public static void requireInstanceName(String name) {
        if (name == null || !INSTANCE_NAME.matcher(name).matches()) {
            throw new InvalidInputException("Instance name '" + name + "' is not valid",
                    "Use letters, digits, spaces, dots, underscores and hyphens only.");
        }
    }

    public static void requireLabel(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new InvalidInputException("Label '" + label + "' is not valid",
                    "Labels are PascalCase letters and digits (e.g. Broadband).");
        }
    }
}
