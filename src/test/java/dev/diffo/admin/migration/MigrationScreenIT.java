package dev.diffo.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.MainView;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import dev.diffo.admin.support.TestGraph;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The migration wizard on the demo, clicked headless in the real main window over the real services. */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class MigrationScreenIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        await(20, condition);
    }

    /** For the long run of 20,002 instances in batches of 50, which on a loaded machine takes more than the usual wait. */
    static void await(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The main window on the Migration tab, with {@code sourceUuid} chosen as the source (of two majors). */
    @SuppressWarnings("unchecked")
    MigrationViewModel openWizardOn(Injector injector, String sourceUuid) throws TimeoutException {
        MigrationViewModel wizard = injector.getInstance(MigrationViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        FxScreenExtension.selectTab(robot, "migrationTab");
        await(() -> wizard.selection().sourcesProperty().size() == 2);
        ComboBox<Specification> source = robot.lookup("#sourceChoice").queryAs(ComboBox.class);
        robot.interact(() -> source.getSelectionModel().select(source.getItems().stream().filter(s -> s.uuid().equals(sourceUuid)).findFirst().orElseThrow()));
        return wizard;
    }

    /** Picks the RSP from the wizard's list by clicking it, once the list of the chosen source has been read. */
    @SuppressWarnings("unchecked")
    void chooseRsp(String key) throws TimeoutException {
        ComboBox<dev.diffo.admin.domain.Rsp.Share> rsps = robot.lookup("#rspChoice").queryAs(ComboBox.class);
        await(() -> rsps.getItems().stream().anyMatch(s -> s.rsp().key().equals(key)));
        robot.clickOn(rsps);
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) -> c.getText() != null && c.getText().startsWith(key)).<javafx.scene.Node>query());
        await(() -> rsps.getValue() != null && rsps.getValue().rsp().key().equals(key));
    }

    /** Answers the confirmation with its action button; returns what it said. */
    String confirm() throws TimeoutException {
        await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        String text = robot.lookup("#confirmText").queryAs(Label.class).getText();
        robot.clickOn("#confirmOk");
        return text;
    }

    String report() {
        return robot.lookup("#report").queryAs(TextArea.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkRemediateDryRunRunVerifyAndUndoAcmesInstances(Injector injector, DemoService demo, TestGraph graph) throws Exception {
        demo.loadDemo();
        String before = graph.diffoFingerprint();
        MigrationViewModel wizard = injector.getInstance(MigrationViewModel.class);
        dev.diffo.admin.catalogue.InstancesViewModel instances = injector.getInstance(dev.diffo.admin.catalogue.InstancesViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        // the Instances tab shows v2 (Beta's one instance) before the run
        await(() -> robot.lookup("#spec-" + V2).tryQuery().isPresent());
        robot.clickOn("#spec-" + V2);
        FxScreenExtension.selectTab(robot, "instancesTab");
        await(() -> instances.rowsProperty().size() == 1);
        FxScreenExtension.selectTab(robot, "migrationTab");
        await(() -> wizard.selection().sourcesProperty().size() == 2);

        ComboBox<Specification> source = robot.lookup("#sourceChoice").queryAs(ComboBox.class);
        robot.interact(() -> source.getSelectionModel().select(source.getItems().stream().filter(s -> s.uuid().equals(V1)).findFirst().orElseThrow()));
        chooseRsp("acme");
        robot.clickOn("#checkButton");
        await(() -> wizard.remedies().remediesProperty().size() == 1);
        assertThat(robot.lookup("#checkSummary").queryAs(Label.class).getText())
                .contains("2 of acme's instances on broadband v1.0.0", "1 need remediation before moving to v2.0.0");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).as("nothing runs before every value has a remedy").isTrue();

        ChoiceBox<String> remedy = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        robot.interact(() -> remedy.setValue("fttn"));
        assertThat(robot.lookup("#labelNote").queryAs(Label.class).getText()).contains("Moved instances keep their labels", ":BroadbandV2");
        javafx.scene.control.CheckBox relabel = robot.lookup("#relabelCheck").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(relabel.isVisible()).isTrue();
        assertThat(relabel.isSelected()).as("labels are kept unless the operator asks").isFalse();
        assertThat(relabel.getText()).isEqualTo("Relabel moved instances :Broadband → :BroadbandV2");
        Snapshots.save(robot.lookup("#tabs").query(), "migration-check-remediate");
        robot.clickOn("#dryRunButton");
        await(() -> report().startsWith("Dry run"));
        assertThat(report()).contains("2 would move to v2.0.0", "acme-broadband-001: technology: fttb → fttn");
        assertThat(graph.diffoFingerprint()).isEqualTo(before);
        // the dry run's table: acme-broadband-001's technology field, fttb before and fttn after, as the cells show it
        await(() -> !wizard.execution().rows().isEmpty());
        javafx.scene.control.TableRow<?> acme001 = robot.from(robot.lookup("#outcomeTable").queryTableView()).lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getItem() instanceof OutcomeRow o && "acme-broadband-001".equals(o.instance()))
                .query();
        List<String> cells = robot.from(acme001).lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getTableColumn().isVisible()).map(c -> c.getText() == null ? "" : c.getText()).toList();
        assertThat(cells).containsSubsequence("acme-broadband-001", "broadband", "technology", "fttb", "fttn", "remedied");
        assertThat(acme001.getTooltip().getText()).isEqualTo("technology: fttb → fttn");
        assertThat(robot.lookup("#outcomeTable").queryAs(javafx.scene.control.TableView.class).getItems()).hasSize(1);
        Snapshots.save(robot.lookup("#tabs").query(), "migration-dry-run-table");
        Snapshots.save(robot.lookup("#report").query(), "migration-check-remediate-dry-run");

        assertThat(robot.lookup("#progressBar").queryAs(javafx.scene.control.ProgressBar.class).getProgress())
                .as("a dry run leaves the bar empty").isZero();

        robot.clickOn("#runButton");
        await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        javafx.scene.control.Button runOk = robot.lookup("#confirmOk").queryButton();
        javafx.scene.control.Button runCancel = robot.lookup("#confirmCancel").queryButton();
        assertThat(runOk.getText()).isEqualTo("Run migration");
        assertThat(runOk.isDefaultButton()).as("the action is not the default").isFalse();
        assertThat(runCancel.isDefaultButton()).as("Cancel is the default").isTrue();
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText())
                .startsWith("Move 2 of acme's instances from broadband v1.0.0 to v2.0.0, rewriting 1 value; batches of 5,000.");
        Snapshots.save(robot.lookup("#confirmText").query(), "migration-run-confirmation");
        robot.clickOn("#confirmOk");
        await(() -> !wizard.execution().runningProperty().get() && !report().startsWith("Dry run") && !report().isEmpty());
        await(() -> !wizard.busyProperty().get());
        assertThat(report()).contains("Run completed: 2 moved, 0 excluded, 0 skipped in 1 batch.", "Instances of acme remaining on v1.0.0: 0");
        await(() -> wizard.selection().sourceProperty().get() != null && wizard.selection().sourceProperty().get().instanceCount() == 0);
        // the Instances table (not reopened) was read again: Acme's two moved instances are on v2 now
        await(() -> instances.rowsProperty().size() == 3);
        assertThat(instances.rowsProperty()).extracting(r -> r.name()).contains("acme-broadband-001", "acme-broadband-002", "beta-broadband-v2-001");
        // the wizard still shows what the run used: v1 → v2 and the plan
        assertThat(robot.lookup("#sourceChoice").queryAs(ComboBox.class).getValue()).extracting(s -> ((Specification) s).version()).isEqualTo("v1.0.0");
        assertThat(robot.lookup("#targetChoice").queryAs(ComboBox.class).getValue()).extracting(s -> ((Specification) s).version()).isEqualTo("v2.0.0");
        assertThat(robot.lookup("#remedy-0").queryAs(ChoiceBox.class).getValue()).isEqualTo("fttn");
        Snapshots.save(robot.lookup("#tabs").query(), "migration-after-run");
        Snapshots.save(robot.lookup("#report").query(), "migration-verify");
        FxScreenExtension.selectTab(robot, "instancesTab");
        await(() -> instances.rowsProperty().size() == 3);
        Snapshots.save(robot.lookup("#tabs").query(), "migration-instances-after-run");
        FxScreenExtension.selectTab(robot, "migrationTab");
        assertThat(robot.lookup("#exportButton").queryButton().isDisabled()).isFalse();
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("migration", ".csv");
        robot.interact(() -> wizard.execution().exportCsv(csv));
        await(() -> report().contains("Results written to"));
        assertThat(java.nio.file.Files.readAllLines(csv)).hasSize(3).first().asString().startsWith("run,rsp,batch,instance_uuid");
        assertThat(java.nio.file.Files.readAllLines(csv)).anySatisfy(l -> assertThat(l).endsWith(",broadband.technology,fttb,fttn"));
        assertThat(wizard.execution().rows()).extracting(OutcomeRow::instance, OutcomeRow::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme-broadband-001", "technology: fttb → fttn"));

        try {
            await(() -> !robot.lookup("#undoButton").queryButton().isDisabled());
        } catch (TimeoutException e) {
            throw new AssertionError("undo stays disabled: busy=" + wizard.busyProperty().get() + " lastRun=" + wizard.execution().lastRunProperty().get() + " report=" + report(), e);
        }
        robot.clickOn("#undoButton");
        await(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmOk").queryButton().getText()).isEqualTo("Undo run");
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).contains("2 instances go back to v1.0.0 with their original values");
        Snapshots.save(robot.lookup("#confirmText").query(), "migration-undo-confirmation");
        robot.clickOn("#confirmOk");
        await(() -> report().startsWith("Undo"));
        assertThat(report()).contains("Undo completed: 2 moved", "Instances of acme remaining on v1.0.0: 2");
        assertThat(graph.diffoFingerprint()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void verifyListsTheInstancesAnExclusionLeftOnTheSourceWithTheirReason(Injector injector, DemoService demo, TestGraph graph) throws Exception {
        demo.loadDemo();
        MigrationViewModel wizard = openWizardOn(injector, V1);
        chooseRsp("acme");
        robot.clickOn("#checkButton");
        await(() -> wizard.remedies().remediesProperty().size() == 1);
        ChoiceBox<String> remedy = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        robot.interact(() -> remedy.setValue(RemedyChoice.EXCLUDE));

        robot.clickOn("#runButton");
        confirm();
        await(() -> report().startsWith("Run"));
        await(() -> !wizard.busyProperty().get());
        assertThat(report()).contains("Run completed: 1 moved, 1 excluded, 0 skipped in 1 batch.",
                "Instances of acme remaining on v1.0.0: 1", "Left on v1.0.0 by this run:", "acme-broadband-001");
        assertThat(graph.query("MATCH (:Instance {name: 'acme-broadband-001'})-[:SPECIFIED_BY]->(s) RETURN s.uuid AS s").getFirst().get("s").asString())
                .isEqualTo(V1);
        Snapshots.save(robot.lookup("#tabs").query(), "migration-verify-excluded");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNameFilterCountsLiveAndOneInstanceGetsItsOwnRemedy(Injector injector, DemoService demo, TestGraph graph) throws Exception {
        demo.loadDemo();
        MigrationViewModel wizard = openWizardOn(injector, V1);
        chooseRsp("acme");
        Label count = robot.lookup("#selectionCount").queryAs(Label.class);
        await(() -> count.getText().equals("2 selected"));
        robot.clickOn("#nameFilterField").write("-002");
        await(() -> count.getText().equals("1 selected"));
        robot.interact(() -> robot.lookup("#nameFilterField").queryAs(javafx.scene.control.TextField.class).clear());
        await(() -> count.getText().equals("2 selected"));

        robot.clickOn("#checkButton");
        await(() -> wizard.remedies().remediesProperty().size() == 1);
        ChoiceBox<String> remedy = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        robot.interact(() -> remedy.setValue("fttn"));
        robot.clickOn("#perInstance-0");
        await(() -> robot.lookup("#instanceTable").tryQuery().map(t -> ((javafx.scene.control.TableView<?>) t).getItems().size() == 1).orElse(false)
                && robot.lookup("#instanceChoice-acme-broadband-001").tryQuery().isPresent());
        ChoiceBox<String> own = robot.lookup("#instanceChoice-acme-broadband-001").queryAs(ChoiceBox.class);
        assertThat(own.getValue()).isEqualTo(RemedyChoice.AS_GROUP);
        assertThat(own.getItems()).containsExactly(RemedyChoice.AS_GROUP, "fttc", "fttn", "fttp", "fw", RemedyChoice.EXCLUDE);
        robot.interact(() -> own.setValue("fttc"));
        javafx.scene.Node table = robot.lookup("#instanceTable").query();
        Snapshots.save(table.getScene().getRoot(), "migration-per-instance");
        robot.interact(() -> table.getScene().getWindow().hide());
        assertThat(robot.lookup("#perInstanceSummary").queryAs(Label.class).getText()).isEqualTo("Own remedies for 1 instance (0 excluded, 1 remapped)");

        robot.interact(() -> robot.lookup("#batchSizeSpinner").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(1));
        robot.clickOn("#runButton");
        confirm();
        await(() -> report().startsWith("Run"));
        await(() -> !wizard.busyProperty().get());
        assertThat(report()).contains("Run completed: 2 moved, 0 excluded, 0 skipped in 2 batches.");
        assertThat(graph.query("MATCH (:Instance {name: 'acme-broadband-001'})-[:HAS]->(c) RETURN c.value AS v").getFirst().get("v").asString())
                .contains("\"technology\":\"fttc\"");
        Snapshots.save(robot.lookup("#tabs").query(), "migration-per-instance-verify");
    }

    @Test
    void aLongRunShowsProgressPausesBetweenBatchesAndResumes(Injector injector, DemoService demo, TestGraph graph,
                                                           dev.diffo.admin.repository.BenchmarkRepository seeding) throws Exception {
        demo.loadDemo();
        seeding.seed(V1, "acme-bulk-", 1, 20_000, List.of("fttp", "fttn", "fttc"));
        MigrationViewModel wizard = openWizardOn(injector, V1);
        chooseRsp("acme");
        robot.clickOn("#checkButton");
        await(() -> wizard.remedies().remediesProperty().size() == 1);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> remedy = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        robot.interact(() -> remedy.setValue("fttn"));
        robot.interact(() -> robot.lookup("#batchSizeSpinner").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(50));

        robot.clickOn("#runButton");
        confirm();
        await(() -> wizard.execution().progressProperty().get() > 0);
        Snapshots.save(robot.lookup("#tabs").query(), "migration-progress");
        robot.clickOn("#pauseButton");
        await(() -> !wizard.busyProperty().get() && report().startsWith("Run paused"));
        long moved = wizard.execution().lastRunProperty().get().migrated();
        assertThat(moved).as("paused between batches, part way").isPositive().isLessThan(20_002);
        assertThat(moved % 50).as("whole batches only").isZero();
        assertThat(robot.lookup("#progressBar").queryAs(javafx.scene.control.ProgressBar.class).getProgress()).isLessThan(1);
        assertThat(graph.count("MATCH (i:Instance) WHERE COUNT { (i)-[:SPECIFIED_BY]->() } <> 1 RETURN count(i)")).isZero();
        Snapshots.save(robot.lookup("#tabs").query(), "migration-paused");

        robot.clickOn("#resumeButton");
        await(180, () -> !wizard.busyProperty().get() && report().startsWith("Run completed"));
        assertThat(report()).contains("Run completed: 20,002 moved", "Instances of acme remaining on v1.0.0: 0");
        assertThat(graph.count("MATCH (i:Instance) WHERE COUNT { (i)-[:SPECIFIED_BY]->() } <> 1 RETURN count(i)")).isZero();
    }

    @Test
    void pausingADryRunOver100kInstancesStopsItWithinOneBatchAndWritesNothing(Injector injector, DemoService demo, TestGraph graph,
                                                                               dev.diffo.admin.repository.BenchmarkRepository seeding) throws Exception {
        demo.loadDemo();
        // 25,000 a transaction: with the read indexes on :Instance (four RANGE, one TEXT) 100,000 in one transaction pass
        // the test JVM's transaction memory limit
        for (int from = 1; from <= 100_000; from += 25_000) {
            seeding.seed(V1, "acme-bulk-", from, from + 24_999, List.of("fttp", "fttn", "fttc"));
        }
        // the catalogue as diffo owns it, and our runs and ledger: the counts the app keeps (its own :DiffoAdmin nodes) may
        // be built in the background meanwhile, as connecting does
        String before = graph.diffoFingerprint();
        long runsBefore = graph.count("MATCH (r:MigrationRun) RETURN count(r)");
        MigrationViewModel wizard = openWizardOn(injector, V1);
        chooseRsp("acme");
        robot.clickOn("#checkButton");
        await(120, () -> wizard.remedies().remediesProperty().size() == 1);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> remedy = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        robot.interact(() -> remedy.setValue("fttn"));
        int batch = wizard.execution().batchSizeProperty().get();
        // what the wizard showed of the dry run's progress when Pause was pressed
        double[] shownAtPause = {-1};
        robot.lookup("#pauseButton").queryButton().addEventFilter(javafx.event.ActionEvent.ACTION,
                e -> shownAtPause[0] = wizard.execution().progressProperty().get());

        robot.clickOn("#dryRunButton");
        await(120, () -> wizard.execution().progressProperty().get() > 0);
        robot.clickOn("#pauseButton");
        await(120, () -> !wizard.busyProperty().get() && report().startsWith("Dry run stopped"));

        java.util.regex.Matcher stopped = java.util.regex.Pattern.compile("Dry run stopped after ([\\d,]+) of ([\\d,]+) instances, nothing written")
                .matcher(report());
        assertThat(stopped.find()).as(report()).isTrue();
        long examined = Long.parseLong(stopped.group(1).replace(",", ""));
        long selected = Long.parseLong(stopped.group(2).replace(",", ""));
        long doneAtPause = Math.round(shownAtPause[0] * selected);
        assertThat(selected).isEqualTo(100_002);
        assertThat(examined % batch).as("whole batches only").isZero();
        assertThat(examined).as("stopped part way").isLessThan(selected);
        assertThat(examined - doneAtPause).as("at most the batch in flight when Pause was pressed (%,d shown then)", doneAtPause)
                .isBetween(0L, (long) batch);
        assertThat(robot.lookup("#progressBar").queryAs(javafx.scene.control.ProgressBar.class).getProgress()).as("nothing ran").isZero();
        assertThat(wizard.execution().lastRunProperty().get()).as("a dry run leaves no run to undo").isNull();
        Snapshots.save(robot.lookup("#tabs").query(), "migration-dry-run-paused");
        assertUnchanged(before, graph.diffoFingerprint());
        assertThat(graph.count("MATCH (r:MigrationRun) RETURN count(r)")).as("no run recorded").isEqualTo(runsBefore);
    }

    @Test
    @SuppressWarnings("unchecked")
    void onACatalogueDiffoWroteTheOperatorPicksTheResellerFromTheListAndMovesOnlyItsInstances(Injector injector, TestGraph graph,
                                                                                              dev.diffo.admin.versioning.VersioningService versioning,
                                                                                              dev.diffo.admin.catalogue.CatalogueService catalogue) throws Exception {
        dev.diffo.admin.support.DiffoLivebookCatalogue.write(graph);
        MigrationViewModel wizard = openWizardOn(injector, dev.diffo.admin.support.DiffoLivebookCatalogue.V1);

        ComboBox<dev.diffo.admin.domain.Rsp.Share> rsps = robot.lookup("#rspChoice").queryAs(ComboBox.class);
        await(() -> rsps.getItems().size() == 2);
        assertThat(rsps.getItems()).extracting(Object::toString)
                .containsExactly("ORG000000123456 · organizationId (6)", "ORG000000654321 · organizationId (4)");
        assertThat(robot.lookup("#rspsNote").queryAs(Label.class).getText()).contains("party in role Reseller");
        chooseRsp(dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_A);
        robot.clickOn("#checkButton");
        await(() -> wizard.remedies().checkProperty().get() != null);
        assertThat(robot.lookup("#checkSummary").queryAs(Label.class).getText())
                .contains("no allowed values recorded", "6 of ORG000000123456 · organizationId's instances on broadband v1.1.0");
        Snapshots.save(robot.lookup("#tabs").query(), "migration-diffo-rsp-choice");

        versioning.recordRules(catalogue.find(dev.diffo.admin.support.DiffoLivebookCatalogue.V2).orElseThrow(),
                dev.diffo.admin.versioning.RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), "as diffo's code allows");
        robot.clickOn("#checkButton");
        await(() -> wizard.remedies().remediesProperty().size() == 1);
        assertThat(robot.lookup("#checkSummary").queryAs(Label.class).getText())
                .doesNotContain("no allowed values recorded").contains("2 need remediation before moving to v2.0.0");
        ChoiceBox<String> remedy = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        robot.interact(() -> remedy.setValue("fttn"));
        robot.clickOn("#runButton");
        assertThat(confirm()).contains("Move 6 of ORG000000123456 · organizationId's instances from broadband v1.1.0 to v2.0.0", "rewriting 2 values");
        await(() -> wizard.execution().lastRunProperty().get() != null && !wizard.busyProperty().get());

        assertThat(graph.count("MATCH (:Specification {uuid: '" + dev.diffo.admin.support.DiffoLivebookCatalogue.V2 + "'})<-[:SPECIFIED_BY]-(i) RETURN count(i)")).isEqualTo(7);
        assertThat(graph.count("MATCH (:Specification {uuid: '" + dev.diffo.admin.support.DiffoLivebookCatalogue.V1 + "'})<-[:SPECIFIED_BY]-(i)-[:RELATES]->(:PartyRef {role: 'Reseller'})-[:RELATES]->(:Party {key: 'ORG000000654321'}) RETURN count(i)")).isEqualTo(4);
    }

    /** Two fingerprints of 100,000 instances: the lines that differ, not both whole (AssertJ's diff of both runs out of heap). */
    static void assertUnchanged(String before, String after) {
        // one entry per node and per edge
        java.util.Set<String> was = new java.util.LinkedHashSet<>(List.of(before.split("\\}, \\[|\n|, (?=[0-9a-f-]{36}-)")));
        java.util.Set<String> now = new java.util.LinkedHashSet<>(List.of(after.split("\\}, \\[|\n|, (?=[0-9a-f-]{36}-)")));
        List<String> gone = was.stream().filter(l -> !now.contains(l)).limit(5).toList();
        List<String> added = now.stream().filter(l -> !was.contains(l)).limit(5).toList();
        assertThat(gone).as("lines gone (first 5); lines added (first 5): %s", added).isEmpty();
        assertThat(added).as("lines added (first 5)").isEmpty();
    }
}
