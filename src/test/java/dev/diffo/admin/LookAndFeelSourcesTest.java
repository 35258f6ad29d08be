package dev.diffo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.IkonHandler;
import java.util.ServiceLoader;

/**
 * Colours have names (S9): no feature stylesheet and no Java source holds a literal colour, every one is a looked-up
 * colour of app/theme.css (which derives them from the AtlantaFX theme); and every icon an FXML names exists.
 */
class LookAndFeelSourcesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path SOURCES = Path.of("src/main/java");
    static final Path THEME = RESOURCES.resolve("dev/diffo/admin/app/theme.css");

    static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{3,8}\\b");
    static final Pattern FUNCTION = Pattern.compile("\\b(rgb|rgba|hsb|hsba)\\s*\\(", Pattern.CASE_INSENSITIVE);
    static final Pattern WORD = Pattern.compile("(?<![-\\w])[a-zA-Z]+(?![-\\w(])");
    static final Pattern JAVA_COLOUR = Pattern.compile("\\bColor\\s*\\.\\s*(web|rgb|hsb|color|gray|grayRgb|[A-Z][A-Z_]+)\\b|\\.setStyle\\s*\\(");
    static final Pattern ICON = Pattern.compile("iconLiteral=\"([^\"]+)\"|\"(mdi2[a-z0-9]-[a-z0-9-]+)\"");

    /** The literal colours in one line of CSS: hex, rgb()/hsb() functions and named colours (transparent is no colour). */
    static List<String> cssColours(String line) {
        List<String> found = new ArrayList<>();
        String code = line.replaceAll("/\\*.*?\\*/", "");
        if (code.contains("{")) {
            code = code.substring(code.indexOf('{') + 1); // the declarations of a one-line rule, not its selector
        } else if (code.trim().endsWith(",")) {
            return found; // a selector (ids and classes are not colours)
        }
        for (String declaration : code.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = declaration.substring(colon + 1);
            HEX.matcher(value).results().forEach(m -> found.add(m.group()));
            FUNCTION.matcher(value).results().forEach(m -> found.add(m.group()));
            Matcher words = WORD.matcher(value);
            while (words.find()) {
                String word = words.group();
                if (!word.equalsIgnoreCase("transparent") && !word.matches("[0-9a-fA-F]+") && isNamedColour(word)) {
                    found.add(word);
                }
            }
        }
        return found;
    }

    static boolean isNamedColour(String word) {
        try {
            Color.web(word);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<String> violations(Path root, String suffix, Path except, java.util.function.Function<String, List<String>> scan) {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix) && !f.equals(except)).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (String colour : scan.apply(lines.get(i))) {
                        violations.add(file + ":" + (i + 1) + " " + colour);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    @Test
    void theScanFindsEveryKindOfLiteralColour() {
        assertThat(cssColours("    -fx-fill: #6b7280;")).containsExactly("#6b7280");
        assertThat(cssColours("    -fx-background-color: white;")).containsExactly("white");
        assertThat(cssColours("    -fx-stroke: rgba(1, 2, 3, 0.5);")).containsExactly("rgba(");
        assertThat(cssColours("    -fx-border-color: derive(-diffo-panel, -10%) red;")).containsExactly("red");
        assertThat(cssColours("    -fx-background-color: transparent;")).isEmpty();
        assertThat(cssColours("    -fx-text-fill: -diffo-muted; -fx-font-weight: bold;")).isEmpty();
        assertThat(cssColours(".graph-view #tree .shape-more {")).isEmpty();
        assertThat(cssColours(".catalogue-view .tree-cell:selected .entry-title,")).isEmpty();
        assertThat(cssColours(".graph-view .shape { -fx-stroke: #374151; -fx-stroke-width: 1; }")).containsExactly("#374151");
        assertThat(cssColours(".graph-view .on-dark { -fx-fill: white; }")).containsExactly("white");
        assertThat(JAVA_COLOUR.matcher("parameters.setFill(Color.WHITE);").find()).isTrue();
        assertThat(JAVA_COLOUR.matcher("Color.web(\"#fff\")").find()).isTrue();
        assertThat(JAVA_COLOUR.matcher("label.setStyle(\"-fx-text-fill: red\")").find()).isTrue();
    }

    @Test
    void noFeatureStylesheetHoldsALiteralColour() {
        assertThat(violations(RESOURCES, ".css", THEME, LookAndFeelSourcesTest::cssColours))
                .as("literal colours outside app/theme.css: name them in theme.css (derived from an AtlantaFX variable) and use the name").isEmpty();
    }

    @Test
    void noJavaSourceHoldsALiteralColourOrAnInlineStyle() {
        assertThat(violations(SOURCES, ".java", null, line -> JAVA_COLOUR.matcher(line).results().map(java.util.regex.MatchResult::group).toList()))
                .as("colours come from the stylesheets (looked-up colours), never from Java").isEmpty();
    }

    @Test
    void everyIconAnFxmlOrAViewNamesExistsInTheIconPack() {
        List<String> missing = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        java.util.function.Function<String, List<String>> icons = line -> ICON.matcher(line).results()
                .map(m -> m.group(1) != null ? m.group(1) : m.group(2)).toList();
        Stream.concat(violations(RESOURCES, ".fxml", null, icons).stream(), violations(SOURCES, ".java", null, icons).stream()).forEach(v -> {
            String literal = v.substring(v.lastIndexOf(' ') + 1);
            literals.add(literal);
            try {
                IkonHandler handler = ServiceLoader.load(IkonHandler.class).stream().map(ServiceLoader.Provider::get).filter(h -> h.supports(literal))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no icon pack for " + literal));
                handler.resolve(literal);
            } catch (RuntimeException e) {
                missing.add(v);
            }
        });
        assertThat(literals).as("the FXML and views name icons").contains("mdi2r-refresh", "mdi2s-snowflake");
        assertThat(missing).isEmpty();
    }
}
