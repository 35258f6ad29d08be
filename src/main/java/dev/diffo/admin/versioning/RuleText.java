package dev.diffo.admin.versioning;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editable text form of what a version allows, one characteristic per line:
 * {@code broadband.technology: string = fttc, fttb, fttn, fttp} or {@code speed: integer required}.
 */
public final class RuleText {

    private static final Pattern LINE = Pattern.compile(
            "^\\s*([a-z][a-zA-Z0-9_]*)(?:\\.([a-z][a-zA-Z0-9_]*))?\\s*:\\s*([a-zA-Z]+)\\s*(required)?\\s*(?:=\\s*(.*?))?\\s*(required)?\\s*$");

    private RuleText() {
    }

    public static String format(List<CharacteristicRule> rules) {
        StringBuilder text = new StringBuilder();
        for (CharacteristicRule r : rules) {
            text.append(r.key()).append(": ").append(r.valueType().stored());
            if (!r.allowedValues().isEmpty()) {
                text.append(" = ").append(String.join(", ", r.allowedValues()));
            }
            if (r.required()) {
                text.append(" required");
            }
            text.append('\n');
        }
        return text.toString();
    }

    public static List<CharacteristicRule> parse(String text) {
        List<CharacteristicRule> rules = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new InvalidInputException("Line " + (i + 1) + " is not a characteristic rule: " + line.strip(),
                        "Write one per line, e.g. broadband.technology: string = fttc, fttn  or  speed: integer required");
            }
            ValueType type;
            try {
                type = ValueType.valueOf(m.group(3).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Line " + (i + 1) + ": unknown type '" + m.group(3) + "'", "Use string, integer, float or boolean.");
            }
            List<String> values = m.group(5) == null || m.group(5).isBlank() ? List.of()
                    : Arrays.stream(m.group(5).split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
            rules.add(new CharacteristicRule(m.group(1), m.group(2), type, values, m.group(4) != null || m.group(6) != null));
        }
        return rules;
    }
}
