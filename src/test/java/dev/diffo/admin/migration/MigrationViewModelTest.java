package dev.diffo.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.ManualTaskRunner;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.InstanceRemedy;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Relabel;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.FakeCatalogueRepository;
import dev.diffo.admin.repository.FakeMigrationRepository;
import dev.diffo.admin.repository.FakeVersioningRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The migration wizard without a toolkit or a database: the real {@link MigrationService} over in-memory
 * repositories. Acme has five broadband instances on v1 (fttp, fttb, fttb, fw, fttn); v2 no longer allows
 * fttb and fw. Beta's instance on v1 is never selected.
 */
class MigrationViewModelTest {

    static final String V1 = "47c890ba-0bdd-44ac-93f6-d8fa3645dcd8";
    static final String V2 = "7ae0e213-52e9-4298-8cd8-ada08104839e";
    static final String V3 = "40d9f61a-ab4a-41a5-bc94-db52d23f4078";
    static final String V4 = "713e3395-c4f0-4447-871d-6d8a04c469e3";
    static final String ROUTER_V1 = "c3a1f5de-7b2e-4d8a-9f61-0e5b7c2d4a18";
    static final String ROUTER_V2 = "e8d2b4c6-1a3f-4e5b-a7c9-2f4d6b8e0a13";
    static final Offence FTTB = new Offence("broadband.technology", "fttb");
    static final Offence FW = new Offence("broadband.technology", "fw");

    static Specification spec(String uuid, String name, long major, SpecificationStatus status) {
        return new Specification(uuid, name, SpecificationType.SERVICE, major, 0, 0, 4, "d", "Access", null, null, 0, List.of(), status);
    }

    /** A broadband value as diffo stores it. */
    static String broadband(String technology) {
        return "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"" + technology + "\"}}}";
    }

    final FakeCatalogueRepository catalogue = new FakeCatalogueRepository();
    final FakeVersioningRepository versioning = new FakeVersioningRepository();
    final FakeMigrationRepository instances = new FakeMigrationRepository(catalogue);
    final MigrationService service = new MigrationService(instances, catalogue, versioning, new Operator("ops"));
    final RecordingDialogs dialogs = new RecordingDialogs();
    MigrationViewModel wizard = wizard(new ImmediateTaskRunner());
    /** Lets the work submitted so far finish: nothing to do with the immediate runner. */
    Runnable settle = () -> { };

    MigrationViewModel wizard(TaskRunner tasks) {
        return new MigrationViewModel(service, catalogue, tasks, dialogs);
    }

    /** The wizard on work that waits for the test; the steps below let it finish. */
    ManualTaskRunner waitingWork() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        wizard = wizard(tasks);
        settle = tasks::runAll;
        return tasks;
    }

    @BeforeEach
    void catalogue() {
        catalogue.specifications.addAll(List.of(
                spec(ROUTER_V2, "router", 2, SpecificationStatus.CURRENT),
                spec(V2, "broadband", 2, SpecificationStatus.CURRENT),
                spec(V1, "broadband", 1, SpecificationStatus.CURRENT),
                spec(V3, "broadband", 3, SpecificationStatus.FROZEN),
                spec(ROUTER_V1, "router", 1, SpecificationStatus.CURRENT)));
        versioning.rules.put(V1, List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fttb", "fttn", "fttp", "fw"), false)));
        versioning.rules.put(V2, List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fttn", "fttp"), false)));
        String[] technologies = {"fttp", "fttb", "fttb", "fw", "fttn"};
        for (int i = 0; i < technologies.length; i++) {
            instances.add(V1, "acme-" + (i + 1), Map.of("broadband", broadband(technologies[i])), "Broadband", "Instance", "Provider");
        }
        instances.add(V1, "beta-1", Map.of("broadband", broadband("fttb")), "Broadband", "Instance", "Provider");
    }

    Specification source(String uuid) {
        return wizard.sourcesProperty().stream().filter(s -> s.uuid().equals(uuid)).findFirst().orElseThrow();
    }

    /** Acme's instances on v1, towards v2, in batches of two. */
    void choose() {
        wizard.reload();
        settle.run();
        wizard.sourceProperty().set(source(V1));
        wizard.rspProperty().set("acme");
        wizard.batchSizeProperty().set(2);
        settle.run();
    }

    MigrationViewModel.Remedy remedy(Offence offence) {
        return wizard.remediesProperty().stream().filter(r -> r.offence().equals(offence)).findFirst().orElseThrow();
    }

    /** Checked, with fttb mapped to fttn and fw's instances left on v1. */
    void checkedAndRemedied() {
        choose();
        wizard.check();
        settle.run();
        remedy(FTTB).choice().set("fttn");
        remedy(FW).choice().set(MigrationViewModel.EXCLUDE);
    }

    MigrationViewModel.InstanceChoice instanceChoice(String name) {
        return wizard.instanceChoicesProperty().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSourcesAreTheCatalogueByNameThenMajor() {
        wizard.reload();

        assertThat(wizard.sourcesProperty()).extracting(Specification::uuid).containsExactly(V1, V2, V3, ROUTER_V1, ROUTER_V2);
    }

    @Test
    void aSourceOffersOnlyNewerCurrentMajorsOfTheSameName() {
        wizard.reload();

        wizard.sourceProperty().set(source(V1));

        assertThat(wizard.targetsProperty()).extracting(Specification::uuid).containsExactly(V2);
        assertThat(wizard.targetProperty().get().uuid()).isEqualTo(V2);
    }

    @Test
    void theNewestOfferedMajorIsTheTargetChosenFirst() {
        catalogue.specifications.add(spec(V4, "broadband", 4, SpecificationStatus.CURRENT));
        wizard.reload();

        wizard.sourceProperty().set(source(V1));

        assertThat(wizard.targetsProperty()).extracting(Specification::uuid).containsExactly(V2, V4);
        assertThat(wizard.targetProperty().get().uuid()).isEqualTo(V4);
    }

    @Test
    void aSourceWithNoNewerCurrentMajorHasNoTargetAndCannotBeChecked() {
        wizard.reload();
        wizard.rspProperty().set("acme");

        wizard.sourceProperty().set(source(V2));

        assertThat(wizard.targetsProperty()).isEmpty();
        assertThat(wizard.targetProperty().get()).isNull();
        assertThat(wizard.canCheckProperty().get()).isFalse();
    }

    @Test
    void aCheckNeedsAnRsp() {
        wizard.reload();
        wizard.sourceProperty().set(source(V1));
        wizard.rspProperty().set("   ");
        assertThat(wizard.canCheckProperty().get()).isFalse();

        wizard.rspProperty().set("acme");

        assertThat(wizard.canCheckProperty().get()).isTrue();
    }

    @Test
    void theRspAndTheNameFilterCountTheSelectionAsTheyAreTyped() {
        choose();
        assertThat(wizard.selectionCountProperty().get()).isEqualTo("5 selected");

        wizard.nameFilterProperty().set("-2");

        assertThat(wizard.selectionCountProperty().get()).isEqualTo("1 selected");
    }

    @Test
    void aNewerCountSupersedesOneStillRunning() {
        ManualTaskRunner tasks = waitingWork();
        wizard.reload();
        settle.run();
        wizard.sourceProperty().set(source(V1));
        wizard.rspProperty().set("acm");
        wizard.rspProperty().set("acme");
        assertThat(wizard.selectionCountProperty().get()).isEqualTo("counting…");

        tasks.runNewest();
        tasks.runAll();

        assertThat(wizard.selectionCountProperty().get()).isEqualTo("5 selected");
    }

    @Test
    void theCheckSummarisesTheSelectionAndWhatNeedsRemediation() {
        choose();

        wizard.check();

        assertThat(wizard.checkSummaryProperty().get())
                .isEqualTo("5 of acme's instances on broadband v1.0.0 · 3 need remediation before moving to v2.0.0");
        assertThat(wizard.busyProperty().get()).isFalse();
    }

    @Test
    void theCheckOffersOneRemedyPerOffendingValue() {
        choose();

        wizard.check();

        assertThat(wizard.remediesProperty()).extracting(MigrationViewModel.Remedy::describe)
                .containsExactly("2 instances with broadband.technology = fttb", "1 instance with broadband.technology = fw");
        assertThat(remedy(FTTB).options()).containsExactly("fttc", "fttn", "fttp", MigrationViewModel.EXCLUDE);
        assertThat(remedy(FTTB).choice().get()).isNull();
    }

    @Test
    void theNameFilterNarrowsTheCheck() {
        choose();
        wizard.nameFilterProperty().set("-4");

        wizard.check();

        assertThat(wizard.checkSummaryProperty().get())
                .isEqualTo("1 of acme's instances named *-4* on broadband v1.0.0 · 1 need remediation before moving to v2.0.0");
        assertThat(wizard.remediesProperty()).extracting(MigrationViewModel.Remedy::offence).containsExactly(FW);
    }

    @Test
    void nothingRunsBeforeEveryOffendingValueHasARemedy() {
        choose();
        wizard.check();
        remedy(FTTB).choice().set("fttn");
        assertThat(wizard.canRunProperty().get()).isFalse();

        wizard.run();
        wizard.dryRun();

        assertThat(instances.allRuns()).isEmpty();
        assertThat(instances.specOf("acme-2")).isEqualTo(V1);
        assertThat(wizard.reportProperty().get()).isEmpty();
    }

    @Test
    void choosingARemedyForEveryOffendingValueEnablesTheRun() {
        choose();
        wizard.check();

        remedy(FTTB).choice().set("fttn");
        remedy(FW).choice().set(MigrationViewModel.EXCLUDE);

        assertThat(wizard.canRunProperty().get()).isTrue();
    }

    @Test
    void aSelectionTheTargetAllowsWholeNeedsNoRemedy() {
        choose();
        wizard.nameFilterProperty().set("-1");

        wizard.check();

        assertThat(wizard.checkSummaryProperty().get()).endsWith("· all allowed by v2.0.0: nothing to remediate");
        assertThat(wizard.remediesProperty()).isEmpty();
        assertThat(wizard.canRunProperty().get()).isTrue();
    }

    @Test
    void changingTheRspDiscardsTheCheck() {
        checkedAndRemedied();

        wizard.rspProperty().set("beta");

        assertThat(wizard.remediesProperty()).isEmpty();
        assertThat(wizard.checkSummaryProperty().get()).isEmpty();
        assertThat(wizard.canRunProperty().get()).isFalse();
        assertThat(wizard.selectionCountProperty().get()).isEqualTo("1 selected");
    }

    @Test
    void theRemediesChosenMakeThePlan() {
        checkedAndRemedied();

        MigrationPlan plan = wizard.plan();

        assertThat(plan.rsp()).isEqualTo("acme");
        assertThat(plan.sourceUuid()).isEqualTo(V1);
        assertThat(plan.targetUuid()).isEqualTo(V2);
        assertThat(plan.mapping()).isEqualTo(Map.of("broadband.technology", Map.of("fttb", "fttn")));
        assertThat(plan.excluded()).containsExactly(FW);
        assertThat(plan.batchSize()).isEqualTo(2);
        assertThat(plan.perInstance()).isEmpty();
        assertThat(plan.relabel()).isNull();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,       false
            1,       true
            100000,  true
            100001,  false
            """)
    void aRunNeedsABatchSizeFromOneToOneHundredThousand(int batchSize, boolean canRun) {
        checkedAndRemedied();

        wizard.batchSizeProperty().set(batchSize);

        assertThat(wizard.canRunProperty().get()).isEqualTo(canRun);
    }

    @Test
    void theDryRunSaysWhatWouldMoveAndWritesNothing() {
        checkedAndRemedied();

        wizard.dryRun();

        assertThat(wizard.reportProperty().get())
                .startsWith("Dry run, nothing written: 4 would move to v2.0.0, 1 stay (excluded), 0 skipped.")
                .contains("acme-2: " + broadband("fttb") + "\n    → acme-2: " + broadband("fttn"));
        assertThat(instances.specOf("acme-2")).isEqualTo(V1);
        assertThat(instances.valueOf("acme-2", "broadband")).isEqualTo(broadband("fttb"));
        assertThat(instances.allRuns()).isEmpty();
        assertThat(wizard.canRunProperty().get()).isTrue();
    }

    @Test
    void theRunMovesTheInstancesAndRewritesTheirValues() {
        checkedAndRemedied();

        wizard.run();

        assertThat(List.of("acme-1", "acme-2", "acme-3", "acme-5")).allSatisfy(name -> assertThat(instances.specOf(name)).isEqualTo(V2));
        assertThat(instances.valueOf("acme-2", "broadband")).isEqualTo(broadband("fttn"));
        assertThat(instances.specOf("acme-4")).isEqualTo(V1);
        assertThat(instances.specOf("beta-1")).isEqualTo(V1);
    }

    @Test
    void aFinishedRunIsVerifiedInTheReport() {
        checkedAndRemedied();

        wizard.run();

        String acme4 = instances.instance("acme-4").uuid;
        assertThat(wizard.reportProperty().get()).isEqualTo(String.join(System.lineSeparator(),
                "Run completed: 4 moved, 1 excluded, 0 skipped in 3 batches.",
                "Instances of acme remaining on v1.0.0: 1",
                "Left on v1.0.0 by this run:",
                "  1 × excluded: broadband.technology=fw is excluded by the plan",
                "    acme-4 (" + acme4 + "): broadband.technology=fw is excluded by the plan"));
    }

    @Test
    void aFinishedRunIsTheLastRunAndTheWizardKeepsWhatTheRunUsed() {
        checkedAndRemedied();

        wizard.run();

        MigrationRun run = wizard.lastRunProperty().get();
        assertThat(run.status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(run.migrated()).isEqualTo(4);
        assertThat(run.actor()).isEqualTo("ops");
        assertThat(wizard.progressProperty().get()).isEqualTo(1.0);
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(wizard.runningProperty().get()).isFalse();
        assertThat(wizard.sourceProperty().get().uuid()).isEqualTo(V1);
        assertThat(wizard.targetProperty().get().uuid()).isEqualTo(V2);
        assertThat(wizard.remediesProperty()).extracting(r -> r.choice().get()).containsExactlyInAnyOrder("fttn", MigrationViewModel.EXCLUDE);
        assertThat(wizard.planUsedProperty().get()).isTrue();
        assertThat(wizard.canRunProperty().get()).isFalse();
        assertThat(wizard.selectionCountProperty().get()).isEqualTo("1 selected");
        assertThat(wizard.finishedRunsProperty().get()).isEqualTo(1);
        assertThat(wizard.checkSummaryProperty().get()).startsWith("The last run's check: 5 of acme's instances on broadband v1.0.0")
                .endsWith("Check again before another run.");
    }

    @Test
    void theRunAsksFirstWithTheCountsFromTheCheck() {
        checkedAndRemedied();
        dialogs.answer = false;

        wizard.run();

        assertThat(dialogs.confirmations).containsExactly("Run the migration?: Move 4 of acme's instances from broadband v1.0.0 to v2.0.0, "
                + "rewriting 2 values; batches of 2.\n1 stays on v1.0.0 (excluded by the plan).\nEach batch is recorded; Undo last run puts them back.");
        assertThat(dialogs.actions).containsExactly("Run migration");
        assertThat(instances.allRuns()).isEmpty();
        assertThat(instances.specOf("acme-1")).isEqualTo(V1);
        assertThat(wizard.canRunProperty().get()).isTrue();
    }

    @Test
    void undoAsksFirstNamingTheRunAndHowManyGoBack() {
        checkedAndRemedied();
        wizard.run();
        MigrationRun run = wizard.lastRunProperty().get();
        dialogs.answer = false;

        wizard.undo();

        assertThat(dialogs.confirmations.getLast()).startsWith("Undo the last run?: Undo run " + run.uuid() + " (acme's instances, v1.0.0 → v2.0.0, started ")
                .endsWith("by ops): 4 instances go back to v1.0.0 with their original values.");
        assertThat(dialogs.actions.getLast()).isEqualTo("Undo run");
        assertThat(instances.specOf("acme-1")).isEqualTo(V2);
    }

    @Test
    void aReloadKeepsTheChosenTargetAndOffersANewMajor() {
        choose();
        wizard.targetProperty().set(wizard.targetsProperty().stream().filter(t -> t.uuid().equals(V2)).findFirst().orElseThrow());
        wizard.check();
        catalogue.specifications.add(spec(V4, "broadband", 4, SpecificationStatus.CURRENT));

        wizard.reload();

        assertThat(wizard.targetsProperty()).extracting(Specification::uuid).containsExactly(V2, V4);
        assertThat(wizard.targetProperty().get().uuid()).isEqualTo(V2);
        assertThat(wizard.checkSummaryProperty().get()).isNotEmpty();
    }

    @Test
    void aDryRunLeavesTheProgressBarEmpty() {
        checkedAndRemedied();

        wizard.dryRun();

        assertThat(wizard.progressProperty().get()).isZero();
        assertThat(wizard.reportProperty().get()).startsWith("Dry run, nothing written");
    }

    @Test
    void theRunReportsItsProgressBatchByBatch() {
        ManualTaskRunner tasks = waitingWork();
        checkedAndRemedied();
        List<Double> fractions = new java.util.ArrayList<>();
        wizard.progressProperty().subscribe(p -> fractions.add(p.doubleValue()));

        wizard.run();
        assertThat(wizard.runningProperty().get()).isTrue();
        tasks.runNext();

        assertThat(fractions).containsSubsequence(0.4, 0.8, 1.0);
        assertThat(wizard.progressMessageProperty().get()).startsWith("5 of 5 · ").endsWith(" left");
    }

    @Test
    void aFailingBatchStopsTheRunAndSaysWhy() {
        checkedAndRemedied();
        instances.failBatch(1);

        wizard.run();

        assertThat(wizard.reportProperty().get())
                .startsWith("The migration stopped after 3 of 5 instances: Lost the connection to Neo4j at bolt://127.0.0.1:7687")
                .contains("Every finished batch is kept", "Resume it");
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(wizard.runningProperty().get()).isFalse();
        assertThat(instances.specOf("acme-3")).isEqualTo(V1);
    }

    @Test
    void aFailingBatchOffersTheInterruptedRunForResume() {
        checkedAndRemedied();
        instances.failBatch(1);

        wizard.run();

        assertThat(wizard.lastRunProperty().get().status()).isEqualTo(MigrationRun.Status.INTERRUPTED);
        assertThat(wizard.lastRunProperty().get().migrated()).isEqualTo(3);
    }

    @Test
    void resumingAnInterruptedRunMovesWhatIsLeft() {
        checkedAndRemedied();
        instances.failBatch(1);
        wizard.run();

        wizard.resume();

        assertThat(instances.specOf("acme-3")).isEqualTo(V2);
        assertThat(instances.valueOf("acme-3", "broadband")).isEqualTo(broadband("fttn"));
        assertThat(instances.specOf("acme-4")).isEqualTo(V1);
        assertThat(wizard.lastRunProperty().get().status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(wizard.reportProperty().get()).startsWith("Run completed: 4 moved, 1 excluded, 0 skipped in 3 batches.");
    }

    /** Runs acme's migration in batches of one and presses Pause when the first batch has landed. */
    String runAndPauseAfterTheFirstBatch() {
        checkedAndRemedied();
        wizard.batchSizeProperty().set(1);
        String[] shown = new String[1];
        wizard.progressProperty().subscribe(p -> {
            if (shown[0] == null && p.doubleValue() > 0 && p.doubleValue() < 1) {
                wizard.pause();
                shown[0] = wizard.progressMessageProperty().get();
            }
        });
        wizard.run();
        settle.run();
        return shown[0];
    }

    @Test
    void aDryRunCanBeStoppedBetweenBatchesAndSaysHowFarItGotWithNothingWritten() {
        waitingWork();
        checkedAndRemedied();
        wizard.batchSizeProperty().set(1);
        wizard.progressProperty().subscribe(p -> {
            if (p.doubleValue() > 0 && p.doubleValue() < 1) {
                wizard.pause();
            }
        });

        wizard.dryRun();
        settle.run();

        assertThat(wizard.reportProperty().get()).startsWith("Dry run stopped after 1 of 5 instances, nothing written: of those, ");
        assertThat(instances.specOf("acme-1")).isEqualTo(V1);
        assertThat(wizard.runningProperty().get()).isFalse();
        assertThat(wizard.busyProperty().get()).isFalse();
    }

    @Test
    void pausingLetsTheBatchesInFlightLandAndStops() {
        waitingWork();

        String shown = runAndPauseAfterTheFirstBatch();

        assertThat(shown).isEqualTo("Pausing after the batches in flight…");
        MigrationRun paused = wizard.lastRunProperty().get();
        assertThat(paused.status()).isEqualTo(MigrationRun.Status.PAUSED);
        assertThat(paused.migrated()).isEqualTo(2);
        assertThat(instances.specOf("acme-2")).isEqualTo(V2);
        assertThat(instances.specOf("acme-3")).isEqualTo(V1);
        assertThat(wizard.runningProperty().get()).isFalse();
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(wizard.reportProperty().get()).startsWith("Run paused: 2 moved, 0 excluded, 0 skipped in 2 batches.");
    }

    @Test
    void aPausedRunResumesToTheEnd() {
        waitingWork();
        runAndPauseAfterTheFirstBatch();

        wizard.resume();
        assertThat(wizard.runningProperty().get()).isTrue();
        settle.run();

        assertThat(wizard.lastRunProperty().get().status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(List.of("acme-1", "acme-2", "acme-3", "acme-5")).allSatisfy(name -> assertThat(instances.specOf(name)).isEqualTo(V2));
        assertThat(wizard.reportProperty().get()).startsWith("Run completed: 4 moved, 1 excluded, 0 skipped in 5 batches.");
    }

    @Test
    void pauseDoesNothingWhenNoRunIsGoing() {
        waitingWork();
        checkedAndRemedied();

        wizard.pause();

        assertThat(wizard.progressMessageProperty().get()).isEmpty();
    }

    @Test
    void undoPutsEveryMovedInstanceBackWithItsValues() {
        checkedAndRemedied();
        wizard.run();
        MigrationRun run = wizard.lastRunProperty().get();

        wizard.undo();

        assertThat(List.of("acme-1", "acme-2", "acme-3", "acme-4", "acme-5")).allSatisfy(name -> assertThat(instances.specOf(name)).isEqualTo(V1));
        assertThat(instances.valueOf("acme-2", "broadband")).isEqualTo(broadband("fttb"));
        assertThat(service.findRun(run.uuid()).orElseThrow().status()).isEqualTo(MigrationRun.Status.UNDONE);
        assertThat(wizard.reportProperty().get()).isEqualTo(String.join(System.lineSeparator(),
                "Undo completed: 4 moved, 0 excluded, 0 skipped in 3 batches.",
                "Instances of acme remaining on v1.0.0: 5"));
    }

    @Test
    void anUndoneRunIsNoLongerOfferedForUndo() {
        checkedAndRemedied();
        wizard.run();

        wizard.undo();

        assertThat(wizard.lastRunProperty().get()).isNull();
        assertThat(wizard.busyProperty().get()).isFalse();
    }

    @Test
    void theInstancesCarryingAValueAreListedEachFollowingTheGroup() {
        checkedAndRemedied();

        wizard.showInstances(remedy(FTTB), "");

        assertThat(wizard.instanceChoicesProperty()).extracting(MigrationViewModel.InstanceChoice::name).containsExactly("acme-2", "acme-3");
        assertThat(instanceChoice("acme-2").options())
                .containsExactly(MigrationViewModel.AS_GROUP, "fttc", "fttn", "fttp", MigrationViewModel.EXCLUDE);
        assertThat(instanceChoice("acme-2").choice().get()).isEqualTo(MigrationViewModel.AS_GROUP);
        assertThat(wizard.moreInstancesProperty().get()).isFalse();
    }

    @Test
    void ownRemediesAreSummarisedAndGoIntoThePlan() {
        checkedAndRemedied();
        wizard.showInstances(remedy(FTTB), "");

        instanceChoice("acme-2").choice().set("fttp");
        instanceChoice("acme-3").choice().set(MigrationViewModel.EXCLUDE);

        assertThat(wizard.perInstanceSummaryProperty().get()).isEqualTo("Own remedies for 2 instances (1 excluded, 1 remapped)");
        assertThat(wizard.plan().perInstance()).isEqualTo(Map.of(
                instances.instance("acme-2").uuid, InstanceRemedy.mapTo("broadband.technology", "fttp"),
                instances.instance("acme-3").uuid, InstanceRemedy.excluded()));
    }

    @Test
    void choosingAsTheGroupAgainDropsTheOwnRemedy() {
        checkedAndRemedied();
        wizard.showInstances(remedy(FTTB), "");
        instanceChoice("acme-2").choice().set("fttp");

        instanceChoice("acme-2").choice().set(MigrationViewModel.AS_GROUP);

        assertThat(wizard.perInstanceSummaryProperty().get()).isEmpty();
        assertThat(wizard.plan().perInstance()).isEmpty();
    }

    @Test
    void listingTheInstancesAgainShowsTheOwnRemediesChosen() {
        checkedAndRemedied();
        wizard.showInstances(remedy(FTTB), "");
        instanceChoice("acme-2").choice().set("fttp");

        wizard.showInstances(remedy(FTTB), "");

        assertThat(instanceChoice("acme-2").choice().get()).isEqualTo("fttp");
        assertThat(instanceChoice("acme-3").choice().get()).isEqualTo(MigrationViewModel.AS_GROUP);
    }

    @Test
    void ownRemediesReachTheRun() {
        checkedAndRemedied();
        wizard.showInstances(remedy(FTTB), "");
        instanceChoice("acme-2").choice().set("fttp");
        instanceChoice("acme-3").choice().set(MigrationViewModel.EXCLUDE);

        wizard.run();

        assertThat(instances.specOf("acme-2")).isEqualTo(V2);
        assertThat(instances.valueOf("acme-2", "broadband")).isEqualTo(broadband("fttp"));
        assertThat(instances.specOf("acme-3")).isEqualTo(V1);
        assertThat(wizard.reportProperty().get()).contains("acme-3 (" + instances.instance("acme-3").uuid + "): excluded by its own remedy");
    }

    @Test
    void theInstanceListComesAHundredAtATime() {
        for (int i = 0; i < 150; i++) {
            instances.add(V1, String.format("acme-bulk-%03d", i), Map.of("broadband", broadband("fttb")));
        }
        checkedAndRemedied();
        wizard.showInstances(remedy(FTTB), "");
        assertThat(wizard.instanceChoicesProperty()).hasSize(MigrationViewModel.INSTANCE_PAGE);
        assertThat(wizard.moreInstancesProperty().get()).isTrue();

        wizard.moreInstances();

        assertThat(wizard.instanceChoicesProperty()).hasSize(152);
        assertThat(wizard.instanceChoicesProperty().getLast().name()).isEqualTo("acme-bulk-149");
        assertThat(wizard.moreInstancesProperty().get()).isFalse();
    }

    @Test
    void theInstanceListFindsNamesContainingTheTextInAnyCase() {
        for (int i = 0; i < 30; i++) {
            instances.add(V1, String.format("acme-bulk-%03d", i), Map.of("broadband", broadband("fttb")));
        }
        checkedAndRemedied();

        wizard.showInstances(remedy(FTTB), "BULK-01");

        assertThat(wizard.instanceChoicesProperty()).extracting(MigrationViewModel.InstanceChoice::name)
                .containsExactly("acme-bulk-010", "acme-bulk-011", "acme-bulk-012", "acme-bulk-013", "acme-bulk-014",
                        "acme-bulk-015", "acme-bulk-016", "acme-bulk-017", "acme-bulk-018", "acme-bulk-019");
    }

    @Test
    void aCheckTheServiceRefusesIsReported() {
        choose();
        catalogue.specifications.replaceAll(s -> s.uuid().equals(V2) ? spec(V2, "broadband", 2, SpecificationStatus.FROZEN) : s);

        wizard.check();

        assertThat(wizard.reportProperty().get())
                .isEqualTo("broadband v2 is frozen\nA frozen or withdrawn major takes no new instances; choose a current one.");
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(wizard.canRunProperty().get()).isFalse();
    }

    @Test
    void theRelabelOfferIsShownButLabelsAreKeptUnlessChosen() {
        instances.add(V2, "other-1", Map.of("broadband", broadband("fttp")), "BroadbandV2", "Instance", "Provider");
        checkedAndRemedied();

        assertThat(wizard.relabelOfferProperty().get()).isEqualTo("Relabel moved instances :Broadband → :BroadbandV2");
        assertThat(wizard.labelNoteProperty().get()).startsWith("Moved instances keep their labels");
        assertThat(wizard.plan().relabel()).isNull();
    }

    @Test
    void aChosenRelabelSwapsTheMovedInstancesLabels() {
        instances.add(V2, "other-1", Map.of("broadband", broadband("fttp")), "BroadbandV2", "Instance", "Provider");
        checkedAndRemedied();

        wizard.relabelProperty().set(true);
        wizard.run();

        assertThat(instances.allRuns().getFirst().relabel()).isEqualTo(new Relabel(List.of("Broadband"), List.of("BroadbandV2")));
        assertThat(instances.labelsOf("acme-2")).contains("BroadbandV2").doesNotContain("Broadband");
        assertThat(instances.labelsOf("acme-4")).contains("Broadband").doesNotContain("BroadbandV2");
    }

    @Test
    void theExportWritesOneRowPerInstanceAndSaysWhere(@TempDir Path dir) throws Exception {
        checkedAndRemedied();
        wizard.run();
        Path file = dir.resolve("run.csv");

        wizard.exportCsv(file);

        List<String> rows = Files.readAllLines(file);
        assertThat(rows.getFirst()).startsWith("run,rsp,batch,instance_uuid,outcome");
        assertThat(rows).filteredOn(r -> r.contains(",moved,")).hasSize(4);
        assertThat(rows).filteredOn(r -> r.contains(",excluded,")).singleElement().asString().contains(instances.instance("acme-4").uuid);
        assertThat(wizard.reportProperty().get()).endsWith("Results written to " + file);
    }
}
