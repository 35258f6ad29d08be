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

/** The per-instance browser: the instances carrying an offending value, a page at a time, each with its own remedy. */
class InstanceRemediesViewModelTest extends WizardFixture {

    @Test
    void theInstancesCarryingAValueAreListedEachFollowingTheGroup() {
        checkedAndRemedied();

        showInstances(remedy(FTTB), "");

        assertThat(browser.instanceChoicesProperty()).extracting(InstanceRemediesViewModel.InstanceChoice::name).containsExactly("acme-2", "acme-3");
        assertThat(instanceChoice("acme-2").options())
                .containsExactly(RemedyChoice.AS_GROUP, "fttc", "fttn", "fttp", RemedyChoice.EXCLUDE);
        assertThat(instanceChoice("acme-2").choice().get()).isEqualTo(RemedyChoice.AS_GROUP);
        assertThat(browser.moreInstancesProperty().get()).isFalse();
    }

    @Test
    void ownRemediesAreSummarisedAndGoIntoThePlan() {
        checkedAndRemedied();
        showInstances(remedy(FTTB), "");

        instanceChoice("acme-2").choice().set("fttp");
        instanceChoice("acme-3").choice().set(RemedyChoice.EXCLUDE);

        assertThat(remedies().perInstanceSummaryProperty().get()).isEqualTo("Own remedies for 2 instances (1 excluded, 1 remapped)");
        assertThat(execution().plan().perInstance()).isEqualTo(Map.of(
                instances.instance("acme-2").uuid, InstanceRemedy.mapTo("broadband.technology", "fttp"),
                instances.instance("acme-3").uuid, InstanceRemedy.excluded()));
    }

    @Test
    void choosingAsTheGroupAgainDropsTheOwnRemedy() {
        checkedAndRemedied();
        showInstances(remedy(FTTB), "");
        instanceChoice("acme-2").choice().set("fttp");

        instanceChoice("acme-2").choice().set(RemedyChoice.AS_GROUP);

        assertThat(remedies().perInstanceSummaryProperty().get()).isEmpty();
        assertThat(execution().plan().perInstance()).isEmpty();
    }

    @Test
    void listingTheInstancesAgainShowsTheOwnRemediesChosen() {
        checkedAndRemedied();
        showInstances(remedy(FTTB), "");
        instanceChoice("acme-2").choice().set("fttp");

        showInstances(remedy(FTTB), "");

        assertThat(instanceChoice("acme-2").choice().get()).isEqualTo("fttp");
        assertThat(instanceChoice("acme-3").choice().get()).isEqualTo(RemedyChoice.AS_GROUP);
    }

    @Test
    void ownRemediesReachTheRun() {
        checkedAndRemedied();
        showInstances(remedy(FTTB), "");
        instanceChoice("acme-2").choice().set("fttp");
        instanceChoice("acme-3").choice().set(RemedyChoice.EXCLUDE);

        execution().run();

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
        showInstances(remedy(FTTB), "");
        assertThat(browser.instanceChoicesProperty()).hasSize(InstanceRemediesViewModel.INSTANCE_PAGE);
        assertThat(browser.moreInstancesProperty().get()).isTrue();

        browser.more();

        assertThat(browser.instanceChoicesProperty()).hasSize(152);
        assertThat(browser.instanceChoicesProperty().getLast().name()).isEqualTo("acme-bulk-149");
        assertThat(browser.moreInstancesProperty().get()).isFalse();
    }

    @Test
    void theInstanceListFindsNamesContainingTheTextInAnyCase() {
        for (int i = 0; i < 30; i++) {
            instances.add(V1, String.format("acme-bulk-%03d", i), Map.of("broadband", broadband("fttb")));
        }
        checkedAndRemedied();

        showInstances(remedy(FTTB), "BULK-01");

        assertThat(browser.instanceChoicesProperty()).extracting(InstanceRemediesViewModel.InstanceChoice::name)
                .containsExactly("acme-bulk-010", "acme-bulk-011", "acme-bulk-012", "acme-bulk-013", "acme-bulk-014",
                        "acme-bulk-015", "acme-bulk-016", "acme-bulk-017", "acme-bulk-018", "acme-bulk-019");
    }

    @Test
    void aListThatCannotBeReadSaysWhyInTheBrowser() {
        checkedAndRemedied();
        carryingUnreadable = new dev.diffo.admin.domain.DiffoAdminException("Lost the connection to Neo4j", "Reconnect, then Find again.");

        showInstances(remedy(FTTB), "");

        assertThat(browser.errorProperty().get()).isEqualTo("Lost the connection to Neo4j\nReconnect, then Find again.");
        assertThat(browser.instanceChoicesProperty()).isEmpty();
        assertThat(browser.busyProperty().get()).isFalse();
    }
}
