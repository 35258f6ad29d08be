package dev.diffo.admin.app;

import dev.diffo.admin.app.Navigation.Screen;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

/**
 * The Actions menu of the main window does what the screens' buttons do (the same handler, the same confirmation),
 * after showing their screen: each item follows its button's enablement, and each button's tooltip names the
 * shortcut. A thin view helper of {@link MainView}: it finds the screens' buttons by #id once the window shows.
 */
final class ActionsMenu {

    /** The menu items it wires, as {@code MainView.fxml} declares them. */
    record Items(MenuItem newSpecification, MenuItem nextPatch, MenuItem nextMinor, MenuItem publishMajor, MenuItem newInstance,
                 MenuItem check, MenuItem dryRun, MenuItem run, MenuItem find, MenuItem refresh, MenuItem loadDemo) {
    }

    private record Target(Screen screen, String id) {
    }

    private final Navigation navigation;
    private final TabPane tabs;

    ActionsMenu(Navigation navigation, TabPane tabs) {
        this.navigation = navigation;
        this.tabs = tabs;
    }

    /** Wires {@code items} to the screens' buttons; called once the window shows (every control has its skin then). */
    void wire(Items items) {
        Map<MenuItem, Target> targets = new LinkedHashMap<>();
        targets.put(items.newSpecification(), new Target(Screen.CATALOGUE, "#createButton"));
        targets.put(items.nextPatch(), new Target(Screen.CATALOGUE, "#patchButton"));
        targets.put(items.nextMinor(), new Target(Screen.CATALOGUE, "#minorButton"));
        targets.put(items.publishMajor(), new Target(Screen.CATALOGUE, "#majorButton"));
        targets.put(items.check(), new Target(Screen.MIGRATION, "#checkButton"));
        targets.put(items.dryRun(), new Target(Screen.MIGRATION, "#dryRunButton"));
        targets.put(items.run(), new Target(Screen.MIGRATION, "#runButton"));
        targets.forEach((item, target) -> {
            Node node = find(target.id());
            if (node instanceof ButtonBase button) {
                item.disableProperty().bind(button.disabledProperty());
                item.setOnAction(e -> {
                    navigation.show(target.screen());
                    button.fire();
                });
                tooltip(button, item);
            }
        });
        Map<String, MenuItem> shortcuts = Map.of("#refreshButton", items.refresh(), "#loadDemoButton", items.loadDemo());
        shortcuts.forEach((id, item) -> {
            if (find(id) instanceof ButtonBase button) {
                tooltip(button, item);
            }
        });
        // Find: the search field of the screen shown (the catalogue's when that screen has none)
        Map<Screen, String> searchOf = Map.of(Screen.CATALOGUE, "#search", Screen.INSTANCES, "#nameField", Screen.GRAPH, "#startField",
                Screen.MIGRATION, "#nameFilterField");
        items.find().setOnAction(e -> {
            Screen shown = searchOf.containsKey(navigation.screenProperty().get()) ? navigation.screenProperty().get() : Screen.CATALOGUE;
            navigation.show(shown);
            focus(searchOf.get(shown));
        });
        items.newInstance().setOnAction(e -> {
            navigation.show(Screen.INSTANCES);
            focus("#newNameField");
        });
        if (find("#createInstanceButton") instanceof ButtonBase create) {
            tooltip(create, items.newInstance());
        }
    }

    private void focus(String id) {
        Node field = find(id);
        if (field != null) {
            field.requestFocus();
        }
    }

    /** A node of a screen by its #id, whether or not its tab has been shown yet (a tab's content is built with the window). */
    private Node find(String id) {
        return tabs.getTabs().stream().map(Tab::getContent).filter(Objects::nonNull).map(content -> content.lookup(id))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The button's tooltip names what the menu item does and its shortcut: {@code Dry run (Ctrl+Shift+D)}. */
    static void tooltip(ButtonBase button, MenuItem item) {
        String what = item.getText().replace("_", "").replace("…", "");
        button.setTooltip(new Tooltip(item.getAccelerator() == null ? what : what + " (" + item.getAccelerator().getDisplayText() + ")"));
    }
}
