package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.ConcurrentChangeException;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.NewSpecification;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationChange;
import dev.diffo.admin.domain.SpecificationExistsException;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.ValueInUse;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.domain.VersionEvent.Action;
import dev.diffo.admin.repository.VersioningRepository.EventDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the versioning service relies on from a {@link VersioningRepository}: create refuses an existing
 * {@code {name, major}} or a taken id, changes apply in place only on the state they were made from, patch and
 * update change only the fields given, status and recorded rules leave diffo's node alone, delete is refused while
 * instances stand, and every change leaves an event read back in order. Specifications are put in through
 * {@link VersioningRepository#create}; only instances come from a seeding hook. Run over the fake and over Neo4j.
 */
abstract class VersioningRepositoryContract {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final CharacteristicRule TECHNOLOGY = new CharacteristicRule("broadband", "technology", CharacteristicRule.ValueType.STRING,
            List.of("fttb", "fttp"), false);
    static final CharacteristicRule SPEED = new CharacteristicRule("broadband", "speed", CharacteristicRule.ValueType.INTEGER, List.of(), true);
    static final CharacteristicRule ACCESS = new CharacteristicRule("access", null, CharacteristicRule.ValueType.STRING, List.of("managed"), false);

    protected abstract VersioningRepository repository();

    /** Puts an instance on the specification carrying a broadband value with this technology (its RSP is its name's prefix). */
    protected abstract void seedInstance(String specificationUuid, String name, String technology);

    static EventDraft event(Action action) {
        return new EventDraft(action, "alice", "because " + action.name().toLowerCase(java.util.Locale.ROOT));
    }

    private Specification createV1() {
        return repository().create(new NewSpecification(V1, "broadband", SpecificationType.SERVICE, 1, "A broadband service", "Access",
                List.of(TECHNOLOGY)), event(Action.CREATED));
    }

    private Specification publishV2() {
        return repository().create(new NewSpecification(V2, "broadband", SpecificationType.SERVICE, 2, "Broadband, fttb retired", "Access",
                List.of(TECHNOLOGY, SPEED)), event(Action.MAJOR_PUBLISHED));
    }

    @Test
    void createWritesVersionOneZeroZeroFoundByIdentityAndAsTheLatestMajor() {
        Specification v1 = createV1();
        publishV2();

        assertThat(v1.uuid()).isEqualTo(V1);
        assertThat(v1.version()).isEqualTo("v1.0.0");
        assertThat(v1.type()).isEqualTo(SpecificationType.SERVICE);
        assertThat(v1.description()).isEqualTo("A broadband service");
        assertThat(v1.category()).isEqualTo("Access");
        assertThat(v1.status()).isEqualTo(SpecificationStatus.CURRENT);
        assertThat(v1.createdAt()).isNotNull().isEqualTo(v1.updatedAt());
        assertThat(repository().find("broadband", 1)).map(Specification::uuid).contains(V1);
        assertThat(repository().find("broadband", 3)).isEmpty();
        assertThat(repository().latestMajor("broadband")).map(Specification::uuid).contains(V2);
        assertThat(repository().latestMajor("router")).isEmpty();
        assertThat(repository().majors("broadband")).extracting(Specification::uuid).containsExactly(V1, V2);
    }

    @Test
    void createGivesANewIdWhenNoneIsGivenAndStoresBlankTextAsAbsent() {
        Specification created = repository().create(new NewSpecification(null, "router", SpecificationType.RESOURCE, 1, "  ", "  Equipment ", null),
                event(Action.CREATED));

        assertThat(created.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(created.type()).isEqualTo(SpecificationType.RESOURCE);
        assertThat(created.description()).isNull();
        assertThat(created.category()).isEqualTo("Equipment");
        assertThat(repository().rules(created.uuid())).isEmpty();
    }

    @Test
    void createRefusesAnExistingNameAndMajorWritingNothing() {
        createV1();

        assertThatThrownBy(() -> repository().create(new NewSpecification(null, "broadband", SpecificationType.SERVICE, 1, "overwritten?", "Other",
                List.of(SPEED)), event(Action.CREATED)))
                .isInstanceOf(SpecificationExistsException.class)
                .satisfies(e -> assertThat(((SpecificationExistsException) e).existing().uuid()).isEqualTo(V1));

        assertThat(repository().find("broadband", 1).orElseThrow().description()).isEqualTo("A broadband service");
        assertThat(repository().rules(V1)).containsExactly(TECHNOLOGY);
        assertThat(repository().history("broadband")).hasSize(1);
    }

    @Test
    void createRefusesAnIdAnotherSpecificationOwnsWritingNothing() {
        createV1();

        assertThatThrownBy(() -> repository().create(new NewSpecification(V1, "fibre", SpecificationType.SERVICE, 1, null, null, null),
                event(Action.CREATED))).isInstanceOf(DiffoAdminException.class).hasMessageContaining(V1);

        assertThat(repository().find("fibre", 1)).isEmpty();
        assertThat(repository().history("fibre")).isEmpty();
    }

    @Test
    void rulesAreReadBackByCharacteristicThenField() {
        repository().create(new NewSpecification(V1, "broadband", SpecificationType.SERVICE, 1, null, null, List.of(TECHNOLOGY, SPEED, ACCESS)),
                event(Action.CREATED));

        assertThat(repository().rules(V1)).containsExactly(ACCESS, SPEED, TECHNOLOGY);
    }

    @Test
    void aPatchBumpsThePatchAndChangesOnlyTheFieldsGivenBlankRemovingOne() {
        Specification v1 = createV1();

        Specification patched = repository().apply(V1, v1.updatedAt(), new SpecificationChange.Patch(null, "Fibre access"), event(Action.PATCH));
        Specification cleared = repository().apply(V1, patched.updatedAt(), new SpecificationChange.Patch("", null), event(Action.PATCH));

        assertThat(patched.version()).isEqualTo("v1.0.1");
        assertThat(patched.description()).isEqualTo("A broadband service");
        assertThat(patched.category()).isEqualTo("Fibre access");
        assertThat(cleared.version()).isEqualTo("v1.0.2");
        assertThat(cleared.description()).isNull();
        assertThat(cleared.category()).isEqualTo("Fibre access");
        assertThat(repository().rules(V1)).containsExactly(TECHNOLOGY);
    }

    @Test
    void aMinorBumpsTheMinorResetsThePatchAndReplacesTheRules() {
        Specification v1 = createV1();
        Specification patched = repository().apply(V1, v1.updatedAt(), new SpecificationChange.Patch("corrected", null), event(Action.PATCH));
        CharacteristicRule wider = new CharacteristicRule("broadband", "technology", CharacteristicRule.ValueType.STRING, List.of("fttb", "fttn", "fttp"), false);

        Specification minor = repository().apply(V1, patched.updatedAt(), new SpecificationChange.Minor(List.of(wider)), event(Action.MINOR));

        assertThat(minor.version()).isEqualTo("v1.1.0");
        assertThat(minor.description()).isEqualTo("corrected");
        assertThat(minor.updatedAt()).isAfter(patched.updatedAt());
        assertThat(repository().rules(V1)).containsExactly(wider);
        assertThat(repository().snapshot(V1)).isEqualTo(new SpecificationSnapshot("v1.1.0", "corrected", "Access", SpecificationStatus.CURRENT, List.of(wider)));
    }

    @Test
    void aChangeMadeFromAnOlderStateIsRefusedWritingNothing() {
        Specification v1 = createV1();
        repository().apply(V1, v1.updatedAt(), new SpecificationChange.Patch("first", null), event(Action.PATCH));

        assertThatThrownBy(() -> repository().apply(V1, v1.updatedAt(), new SpecificationChange.Patch("second", null), event(Action.PATCH)))
                .isInstanceOf(ConcurrentChangeException.class);

        assertThat(repository().snapshot(V1).version()).isEqualTo("v1.0.1");
        assertThat(repository().snapshot(V1).description()).isEqualTo("first");
        assertThat(repository().history("broadband")).extracting(VersionEvent::action).containsExactly(Action.CREATED, Action.PATCH);
    }

    @Test
    void aChangeToASpecificationThatIsGoneIsRefused() {
        assertThatThrownBy(() -> repository().apply(V1, null, new SpecificationChange.Patch("x", null), event(Action.PATCH)))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aStatusChangeAppliesWhateverTheStateAndLeavesDiffosNodeAsItIs() {
        Specification v1 = createV1();
        Specification patched = repository().apply(V1, v1.updatedAt(), new SpecificationChange.Patch("newer", null), event(Action.PATCH));

        Specification frozen = repository().apply(V1, v1.updatedAt(), new SpecificationChange.Status(SpecificationStatus.FROZEN), event(Action.FROZEN));

        assertThat(frozen.status()).isEqualTo(SpecificationStatus.FROZEN);
        assertThat(frozen.version()).isEqualTo("v1.0.1");
        assertThat(frozen.updatedAt()).isEqualTo(patched.updatedAt());
        assertThat(repository().find("broadband", 1).orElseThrow().status()).isEqualTo(SpecificationStatus.FROZEN);
        Specification unfrozen = repository().apply(V1, frozen.updatedAt(), new SpecificationChange.Status(SpecificationStatus.CURRENT), event(Action.UNFROZEN));
        assertThat(unfrozen.status()).isEqualTo(SpecificationStatus.CURRENT);
    }

    @Test
    void recordingRulesChangesOnlyTheRulesNotTheVersionNorItsUpdatedAt() {
        Specification v1 = createV1();

        Specification recorded = repository().apply(V1, v1.updatedAt(), new SpecificationChange.RecordRules(List.of(SPEED)), event(Action.RULES_RECORDED));

        assertThat(recorded.version()).isEqualTo("v1.0.0");
        assertThat(recorded.updatedAt()).isEqualTo(v1.updatedAt());
        assertThat(repository().rules(V1)).containsExactly(SPEED);
        assertThat(repository().history("broadband").getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.RULES_RECORDED);
            assertThat(e.before().rules()).containsExactly(TECHNOLOGY);
            assertThat(e.after().rules()).containsExactly(SPEED);
        });
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGivenAndIsRecorded() {
        createV1();

        Specification updated = repository().update("broadband", 1, null, "Described anew", null, event(Action.CREATED));

        assertThat(updated.description()).isEqualTo("Described anew");
        assertThat(updated.category()).isEqualTo("Access");
        assertThat(updated.type()).isEqualTo(SpecificationType.SERVICE);
        assertThat(updated.version()).isEqualTo("v1.0.0");
        assertThat(repository().rules(V1)).containsExactly(TECHNOLOGY);
        assertThat(repository().history("broadband").getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.UPDATED);
            assertThat(e.before().description()).isEqualTo("A broadband service");
            assertThat(e.after().description()).isEqualTo("Described anew");
        });
        Specification retyped = repository().update("broadband", 1, SpecificationType.RESOURCE, null, "  ", event(Action.UPDATED));
        assertThat(retyped.type()).isEqualTo(SpecificationType.RESOURCE);
        assertThat(retyped.description()).isEqualTo("Described anew");
        assertThat(retyped.category()).isEqualTo("Access");
    }

    @Test
    void anUpdateIsRefusedOnAMissingOrFrozenVersionWritingNothing() {
        Specification v1 = createV1();
        repository().apply(V1, v1.updatedAt(), new SpecificationChange.Status(SpecificationStatus.FROZEN), event(Action.FROZEN));

        assertThatThrownBy(() -> repository().update("broadband", 7, null, "x", null, event(Action.UPDATED))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> repository().update("broadband", 1, null, "x", null, event(Action.UPDATED)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("frozen");

        assertThat(repository().snapshot(V1).description()).isEqualTo("A broadband service");
        assertThat(repository().history("broadband")).extracting(VersionEvent::action).containsExactly(Action.CREATED, Action.FROZEN);
    }

    @Test
    void everyChangeLeavesAnEventReadBackInOrderWithWhoWhyAndTheVersionsBeforeAndAfter() {
        Specification v1 = createV1();
        Specification patched = repository().apply(V1, v1.updatedAt(), new SpecificationChange.Patch("corrected", null), event(Action.PATCH));
        Specification minor = repository().apply(V1, patched.updatedAt(), new SpecificationChange.Minor(List.of(TECHNOLOGY, SPEED)), event(Action.MINOR));
        publishV2();
        repository().apply(V1, minor.updatedAt(), new SpecificationChange.Status(SpecificationStatus.FROZEN), event(Action.FROZEN));
        repository().create(new NewSpecification(null, "router", SpecificationType.RESOURCE, 1, null, null, null), event(Action.CREATED));

        List<VersionEvent> history = repository().history("broadband");

        assertThat(history).extracting(VersionEvent::action, VersionEvent::specificationUuid, VersionEvent::majorVersion, VersionEvent::fromVersion, VersionEvent::toVersion)
                .containsExactly(
                        tuple(Action.CREATED, V1, 1L, null, "v1.0.0"),
                        tuple(Action.PATCH, V1, 1L, "v1.0.0", "v1.0.1"),
                        tuple(Action.MINOR, V1, 1L, "v1.0.1", "v1.1.0"),
                        tuple(Action.MAJOR_PUBLISHED, V2, 2L, null, "v2.0.0"),
                        tuple(Action.FROZEN, V1, 1L, "v1.1.0", "v1.1.0"));
        assertThat(history).extracting(VersionEvent::actor).containsOnly("alice");
        assertThat(history).extracting(VersionEvent::reason).startsWith("because created", "because patch", "because minor");
        assertThat(history).extracting(VersionEvent::at).isSorted().doesNotContainNull();
        assertThat(history).extracting(VersionEvent::uuid).doesNotHaveDuplicates();
        assertThat(history.get(0).before()).isNull();
        assertThat(history.get(0).after()).isEqualTo(new SpecificationSnapshot("v1.0.0", "A broadband service", "Access", SpecificationStatus.CURRENT, List.of(TECHNOLOGY)));
        assertThat(history.get(2).before().rules()).containsExactly(TECHNOLOGY);
        assertThat(history.get(2).after().rules()).containsExactly(SPEED, TECHNOLOGY);
        assertThat(history.get(4).before().status()).isEqualTo(SpecificationStatus.CURRENT);
        assertThat(history.get(4).after().status()).isEqualTo(SpecificationStatus.FROZEN);
        assertThat(repository().history("router")).extracting(VersionEvent::action).containsExactly(Action.CREATED);
    }

    @Test
    void instancesPerRspAreCountedByNamePrefixMostFirst() {
        createV1();
        seedInstance(V1, "beta-broadband-001", "fttb");
        seedInstance(V1, "acme-broadband-001", "fttb");
        seedInstance(V1, "acme-broadband-002", "fttp");

        assertThat(repository().instancesPerRsp(V1)).extracting(s -> s.rsp().key(), s -> s.rsp().foundBy(), Rsp.Share::instances)
                .containsExactly(tuple("acme", Rsp.FoundBy.NAME_PREFIX, 2L), tuple("beta", Rsp.FoundBy.NAME_PREFIX, 1L));
    }

    @Test
    void deleteIsRefusedWhileInstancesStandAndOtherwiseRemovesTheVersionLeavingAnEvent() {
        createV1();
        publishV2();
        seedInstance(V1, "acme-broadband-001", "fttb");

        assertThatThrownBy(() -> repository().delete(V1, event(Action.DELETED))).isInstanceOf(DiffoAdminException.class).hasMessageContaining("1 instance");
        assertThat(repository().find("broadband", 1)).isPresent();

        repository().delete(V2, event(Action.DELETED));

        assertThat(repository().find("broadband", 2)).isEmpty();
        assertThat(repository().latestMajor("broadband")).map(Specification::uuid).contains(V1);
        assertThat(repository().history("broadband").getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.DELETED);
            assertThat(e.specificationUuid()).isEqualTo(V2);
            assertThat(e.fromVersion()).isEqualTo("v2.0.0");
            assertThat(e.toVersion()).isEqualTo("v2.0.0");
            assertThat(e.before().rules()).containsExactly(SPEED, TECHNOLOGY);
            assertThat(e.after()).isNull();
        });
        assertThatThrownBy(() -> repository().delete(V2, event(Action.DELETED))).isInstanceOf(DiffoAdminException.class).hasMessageContaining("does not exist");
    }

    @Test
    void valuesInUseAreEachFieldsDistinctValuesWithCountsByFieldThenValue() {
        createV1();
        seedInstance(V1, "acme-broadband-001", "fttp");
        seedInstance(V1, "acme-broadband-002", "fttb");
        seedInstance(V1, "beta-broadband-001", "fttb");

        assertThat(repository().valuesInUse(V1)).containsExactly(
                new ValueInUse("broadband.technology", "fttb", 2),
                new ValueInUse("broadband.technology", "fttp", 1));
        assertThat(repository().valuesInUse(V2)).isEmpty();
    }
}
