package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every view of the main window lives in one scene, so a node's id (an {@code fx:id} becomes it) must be unique
 * across them: a lookup by id, a stylesheet rule or a test otherwise finds another tab's node (the readiness tab's
 * {@code #summary} once hid the instances tab's). Dialogs have scenes of their own and are left out.
 */
class MainWindowIdsTest {

    static final Set<String> DIALOGS = Set.of("ConnectionView.fxml", "ExchangeView.fxml", "InstanceRemediesView.fxml", "RecordRulesView.fxml",
            "SpecEditorView.fxml");

    @Test
    void noIdIsUsedByTwoViewsOfTheMainWindow() throws IOException {
        Pattern id = Pattern.compile("fx:id=\"([^\"]+)\"");
        Map<String, List<String>> filesOf = new TreeMap<>();
        List<Path> views;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/dev/diffo/admin"))) {
            views = files.filter(p -> p.toString().endsWith(".fxml") && !DIALOGS.contains(p.getFileName().toString())).toList();
        }
        assertThat(views).as("the main window's views").hasSizeGreaterThan(8);
        for (Path view : views) {
            Matcher m = id.matcher(Files.readString(view));
            while (m.find()) {
                filesOf.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(view.getFileName().toString());
            }
        }
        filesOf.values().removeIf(files -> files.size() < 2);
        assertThat(filesOf).as("ids used by more than one view of the main window").isEmpty();
    }
}
