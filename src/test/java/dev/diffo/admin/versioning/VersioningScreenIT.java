package dev.diffo.admin.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.MainView;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.catalogue.CatalogueViewModel;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.Scenario;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.repository.ScenarioRepository;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The catalogue manager's seed story, clicked headless in the real main window over the real services:
 * v1.0.0 → next minor adds fw → publish v2 without fttb → freeze v1 → withdraw v1 (the impact dialog shows
 * Acme's 2 instances) → delete v1 refused; then the history timeline.
 */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class VersioningScreenIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The seed before V2 exists: broadband v1.0.0 and Acme's two instances. */
    static void loadV1Only(DemoService demo, ScenarioRepository scenarios) {
        Scenario full = demo.demoScenario();
        scenarios.load(new Scenario(full.title(), List.of(full.specifications().getFirst()),
                full.instances().stream().filter(i -> i.name().startsWith("acme")).toList()));
    }

    Specification v1(CatalogueViewModel catalogue) {
        return catalogue.find(V1).orElseThrow();
    }

    void editRulesAndSave(String rules) throws TimeoutException {
        await(() -> robot.lookup("#rules").tryQuery().isPresent());
        TextArea area = robot.lookup("#rules").queryAs(TextArea.class);
        robot.interact(() -> area.setText(rules));
    }

    @Test
    void walksTheSeedFromV100ToAWithdrawnV1ThatCannotBeDeleted(Injector injector, DemoService demo, ScenarioRepository scenarios,
                                                              VersioningService versioning) throws TimeoutException {
        loadV1Only(demo, scenarios);
        CatalogueViewModel catalogue = injector.getInstance(CatalogueViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        await(() -> catalogue.find(V1).isPresent());

        // next minor: adds fw
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#minorButton");
        editRulesAndSave("broadband.technology: string = fttc, fttb, fttn, fttp, fw\n");
        robot.clickOn("#reason").write("adds fixed wireless");
        robot.clickOn("#saveButton");
        await(() -> "v1.1.0".equals(v1(catalogue).version()));

        // publish v2 without fttb: the dialog shows the diff against v1.1.0 before saving
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#majorButton");
        editRulesAndSave("broadband.technology: string = fttc, fttn, fttp, fw\n");
        assertThat(robot.lookup("#changes").queryAs(TextArea.class).getText())
                .contains("Compared with v1.1.0", "− value broadband.technology = fttb");
        Snapshots.save(robot.lookup("#changes").query(), "versioning-major-diff");
        robot.clickOn("#saveButton");
        await(() -> catalogue.groupsProperty().stream().anyMatch(g -> g.majors().size() == 2));
        Specification v2 = catalogue.groupsProperty().getFirst().majors().getFirst();
        assertThat(v2.version()).isEqualTo("v2.0.0");
        assertThat(versioning.rules(v2)).extracting(r -> r.allowedValues()).containsExactly(List.of("fttc", "fttn", "fttp", "fw"));

        // freeze v1
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#freezeButton");
        await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmOk").queryButton().getText()).isEqualTo("Freeze v1");
        robot.clickOn("#confirmOk");
        await(() -> v1(catalogue).status() == SpecificationStatus.FROZEN);

        // withdraw v1: the impact dialog names Acme's 2 instances
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#withdrawButton");
        await(() -> robot.lookup("#confirmText").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmOk").queryButton().getText()).isEqualTo("Withdraw v1");
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).contains("2 instances still stand on broadband v1", "acme (by name prefix): 2");
        Snapshots.save(robot.lookup("#confirmText").query(), "versioning-withdraw-impact");
        robot.clickOn("#confirmOk");
        await(() -> v1(catalogue).status() == SpecificationStatus.WITHDRAWN);

        // delete v1: refused, with the count
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#deleteButton");
        await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        robot.clickOn("#confirmOk");
        await(() -> robot.lookup("#errorDialogText").tryQuery().isPresent());
        assertThat(robot.lookup("#errorDialogText").queryAs(Label.class).getText())
                .contains("Cannot delete broadband v1.1.0: 2 instances still stand on it");
        robot.clickOn("#errorOk");
        assertThat(catalogue.find(V1)).isPresent();
        Snapshots.save(robot.lookup("#tree").query(), "versioning-catalogue-after-seed");

        // the history timeline across majors, and the diff v1.1.0 → v2.0.0
        robot.clickOn("#spec-" + V1);
        FxScreenExtension.selectTab(robot, "historyTab");
        HistoryViewModel history = injector.getInstance(HistoryViewModel.class);
        await(() -> history.eventsProperty().size() == 5);
        assertThat(history.eventsProperty()).extracting(VersionEvent::headline)
                .containsExactly("v1.0.0 created", "v1.0.0 → v1.1.0 minor", "v2.0.0 published", "v1 frozen", "v1 withdrawn");
        robot.interact(() -> {
            history.fromProperty().set("v1.1.0");
            history.toProperty().set("v2.0.0");
        });
        assertThat(robot.lookup("#versionDiff").queryAs(TextArea.class).getText()).contains("v1.1.0 → v2.0.0", "− value broadband.technology = fttb");
        Snapshots.save(robot.lookup("#events").query(), "versioning-history");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onACatalogueDiffoWroteTheManagerRecordsWhatV2AllowsByTickingAndHistoryComesFromDiffosTimestamps(Injector injector,
                                                                                                        dev.diffo.admin.support.TestGraph graph,
                                                                                                        VersioningService versioning) throws TimeoutException {
        dev.diffo.admin.support.DiffoLivebookCatalogue.write(graph);
        String v2Id = dev.diffo.admin.support.DiffoLivebookCatalogue.V2;
        String diffoNodeBefore = graph.query("MATCH (s:Specification {uuid: $id}) RETURN properties(s) AS p", java.util.Map.of("id", v2Id)).getFirst().get("p").asMap().toString();
        CatalogueViewModel catalogue = injector.getInstance(CatalogueViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        await(() -> catalogue.find(v2Id).isPresent());

        robot.clickOn("#spec-" + v2Id);
        await(() -> robot.lookup("#allowedValues").queryAs(Label.class).getText().startsWith("not recorded"));
        // at 1280 px the themed toolbar's last buttons are in its overflow menu (>>): fire it as that menu would
        javafx.scene.control.Button recordRules = robot.lookup("#recordRulesButton").queryButton();
        assertThat(recordRules.isDisabled()).as("Record allowed values is enabled for a catalogue manager").isFalse();
        robot.interact(recordRules::fire);
        await(() -> robot.lookup("#ticks").tryQuery().isPresent());
        javafx.scene.control.ListView<RecordRulesViewModel.Tick> ticks = robot.lookup("#ticks").queryAs(javafx.scene.control.ListView.class);
        assertThat(ticks.getItems()).extracting(Object::toString).containsExactly("broadband.technology = fttn (1 instance)");
        robot.clickOn("#extra").write("broadband.technology: string = fttc, fttp, fw");
        robot.clickOn("#reason").write("as diffo's BroadbandV2 code allows");
        assertThat(robot.lookup("#preview").queryAs(TextArea.class).getText()).contains("allows broadband.technology ∈ {fttn, fttc, fttp, fw}");
        Snapshots.save(robot.lookup("#ticks").queryAs(javafx.scene.Node.class).getScene().getRoot(), "versioning-record-allowed-values");
        Label dialogError = robot.lookup("#error").queryAs(Label.class);
        robot.clickOn("#recordButton");
        await(() -> !dialogError.getText().isEmpty() || robot.lookup("#recordButton").tryQuery().isEmpty());
        assertThat(dialogError.getText()).as("the dialog's error").isEmpty();
        await(() -> injector.getInstance(dev.diffo.admin.app.FxTaskRunner.class).runningProperty().get() == 0);
        assertThat(catalogue.selectedProperty().get().uuid()).as("the version acted on stays selected").isEqualTo(v2Id);
        await(() -> robot.lookup("#allowedValues").queryAs(Label.class).getText().contains("broadband.technology ∈ {fttn, fttc, fttp, fw}"));

        Specification v2 = catalogue.find(v2Id).orElseThrow();
        assertThat(v2.version()).isEqualTo("v2.0.0");
        assertThat(graph.query("MATCH (s:Specification {uuid: $id}) RETURN properties(s) AS p", java.util.Map.of("id", v2Id)).getFirst().get("p").asMap().toString())
                .as("diffo's node, versions and updatedAt untouched").isEqualTo(diffoNodeBefore);

        FxScreenExtension.selectTab(robot, "historyTab");
        HistoryViewModel history = injector.getInstance(HistoryViewModel.class);
        await(() -> history.eventsProperty().size() == 4);
        assertThat(history.eventsProperty()).extracting(VersionEvent::headline).containsExactly(
                "v1 created (from diffo's createdAt)", "v1.1.0 last changed (from diffo's updatedAt)", "v2 created (from diffo's createdAt)", "v2 allowed values recorded");
        assertThat(history.titleProperty().get()).contains("3 read from diffo's own timestamps");
        Snapshots.save(robot.lookup("#tabs").query(), "versioning-history-from-diffo");
    }

    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";

    /** The catalogue's selected version, as the details pane shows it. */
    static Specification selected(CatalogueViewModel catalogue) {
        return catalogue.selectedProperty().get();
    }

    @Test
    void onTheDemoNothingIsOverwrittenMajorsStartFromTheLatestAndTheSelectionStays(Injector injector, DemoService demo, VersioningService versioning,
                                                                                  dev.diffo.admin.support.TestGraph graph) throws TimeoutException {
        demo.loadDemo();
        CatalogueViewModel catalogue = injector.getInstance(CatalogueViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 720);
            return root;
        });
        await(() -> catalogue.find(V1).isPresent() && catalogue.find(V2).isPresent());
        // the window counts the instances in the background once it shows (the kept counts, a cache of ours): the
        // picture of the graph is taken after that, so that it shows what the actions below write, and only that
        await(() -> graph.count("MATCH (s:DiffoAdmin:InstanceCountSet) RETURN count(s)") == 2);
        String before = graph.fingerprint();

        // 1. New specification… with an existing name: refused as it is typed, Save disabled
        robot.clickOn("#createButton");
        await(() -> robot.lookup("#name").tryQuery().isPresent());
        robot.clickOn("#name").write("broadband");
        await(() -> robot.lookup("#validation").queryAs(Label.class).isVisible()
                && robot.lookup("#validation").queryAs(Label.class).getText().contains("exists"));
        assertThat(robot.lookup("#validation").queryAs(Label.class).getText())
                .isEqualTo("broadband v1 exists (v1.0.0): use Next patch/Next minor, or Publish major");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#description").write("oops");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();
        Snapshots.save(robot.lookup("#validation").query(), "versioning-create-existing-refused");
        robot.interact(() -> robot.lookup("#validation").query().getScene().getWindow().hide());
        assertThat(graph.fingerprint()).isEqualTo(before);

        // 2. Publish major… with v1 selected: v3.0.0 from v2.0.0's allowed values, compared with v2.0.0
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#majorButton");
        await(() -> robot.lookup("#heading").tryQuery().isPresent() && robot.lookup("#heading").queryAs(Label.class).getText().contains("v3.0.0"));
        assertThat(robot.lookup("#heading").queryAs(Label.class).getText()).startsWith("broadband v3.0.0, from v2.0.0's allowed values");
        editRulesAndSave("broadband.technology: string = fttc, fttn, fttp\n");
        assertThat(robot.lookup("#changes").queryAs(TextArea.class).getText())
                .contains("Compared with v2.0.0", "− value broadband.technology = fw").doesNotContain("fttb");
        Snapshots.save(robot.lookup("#heading").query(), "versioning-major-from-latest");
        robot.clickOn("#saveButton");
        await(() -> catalogue.groupsProperty().stream().anyMatch(g -> g.majors().size() == 3));
        Specification v3 = catalogue.groupsProperty().getFirst().majors().getFirst();
        assertThat(v3.version()).isEqualTo("v3.0.0");
        assertThat(versioning.rules(v3)).extracting(r -> r.allowedValues()).containsExactly(List.of("fttc", "fttn", "fttp"));
        await(() -> selected(catalogue) != null && selected(catalogue).uuid().equals(v3.uuid()));

        // 4. Next patch on v3: the selection stays on v3
        robot.clickOn("#spec-" + v3.uuid());
        robot.clickOn("#patchButton");
        await(() -> robot.lookup("#description").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#description").queryAs(javafx.scene.control.TextField.class).setText("Broadband, third major"));
        robot.clickOn("#saveButton");
        await(() -> catalogue.find(v3.uuid()).map(s -> s.version().equals("v3.0.1")).orElse(false));
        await(() -> selected(catalogue) != null && selected(catalogue).version().equals("v3.0.1"));
        assertThat(selected(catalogue).uuid()).isEqualTo(v3.uuid());

        // 3 and 4. Withdraw v3: the confirmation names it, Cancel is the default; afterwards the selection is still v3
        robot.clickOn("#withdrawButton");
        await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmOk").queryButton().getText()).isEqualTo("Withdraw v3");
        assertThat(robot.lookup("#confirmOk").queryButton().isDefaultButton()).isFalse();
        assertThat(robot.lookup("#confirmCancel").queryButton().isDefaultButton()).isTrue();
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).contains("No instance stands on broadband v3");
        Snapshots.save(robot.lookup("#confirmText").query(), "versioning-withdraw-v3-confirmation");
        robot.clickOn("#confirmOk");
        await(() -> catalogue.find(v3.uuid()).map(s -> s.status() == SpecificationStatus.WITHDRAWN).orElse(false));
        await(() -> selected(catalogue) != null && selected(catalogue).status() == SpecificationStatus.WITHDRAWN);
        assertThat(selected(catalogue).uuid()).isEqualTo(v3.uuid());
        assertThat(robot.lookup("#tree").queryAs(javafx.scene.control.TreeView.class).getSelectionModel().getSelectedItem())
                .extracting(item -> ((javafx.scene.control.TreeItem<?>) item).getValue().toString()).asString().contains(v3.uuid());
        Snapshots.save(robot.lookup("#tree").query(), "versioning-selection-after-withdraw");

        // 3. Delete asks with the version and its count, the action named
        robot.clickOn("#spec-" + V1);
        robot.clickOn("#deleteButton");
        await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmOk").queryButton().getText()).isEqualTo("Delete v1.0.0");
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).contains("has 2 instances standing on it");
        Snapshots.save(robot.lookup("#confirmText").query(), "versioning-delete-confirmation");
        robot.clickOn("#confirmCancel");
        assertThat(catalogue.find(V1)).isPresent();
    }
}
