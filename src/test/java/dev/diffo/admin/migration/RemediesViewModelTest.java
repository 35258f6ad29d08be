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

/** The wizard's second step: the check, a remedy per offending value, the relabel offer, and the plan the remedies make. */
class RemediesViewModelTest extends WizardFixture {

    @Test
    void aCheckStillReadingCanBeCancelledAndLeavesNoCheckBehind() {
        ManualTaskRunner tasks = waitingWork();
        choose();
        settle.run();

        remedies().check();
        assertThat(remedies().checkingProperty().get()).isTrue();
        assertThat(wizard.busyProperty().get()).isTrue();
        remedies().cancelCheck();
        tasks.runAll();

        assertThat(remedies().checkingProperty().get()).isFalse();
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(remedies().checkProperty().get()).isNull();
        assertThat(remedies().remediesProperty()).isEmpty();
        assertThat(wizard.reportProperty().get()).startsWith("Check cancelled: nothing was written");
        assertThat(instances.allRuns()).isEmpty();
    }

    @Test
    void theCheckSummarisesTheSelectionAndWhatNeedsRemediation() {
        choose();

        remedies().check();

        assertThat(remedies().checkSummaryProperty().get())
                .isEqualTo("5 of acme's instances on broadband v1.0.0 · 3 need remediation before moving to v2.0.0");
        assertThat(wizard.busyProperty().get()).isFalse();
    }

    @Test
    void theCheckOffersOneRemedyPerOffendingValue() {
        choose();

        remedies().check();

        assertThat(remedies().remediesProperty()).extracting(RemedyChoice::describe)
                .containsExactly("2 instances with broadband.technology = fttb", "1 instance with broadband.technology = fw");
        assertThat(remedy(FTTB).options()).containsExactly("fttc", "fttn", "fttp", RemedyChoice.EXCLUDE);
        assertThat(remedy(FTTB).choice().get()).isNull();
    }

    @Test
    void theNameFilterNarrowsTheCheck() {
        choose();
        selection().nameFilterProperty().set("-4");

        remedies().check();

        assertThat(remedies().checkSummaryProperty().get())
                .isEqualTo("1 of acme's instances named *-4* on broadband v1.0.0 · 1 need remediation before moving to v2.0.0");
        assertThat(remedies().remediesProperty()).extracting(RemedyChoice::offence).containsExactly(FW);
    }

    @Test
    void choosingARemedyForEveryOffendingValueEnablesTheRun() {
        choose();
        remedies().check();

        remedy(FTTB).choice().set("fttn");
        remedy(FW).choice().set(RemedyChoice.EXCLUDE);

        assertThat(execution().canRunProperty().get()).isTrue();
    }

    @Test
    void aSelectionTheTargetAllowsWholeNeedsNoRemedy() {
        choose();
        selection().nameFilterProperty().set("-1");

        remedies().check();

        assertThat(remedies().checkSummaryProperty().get()).endsWith("· all allowed by v2.0.0: nothing to remediate");
        assertThat(remedies().remediesProperty()).isEmpty();
        assertThat(execution().canRunProperty().get()).isTrue();
    }

    @Test
    void theRemediesChosenMakeThePlan() {
        checkedAndRemedied();

        MigrationPlan plan = execution().plan();

        assertThat(plan.rsp()).isEqualTo("acme");
        assertThat(plan.sourceUuid()).isEqualTo(V1);
        assertThat(plan.targetUuid()).isEqualTo(V2);
        assertThat(plan.mapping()).isEqualTo(Map.of("broadband.technology", Map.of("fttb", "fttn")));
        assertThat(plan.excluded()).containsExactly(FW);
        assertThat(plan.batchSize()).isEqualTo(2);
        assertThat(plan.perInstance()).isEmpty();
        assertThat(plan.relabel()).isNull();
    }

    @Test
    void aCheckTheServiceRefusesIsReported() {
        choose();
        catalogue.specifications.replaceAll(s -> s.uuid().equals(V2) ? spec(V2, "broadband", 2, SpecificationStatus.FROZEN) : s);

        remedies().check();

        assertThat(wizard.reportProperty().get())
                .isEqualTo("broadband v2 is frozen\nA frozen or withdrawn major takes no new instances; choose a current one.");
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(execution().canRunProperty().get()).isFalse();
    }

    @Test
    void theRelabelOfferIsShownButLabelsAreKeptUnlessChosen() {
        instances.add(V2, "other-1", Map.of("broadband", broadband("fttp")), "BroadbandV2", "Instance", "Provider");
        checkedAndRemedied();

        assertThat(remedies().relabelOfferProperty().get()).isEqualTo("Relabel moved instances :Broadband → :BroadbandV2");
        assertThat(remedies().labelNoteProperty().get()).startsWith("Moved instances keep their labels");
        assertThat(execution().plan().relabel()).isNull();
    }

    @Test
    void aUsedChecksSummarySaysCheckAgainAfterOneFullStop() {
        assertThat(RemediesViewModel.used("2 of acme's instances on broadband v1.0.0 · 1 need remediation before moving to v2.0.0"))
                .isEqualTo("The last run's check: 2 of acme's instances on broadband v1.0.0 · 1 need remediation before moving to v2.0.0. "
                        + "Check again before another run.");
        assertThat(RemediesViewModel.used("2 of acme's instances … v2.0.0\nValues judged from the counts kept since … as it moves it."))
                .endsWith("as it moves it. Check again before another run.");
    }
}
