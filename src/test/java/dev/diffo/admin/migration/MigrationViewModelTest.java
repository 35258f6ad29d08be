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

/** The wizard as a whole: how its steps follow one another (another selection discards the check; a run marks it used). */
class MigrationViewModelTest extends WizardFixture {

    @Test
    void changingTheRspDiscardsTheCheck() {
        checkedAndRemedied();

        selection().rspProperty().set("beta");

        assertThat(remedies().remediesProperty()).isEmpty();
        assertThat(remedies().checkSummaryProperty().get()).isEmpty();
        assertThat(execution().canRunProperty().get()).isFalse();
        assertThat(selection().selectionCountProperty().get()).isEqualTo("1 selected");
    }

    @Test
    void aFinishedRunIsTheLastRunAndTheWizardKeepsWhatTheRunUsed() {
        checkedAndRemedied();

        execution().run();

        MigrationRun run = execution().lastRunProperty().get();
        assertThat(run.status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(run.migrated()).isEqualTo(4);
        assertThat(run.actor()).isEqualTo("ops");
        assertThat(execution().progressProperty().get()).isEqualTo(1.0);
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(execution().runningProperty().get()).isFalse();
        assertThat(selection().sourceProperty().get().uuid()).isEqualTo(V1);
        assertThat(selection().targetProperty().get().uuid()).isEqualTo(V2);
        assertThat(remedies().remediesProperty()).extracting(r -> r.choice().get()).containsExactlyInAnyOrder("fttn", RemedyChoice.EXCLUDE);
        assertThat(remedies().planUsedProperty().get()).isTrue();
        assertThat(execution().canRunProperty().get()).isFalse();
        assertThat(selection().selectionCountProperty().get()).isEqualTo("1 selected");
        assertThat(wizard.finishedRunsProperty().get()).isEqualTo(1);
        assertThat(remedies().checkSummaryProperty().get()).startsWith("The last run's check: 5 of acme's instances on broadband v1.0.0")
                .endsWith("Check again before another run.").doesNotContain("..");
    }

    @Test
    void aReloadKeepsTheChosenTargetAndOffersANewMajor() {
        choose();
        selection().targetProperty().set(selection().targetsProperty().stream().filter(t -> t.uuid().equals(V2)).findFirst().orElseThrow());
        remedies().check();
        catalogue.specifications.add(spec(V4, "broadband", 4, SpecificationStatus.CURRENT));

        wizard.reload();

        assertThat(selection().targetsProperty()).extracting(Specification::uuid).containsExactly(V2, V4);
        assertThat(selection().targetProperty().get().uuid()).isEqualTo(V2);
        assertThat(remedies().checkSummaryProperty().get()).isNotEmpty();
    }

    @Test
    void theWizardMovesFromChoosingToRemediesToRunning() {
        assertThat(wizard.stepProperty().get()).isEqualTo(MigrationViewModel.Step.CHOOSE);
        choose();
        remedies().check();
        assertThat(wizard.stepProperty().get()).isEqualTo(MigrationViewModel.Step.REMEDY);

        remedy(FTTB).choice().set("fttn");
        remedy(FW).choice().set(RemedyChoice.EXCLUDE);

        assertThat(wizard.stepProperty().get()).isEqualTo(MigrationViewModel.Step.RUN);
    }
}
