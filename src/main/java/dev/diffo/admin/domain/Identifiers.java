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

    /**
     * The longest name we accept. diffo's contract (diffo-graph.md: the name patterns of Specification and
     * Instance) states no maximum length; 255 characters is our own sane limit, far above any real name, so that a
     * pasted document is refused instead of stored (and echoed back in every message).
     */
    public static final int MAX_NAME_LENGTH = 255;

    private Identifiers() {
    }

    /** A name as it may appear in a message: one line, at most 40 characters. */
    public static String shown(String name) {
        if (name == null) {
            return "null";
        }
        String oneLine = name.replaceAll("\\p{Cntrl}", "⏎");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "… (" + name.length() + " characters)";
    }

    /** Empty, too long, or holding a control character (a newline, a tab…): refused before any pattern is tried. */
    private static void requireSaneName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException(what + " is empty", "Give a name.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(what + " " + shown(name) + " is too long",
                    "Use at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what + " '" + shown(name) + "' contains a line break or another control character",
                    "Names are one line: letters, digits and the few signs diffo allows.");
        }
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
        requireSaneName("Specification name", name);
        if (!SPECIFICATION_NAME.matcher(name).matches()) {
            throw new InvalidInputException("Specification name '" + shown(name) + "' is not valid",
                    "Use lowerCamelCase letters and digits, starting with a lower-case letter (e.g. broadband, broadbandBusiness).");
        }
    }

    public static void requireUuid4(String what, String value) {
        if (!isUuid4(value)) {
            throw new InvalidInputException(what + " '" + value + "' is not a UUID version 4",
                    "Use a lower-case UUID4 such as " + newUuid4() + ", or leave it empty to generate one.");
        }
    }

    /** diffo's pattern allows {@code \\s}, which includes line breaks: only the space is accepted here (control characters never). */
    public static void requireInstanceName(String name) {
        requireSaneName("Instance name", name);
        if (!INSTANCE_NAME.matcher(name).matches()) {
            throw new InvalidInputException("Instance name '" + shown(name) + "' is not valid",
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
