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

/** The wizard's first step: sources and targets, the RSP and name filter, and the live count of what a check would select. */
class SelectionViewModelTest extends WizardFixture {

    @Test
    void theSourcesAreTheCatalogueByNameThenMajor() {
        wizard.reload();

        assertThat(selection().sourcesProperty()).extracting(Specification::uuid).containsExactly(V1, V2, V3, ROUTER_V1, ROUTER_V2);
    }

    @Test
    void aSourceOffersOnlyNewerCurrentMajorsOfTheSameName() {
        wizard.reload();

        selection().sourceProperty().set(source(V1));

        assertThat(selection().targetsProperty()).extracting(Specification::uuid).containsExactly(V2);
        assertThat(selection().targetProperty().get().uuid()).isEqualTo(V2);
    }

    @Test
    void theNewestOfferedMajorIsTheTargetChosenFirst() {
        catalogue.specifications.add(spec(V4, "broadband", 4, SpecificationStatus.CURRENT));
        wizard.reload();

        selection().sourceProperty().set(source(V1));

        assertThat(selection().targetsProperty()).extracting(Specification::uuid).containsExactly(V2, V4);
        assertThat(selection().targetProperty().get().uuid()).isEqualTo(V4);
    }

    @Test
    void aSourceWithNoNewerCurrentMajorHasNoTargetAndCannotBeChecked() {
        wizard.reload();
        selection().rspProperty().set("acme");

        selection().sourceProperty().set(source(V2));

        assertThat(selection().targetsProperty()).isEmpty();
        assertThat(selection().targetProperty().get()).isNull();
        assertThat(remedies().canCheckProperty().get()).isFalse();
    }

    @Test
    void aCheckNeedsAnRsp() {
        wizard.reload();
        selection().sourceProperty().set(source(V1));
        selection().rspProperty().set("   ");
        assertThat(remedies().canCheckProperty().get()).isFalse();

        selection().rspProperty().set("acme");

        assertThat(remedies().canCheckProperty().get()).isTrue();
    }

    @Test
    void theRspAndTheNameFilterCountTheSelectionAsTheyAreTyped() {
        choose();
        assertThat(selection().selectionCountProperty().get()).isEqualTo("5 selected");

        selection().nameFilterProperty().set("-2");

        assertThat(selection().selectionCountProperty().get()).isEqualTo("1 selected");
    }

    @Test
    void aNewerCountSupersedesOneStillRunning() {
        ManualTaskRunner tasks = waitingWork();
        wizard.reload();
        settle.run();
        selection().sourceProperty().set(source(V1));
        selection().rspProperty().set("acm");
        selection().rspProperty().set("acme");
        assertThat(selection().selectionCountProperty().get()).isEqualTo("counting…");

        tasks.runNewest();
        tasks.runAll();

        assertThat(selection().selectionCountProperty().get()).isEqualTo("5 selected");
    }
}
