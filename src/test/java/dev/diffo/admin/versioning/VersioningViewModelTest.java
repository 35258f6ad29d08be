package dev.diffo.admin.versioning;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.repository.FakeVersioningRepository;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The actions on the selected version, without a toolkit or a database: what is enabled, what reaches the service, what the user is told. */
class VersioningViewModelTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final List<CharacteristicRule> RULES = List.of(
            new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fttb"), false),
            new CharacteristicRule("speed", null, ValueType.INTEGER, List.of(), true));

    static Specification broadband(SpecificationStatus status) {
        return new Specification(V1, "broadband", SpecificationType.SERVICE, 1, 2, 0, 4, "Broadband", "Access", null,
                ZonedDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC), 4, List.of(), status);
    }

    final FakeVersioningRepository repository = new FakeVersioningRepository();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final VersioningViewModel versioning = new VersioningViewModel(new VersioningService(repository, new Operator("ops"), new CurrentAccess()), new ImmediateTaskRunner(), dialogs);

    /** broadband v1 in this state, selected in the catalogue. */
    Specification selected(SpecificationStatus status) {
        Specification spec = broadband(status);
        repository.put(spec, RULES);
        versioning.specificationProperty().set(spec);
        return spec;
    }

    @Test
    void nothingCanBeDoneWithoutASelection() {
        assertThat(versioning.canEditProperty().get()).isFalse();
        assertThat(versioning.canFreezeProperty().get()).isFalse();
        assertThat(versioning.canUnfreezeProperty().get()).isFalse();
        assertThat(versioning.canWithdrawProperty().get()).isFalse();
        assertThat(versioning.canDeleteProperty().get()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # status,  edit,  freeze, unfreeze, withdraw, delete
            CURRENT,   true,  true,   false,    true,     true
            FROZEN,    true,  false,  true,     true,     true
            WITHDRAWN, false, false,  false,    false,    true
            """)
    void whatCanBeDoneFollowsTheSelectedMajorsStatus(SpecificationStatus status, boolean edit, boolean freeze, boolean unfreeze, boolean withdraw,
                                                     boolean delete) {
        selected(status);

        assertThat(versioning.canEditProperty().get()).as("edit").isEqualTo(edit);
        assertThat(versioning.canFreezeProperty().get()).as("freeze").isEqualTo(freeze);
        assertThat(versioning.canUnfreezeProperty().get()).as("unfreeze").isEqualTo(unfreeze);
        assertThat(versioning.canWithdrawProperty().get()).as("withdraw").isEqualTo(withdraw);
        assertThat(versioning.canDeleteProperty().get()).as("delete").isEqualTo(delete);
    }

    @Test
    void selectingAVersionShowsWhatItAllows() {
        selected(SpecificationStatus.CURRENT);

        assertThat(versioning.rulesTextProperty().get()).isEqualTo("broadband.technology ∈ {fttc, fttb}\nspeed: integer (any), required");
    }

    @Test
    void aVersionWithoutRulesSaysNoneAreRecorded() {
        Specification spec = broadband(SpecificationStatus.CURRENT);
        repository.put(spec, List.of());

        versioning.specificationProperty().set(spec);

        assertThat(versioning.rulesTextProperty().get()).startsWith("not recorded (diffo keeps allowed values in its code)");
    }

    @Test
    void aMinorOpensTheEditorWithTheRulesAsTheyAre() {
        Specification spec = selected(SpecificationStatus.CURRENT);

        versioning.minor();

        assertThat(versioning.editRequestProperty().get()).isEqualTo(new VersioningViewModel.EditRequest(SpecEditorViewModel.Mode.MINOR, spec, RULES));
        assertThat(versioning.busyProperty().get()).isFalse();
    }

    @Test
    void aHandledEditRequestCanBeMadeAgain() {
        selected(SpecificationStatus.CURRENT);
        versioning.major();

        versioning.editRequestHandled();

        assertThat(versioning.editRequestProperty().get()).isNull();
    }

    @Test
    void creatingOpensAnEmptyEditor() {
        versioning.create();

        assertThat(versioning.editRequestProperty().get()).isEqualTo(new VersioningViewModel.EditRequest(SpecEditorViewModel.Mode.CREATE, null, List.of()));
    }

    @Test
    void freezingRecordsWhoFrozeItAndCountsAChange() {
        selected(SpecificationStatus.CURRENT);

        versioning.freeze();

        assertThat(repository.specifications.get(V1).status()).isEqualTo(SpecificationStatus.FROZEN);
        assertThat(repository.events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(VersionEvent.Action.FROZEN);
            assertThat(e.actor()).isEqualTo("ops");
        });
        assertThat(versioning.changesProperty().get()).isEqualTo(1);
        assertThat(versioning.busyProperty().get()).isFalse();
    }

    @Test
    void aRefusedChangeIsShownThroughTheDialogService() {
        selected(SpecificationStatus.CURRENT);
        repository.specifications.remove(V1);

        versioning.freeze();

        assertThat(dialogs.errors).containsExactly("The change was not made: Specification " + V1 + " does not exist");
        assertThat(versioning.changesProperty().get()).isZero();
        assertThat(versioning.busyProperty().get()).isFalse();
    }

    @Test
    void withdrawingFirstShowsTheInstancesStillStandingPerRsp() {
        selected(SpecificationStatus.CURRENT);
        repository.instancesPerRsp.put(V1, new java.util.LinkedHashMap<>(Map.of("acme", 3L)));
        repository.instancesPerRsp.get(V1).put("beta", 1L);
        dialogs.answer = false;

        versioning.withdraw();

        assertThat(dialogs.confirmations).containsExactly("Withdraw broadband v1?: 4 instances still stand on broadband v1:\n"
                + "  acme (by name prefix): 3\n  beta (by name prefix): 1\nThey keep working and stay listed under the withdrawn major; it takes no new instances.");
        assertThat(dialogs.actions).containsExactly("Withdraw v1");
    }

    @Test
    void aConfirmedWithdrawalWithdraws() {
        selected(SpecificationStatus.CURRENT);

        versioning.withdraw();

        assertThat(dialogs.confirmations).singleElement().asString().endsWith("No instance stands on broadband v1. After withdrawal it takes no new instances.");
        assertThat(repository.specifications.get(V1).status()).isEqualTo(SpecificationStatus.WITHDRAWN);
        assertThat(versioning.changesProperty().get()).isEqualTo(1);
    }

    @Test
    void aDeclinedWithdrawalChangesNothing() {
        selected(SpecificationStatus.CURRENT);
        dialogs.answer = false;

        versioning.withdraw();

        assertThat(repository.specifications.get(V1).status()).isEqualTo(SpecificationStatus.CURRENT);
        assertThat(versioning.changesProperty().get()).isZero();
        assertThat(versioning.busyProperty().get()).isFalse();
    }

    @Test
    void aConfirmedDeleteDeletesAndClearsTheSelection() {
        selected(SpecificationStatus.CURRENT);

        versioning.delete();

        assertThat(repository.specifications).doesNotContainKey(V1);
        assertThat(versioning.specificationProperty().get()).isNull();
        assertThat(versioning.changesProperty().get()).isEqualTo(1);
    }

    @Test
    void aDeleteRefusedWhileInstancesStandIsShownAndKeepsTheSelection() {
        Specification spec = selected(SpecificationStatus.CURRENT);
        repository.instancesPerRsp.put(V1, Map.of("acme", 3L));

        versioning.delete();

        assertThat(dialogs.errors).singleElement().asString().startsWith("The change was not made: Cannot delete broadband v1.2.0: 3 instance(s)");
        assertThat(repository.specifications).containsKey(V1);
        assertThat(versioning.specificationProperty().get()).isEqualTo(spec);
    }

    @Test
    void aDeclinedDeleteAsksButDoesNothing() {
        selected(SpecificationStatus.CURRENT);
        dialogs.answer = false;

        versioning.delete();

        assertThat(dialogs.confirmations).singleElement().asString().startsWith("Delete broadband v1.2.0?: ")
                .contains("4 instances standing on it", "refused");
        assertThat(dialogs.actions).containsExactly("Delete v1.2.0");
        assertThat(repository.specifications).containsKey(V1);
        assertThat(versioning.changesProperty().get()).isZero();
    }

    @Test
    void freezingAsksFirstNamingTheVersionAndItsInstances() {
        selected(SpecificationStatus.CURRENT);
        dialogs.answer = false;

        versioning.freeze();

        assertThat(dialogs.confirmations).containsExactly("Freeze broadband v1?: broadband v1.2.0 takes no new instances once frozen. "
                + "The 4 instances standing on it stay as they are. Unfreeze undoes it.");
        assertThat(dialogs.actions).containsExactly("Freeze v1");
        assertThat(repository.specifications.get(V1).status()).isEqualTo(SpecificationStatus.CURRENT);
    }

    @Test
    void aConfirmedFreezeFreezes() {
        selected(SpecificationStatus.CURRENT);

        versioning.freeze();

        assertThat(repository.specifications.get(V1).status()).isEqualTo(SpecificationStatus.FROZEN);
        assertThat(versioning.changesProperty().get()).isEqualTo(1);
    }

    @Test
    void publishingAMajorWithAnOlderMajorSelectedStartsFromTheLatest() {
        selected(SpecificationStatus.CURRENT);
        Specification v2 = new Specification("f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c", "broadband", SpecificationType.SERVICE, 2, 0, 0, 4, "Broadband",
                "Access", null, null, 1, List.of(), SpecificationStatus.CURRENT);
        List<CharacteristicRule> v2Rules = List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fw"), false));
        repository.put(v2, v2Rules);

        versioning.major();

        assertThat(versioning.editRequestProperty().get().mode()).isEqualTo(SpecEditorViewModel.Mode.MAJOR);
        assertThat(versioning.editRequestProperty().get().specification()).isEqualTo(v2);
        assertThat(versioning.editRequestProperty().get().rules()).isEqualTo(v2Rules);
    }
}
