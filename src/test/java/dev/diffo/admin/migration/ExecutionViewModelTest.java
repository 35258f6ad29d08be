package dev.diffo.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

/** The wizard's last step: dry run, run, progress, pause and resume, verification, CSV and undo. */
class ExecutionViewModelTest extends WizardFixture {

    @Test
    void nothingRunsBeforeEveryOffendingValueHasARemedy() {
        choose();
        remedies().check();
        remedy(FTTB).choice().set("fttn");
        assertThat(execution().canRunProperty().get()).isFalse();

        execution().run();
        execution().dryRun();

        assertThat(instances.allRuns()).isEmpty();
        assertThat(instances.specOf("acme-2")).isEqualTo(V1);
        assertThat(wizard.reportProperty().get()).isEmpty();
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

        execution().batchSizeProperty().set(batchSize);

        assertThat(execution().canRunProperty().get()).isEqualTo(canRun);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0       | A batch size of 0 is out of range: it is a whole number from 1 to 100,000.
            250000  | A batch size of 250,000 is out of range: it is a whole number from 1 to 100,000.
            5k      | "5k" is not a batch size: it is a whole number from 1 to 100,000.
            -3      | "-3" is not a batch size: it is a whole number from 1 to 100,000.
            ''      | No batch size: it is a whole number from 1 to 100,000.
            """)
    void aBatchSizeTypedOutOfRangeOrNotANumberSaysWhyAndNothingRuns(String typed, String message) {
        checkedAndRemedied();

        execution().batchSizeTextProperty().set(typed);

        assertThat(execution().batchSizeMessageProperty().get()).isEqualTo(message);
        assertThat(execution().canRunProperty().get()).isFalse();
        execution().run();
        execution().dryRun();
        assertThat(instances.allRuns()).isEmpty();
        assertThat(wizard.reportProperty().get()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1       | 1
            5,000   | 5000
            100000  | 100000
            """)
    void aBatchSizeTypedAsAWholeNumberInRangeIsTheRunsBatchSize(String typed, int size) {
        checkedAndRemedied();

        execution().batchSizeTextProperty().set(typed);

        assertThat(execution().batchSizeMessageProperty().get()).isEmpty();
        assertThat(execution().batchSizeProperty().get()).isEqualTo(size);
        assertThat(execution().canRunProperty().get()).isTrue();
    }

    @Test
    void aValueWithNoRemedyYetSaysWhatToChooseUntilOneIsChosen() {
        choose();
        remedies().check();

        assertThat(remedy(FTTB).message().getValue())
                .isEqualTo("Choose what broadband.technology = fttb becomes: an allowed value, or exclude these instances.");
        remedy(FTTB).choice().set("fttn");
        assertThat(remedy(FTTB).message().getValue()).isEmpty();
    }

    @Test
    void theDryRunSaysWhatWouldMoveAndWritesNothing() {
        checkedAndRemedied();

        execution().dryRun();

        assertThat(wizard.reportProperty().get())
                .startsWith("Dry run, nothing written: 4 would move to v2.0.0, 1 stay (excluded), 0 skipped.")
                .contains("acme-2: technology: fttb → fttn");
        assertThat(instances.specOf("acme-2")).isEqualTo(V1);
        assertThat(instances.valueOf("acme-2", "broadband")).isEqualTo(broadband("fttb"));
        assertThat(instances.allRuns()).isEmpty();
        assertThat(execution().canRunProperty().get()).isTrue();
    }

    @Test
    void theRunMovesTheInstancesAndRewritesTheirValues() {
        checkedAndRemedied();

        execution().run();

        assertThat(List.of("acme-1", "acme-2", "acme-3", "acme-5")).allSatisfy(name -> assertThat(instances.specOf(name)).isEqualTo(V2));
        assertThat(instances.valueOf("acme-2", "broadband")).isEqualTo(broadband("fttn"));
        assertThat(instances.specOf("acme-4")).isEqualTo(V1);
        assertThat(instances.specOf("beta-1")).isEqualTo(V1);
    }

    @Test
    void aFinishedRunIsVerifiedInTheReport() {
        checkedAndRemedied();

        execution().run();

        String acme4 = instances.instance("acme-4").uuid;
        assertThat(wizard.reportProperty().get()).isEqualTo(String.join(System.lineSeparator(),
                "Run completed: 4 moved, 1 excluded, 0 skipped in 3 batches.",
                "Instances of acme remaining on v1.0.0: 1",
                "Left on v1.0.0 by this run:",
                "  1 × excluded: broadband.technology=fw is excluded by the plan",
                "    acme-4 (" + acme4 + "): broadband.technology=fw is excluded by the plan"));
    }

    @Test
    void theRunAsksFirstWithTheCountsFromTheCheck() {
        checkedAndRemedied();
        dialogs.answer = false;

        execution().run();

        assertThat(dialogs.confirmations).containsExactly("Run the migration?: Move 4 of acme's instances from broadband v1.0.0 to v2.0.0, "
                + "rewriting 2 values; batches of 2.\n1 stays on v1.0.0 (excluded by the plan).\nEach batch is recorded; Undo last run puts them back.");
        assertThat(dialogs.actions).containsExactly("Run migration");
        assertThat(instances.allRuns()).isEmpty();
        assertThat(instances.specOf("acme-1")).isEqualTo(V1);
        assertThat(execution().canRunProperty().get()).isTrue();
    }

    @Test
    void undoAsksFirstNamingTheRunAndHowManyGoBack() {
        checkedAndRemedied();
        execution().run();
        MigrationRun run = execution().lastRunProperty().get();
        dialogs.answer = false;

        execution().undo();

        assertThat(dialogs.confirmations.getLast()).startsWith("Undo the last run?: Undo run " + run.uuid() + " (acme's instances, v1.0.0 → v2.0.0, started ")
                .endsWith("by ops): 4 instances go back to v1.0.0 with their original values.");
        assertThat(dialogs.actions.getLast()).isEqualTo("Undo run");
        assertThat(instances.specOf("acme-1")).isEqualTo(V2);
    }

    @Test
    void aDryRunLeavesTheProgressBarEmpty() {
        checkedAndRemedied();

        execution().dryRun();

        assertThat(execution().progressProperty().get()).isZero();
        assertThat(wizard.reportProperty().get()).startsWith("Dry run, nothing written");
    }

    @Test
    void theRunReportsItsProgressBatchByBatch() {
        ManualTaskRunner tasks = waitingWork();
        checkedAndRemedied();
        List<Double> fractions = new java.util.ArrayList<>();
        execution().progressProperty().subscribe(p -> fractions.add(p.doubleValue()));

        execution().run();
        assertThat(execution().runningProperty().get()).isTrue();
        tasks.runNext();

        assertThat(fractions).containsSubsequence(0.4, 0.8, 1.0);
        assertThat(execution().progressMessageProperty().get()).startsWith("5 of 5 · ").endsWith(" left");
    }

    @Test
    void aFailingBatchStopsTheRunAndSaysWhy() {
        checkedAndRemedied();
        instances.failBatch(1);

        execution().run();

        assertThat(wizard.reportProperty().get())
                .startsWith("The migration stopped after 3 of 5 instances: Lost the connection to Neo4j at bolt://127.0.0.1:7687")
                .contains("Every finished batch is kept", "Resume it");
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(execution().runningProperty().get()).isFalse();
        assertThat(instances.specOf("acme-3")).isEqualTo(V1);
    }

    @Test
    void aFailingBatchOffersTheInterruptedRunForResume() {
        checkedAndRemedied();
        instances.failBatch(1);

        execution().run();

        assertThat(execution().lastRunProperty().get().status()).isEqualTo(MigrationRun.Status.INTERRUPTED);
        assertThat(execution().lastRunProperty().get().migrated()).isEqualTo(3);
    }

    @Test
    void resumingAnInterruptedRunMovesWhatIsLeft() {
        checkedAndRemedied();
        instances.failBatch(1);
        execution().run();

        execution().resume();

        assertThat(instances.specOf("acme-3")).isEqualTo(V2);
        assertThat(instances.valueOf("acme-3", "broadband")).isEqualTo(broadband("fttn"));
        assertThat(instances.specOf("acme-4")).isEqualTo(V1);
        assertThat(execution().lastRunProperty().get().status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(wizard.reportProperty().get()).startsWith("Run completed: 4 moved, 1 excluded, 0 skipped in 3 batches.");
    }

    /** Runs acme's migration in batches of one and presses Pause when the first batch has landed. */
    String runAndPauseAfterTheFirstBatch() {
        checkedAndRemedied();
        execution().batchSizeProperty().set(1);
        String[] shown = new String[1];
        execution().progressProperty().subscribe(p -> {
            if (shown[0] == null && p.doubleValue() > 0 && p.doubleValue() < 1) {
                execution().pause();
                shown[0] = execution().progressMessageProperty().get();
            }
        });
        execution().run();
        settle.run();
        return shown[0];
    }

    @Test
    void aDryRunCanBeStoppedBetweenBatchesAndSaysHowFarItGotWithNothingWritten() {
        waitingWork();
        checkedAndRemedied();
        execution().batchSizeProperty().set(1);
        execution().progressProperty().subscribe(p -> {
            if (p.doubleValue() > 0 && p.doubleValue() < 1) {
                execution().pause();
            }
        });

        execution().dryRun();
        settle.run();

        assertThat(wizard.reportProperty().get()).startsWith("Dry run stopped after 1 of 5 instances, nothing written: of those, ");
        assertThat(instances.specOf("acme-1")).isEqualTo(V1);
        assertThat(execution().runningProperty().get()).isFalse();
        assertThat(wizard.busyProperty().get()).isFalse();
    }

    @Test
    void pausingLetsTheBatchesInFlightLandAndStops() {
        waitingWork();

        String shown = runAndPauseAfterTheFirstBatch();

        assertThat(shown).isEqualTo("Pausing after the batches in flight…");
        MigrationRun paused = execution().lastRunProperty().get();
        assertThat(paused.status()).isEqualTo(MigrationRun.Status.PAUSED);
        assertThat(paused.migrated()).isEqualTo(2);
        assertThat(instances.specOf("acme-2")).isEqualTo(V2);
        assertThat(instances.specOf("acme-3")).isEqualTo(V1);
        assertThat(execution().runningProperty().get()).isFalse();
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(wizard.reportProperty().get()).startsWith("Run paused: 2 moved, 0 excluded, 0 skipped in 2 batches.");
    }

    @Test
    void aPausedRunResumesToTheEnd() {
        waitingWork();
        runAndPauseAfterTheFirstBatch();

        execution().resume();
        assertThat(execution().runningProperty().get()).isTrue();
        settle.run();

        assertThat(execution().lastRunProperty().get().status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(List.of("acme-1", "acme-2", "acme-3", "acme-5")).allSatisfy(name -> assertThat(instances.specOf(name)).isEqualTo(V2));
        assertThat(wizard.reportProperty().get()).startsWith("Run completed: 4 moved, 1 excluded, 0 skipped in 5 batches.");
    }

    @Test
    void pauseDoesNothingWhenNoRunIsGoing() {
        waitingWork();
        checkedAndRemedied();

        execution().pause();

        assertThat(execution().progressMessageProperty().get()).isEmpty();
    }

    @Test
    void undoPutsEveryMovedInstanceBackWithItsValues() {
        checkedAndRemedied();
        execution().run();
        MigrationRun run = execution().lastRunProperty().get();

        execution().undo();

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
        execution().run();

        execution().undo();

        assertThat(execution().lastRunProperty().get()).isNull();
        assertThat(wizard.busyProperty().get()).isFalse();
    }

    @Test
    void aChosenRelabelSwapsTheMovedInstancesLabels() {
        instances.add(V2, "other-1", Map.of("broadband", broadband("fttp")), "BroadbandV2", "Instance", "Provider");
        checkedAndRemedied();

        remedies().relabelProperty().set(true);
        execution().run();

        assertThat(instances.allRuns().getFirst().relabel()).isEqualTo(new Relabel(List.of("Broadband"), List.of("BroadbandV2")));
        assertThat(instances.labelsOf("acme-2")).contains("BroadbandV2").doesNotContain("Broadband");
        assertThat(instances.labelsOf("acme-4")).contains("Broadband").doesNotContain("BroadbandV2");
    }

    @Test
    void theDryRunsTableListsEachRewrittenFieldAndEachInstanceLeftWithItsReason() {
        checkedAndRemedied();

        execution().dryRun();

        assertThat(execution().rows()).extracting(OutcomeRow::instance, OutcomeRow::field, OutcomeRow::before, OutcomeRow::after, OutcomeRow::outcome)
                .contains(tuple("acme-2", "technology", "fttb", "fttn", "remedied"));
        assertThat(execution().rows()).filteredOn(r -> r.outcome().equals("excluded")).singleElement()
                .satisfies(r -> assertThat(r.instance()).isEqualTo("acme-4")).satisfies(r -> assertThat(r.reason()).isNotBlank());
        assertThat(execution().rows()).filteredOn(r -> r.instance().equals("acme-2")).singleElement()
                .satisfies(r -> assertThat(r.change()).isEqualTo("technology: fttb → fttn"))
                .satisfies(r -> assertThat(r.rawBefore()).isEqualTo(broadband("fttb")));
        assertThat(execution().rowsTitleProperty().get()).startsWith("Dry run: ");
    }

    @Test
    void copiedRowsAreTabSeparatedWithAHeader() {
        checkedAndRemedied();
        execution().dryRun();
        OutcomeRow acme2 = execution().rows().stream().filter(r -> r.instance().equals("acme-2")).findFirst().orElseThrow();

        assertThat(execution().copyText(List.of(acme2)).lines().toList()).containsExactly(
                "instance\tinstance_uuid\tcharacteristic\tfield\tbefore\tafter\toutcome\treason",
                "acme-2\t" + acme2.instanceUuid() + "\tbroadband\ttechnology\tfttb\tfttn\tremedied\t");
        assertThat(execution().copyAllText().lines()).hasSize(execution().rows().size() + 1);
    }

    @Test
    void afterARunTheTableListsWhatTheRunRewroteAndLeft() {
        checkedAndRemedied();

        execution().run();

        assertThat(execution().rowsTitleProperty().get()).startsWith("Verify: ");
        assertThat(execution().rows()).extracting(OutcomeRow::instance, OutcomeRow::change, OutcomeRow::outcome)
                .contains(tuple("acme-2", "technology: fttb → fttn", "remedied"), tuple("acme-4", "", "excluded"));
    }

    @Test
    void theExportWritesOneRowPerInstanceAndSaysWhere(@TempDir Path dir) throws Exception {
        checkedAndRemedied();
        execution().run();
        Path file = dir.resolve("run.csv");

        execution().exportCsv(file);

        List<String> rows = Files.readAllLines(file);
        assertThat(rows.getFirst()).startsWith("run,rsp,batch,instance_uuid,outcome");
        assertThat(rows).filteredOn(r -> r.contains(",moved,")).hasSize(4);
        assertThat(rows).filteredOn(r -> r.contains(",excluded,")).singleElement().asString().contains(instances.instance("acme-4").uuid);
        assertThat(wizard.reportProperty().get()).endsWith("Results written to " + file);
    }

    @Test
    void anInterruptedRunThatCannotBeReadBackIsSaidNotSwallowed() {
        ManualTaskRunner tasks = waitingWork();
        checkedAndRemedied();
        instances.failBatch(1);
        execution().run();
        tasks.runNext();
        runsUnreadable = new dev.diffo.admin.domain.DiffoAdminException("Lost the connection to Neo4j", "Reconnect, then press Resume.");

        settle.run();

        assertThat(wizard.reportProperty().get())
                .startsWith("The migration stopped after 3 of 5 instances")
                .endsWith("The interrupted run could not be offered for Resume: Lost the connection to Neo4j\nReconnect, then press Resume.");
        assertThat(execution().lastRunProperty().get()).isNull();
        assertThat(wizard.busyProperty().get()).isFalse();
    }
}
