package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Scenario.CharacteristicDraft;
import dev.diffo.admin.domain.Scenario.InstanceDraft;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the instances table and the instance service rely on from an {@link InstanceRepository}: keyset pages in
 * each order that never skip or repeat a row, the name, RSP and value filters, counts, and a create that refuses
 * (writing nothing) what diffo would not accept. Instances are put in through {@link InstanceRepository#create};
 * only the specifications they stand on come from a seeding hook. Run over the fake and over Neo4j.
 */
abstract class InstanceRepositoryContract {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final String FROZEN = "0b7c1e9a-3d54-4f6e-8a2b-9c8d7e6f5a41";
    static final String ROUTER = "5d2f9c1e-7a3b-4e8d-9f60-1b2c3d4e5f60";
    static final List<String> LABELS = List.of("Nbn", "Broadband", "Instance", "Provider");
    static final String BROADBAND_VALUE = "Elixir.Diffo.Nbn.BroadbandValue";

    protected abstract InstanceRepository repository();

    /** Puts in a specification as diffo writes it (a frozen or withdrawn one with diffo-admin's status node). */
    protected abstract void seedSpecification(String uuid, String name, long major, SpecificationType type, SpecificationStatus status);

    /** Puts in a party as diffo writes one (an Organization with this key, named by its identifier kind). */
    protected abstract void seedParty(String key);

    private void seedBroadband() {
        seedSpecification(V1, "broadband", 1, SpecificationType.SERVICE, SpecificationStatus.CURRENT);
        seedSpecification(V2, "broadband", 2, SpecificationType.SERVICE, SpecificationStatus.CURRENT);
        seedSpecification(FROZEN, "fibre", 1, SpecificationType.SERVICE, SpecificationStatus.FROZEN);
        seedSpecification(ROUTER, "router", 1, SpecificationType.RESOURCE, SpecificationStatus.CURRENT);
    }

    static InstanceDraft draft(String spec, String name, String technology) {
        List<CharacteristicDraft> characteristics = technology == null ? List.of()
                : List.of(new CharacteristicDraft(Identifiers.newUuid4(), "broadband",
                        "{\"type\":\"dynamic\",\"value\":{\"type\":\"" + BROADBAND_VALUE + "\",\"value\":{\"technology\":\"" + technology + "\"}}}"));
        return new InstanceDraft(Identifiers.newUuid4(), name, LABELS, spec, "service", "actual", "initial", characteristics);
    }

    /** acme 1..4 (fttb on even, fttp on odd), beta 1..2 (fttc) on v1; one of acme's on v2. */
    private void seedInstances() {
        seedBroadband();
        for (int k = 1; k <= 4; k++) {
            repository().create(draft(V1, "acme-broadband-00" + k, k % 2 == 0 ? "fttb" : "fttp"));
        }
        repository().create(draft(V1, "beta-broadband-001", "fttc"));
        repository().create(draft(V1, "Beta-broadband-002", "fttc"));
        repository().create(draft(V2, "acme-broadband-v2-001", "fttn"));
    }

    private static InstanceQuery query(String name, String rsp, String valueKey, String value, InstanceQuery.Sort sort, boolean descending, int pageSize) {
        return new InstanceQuery(V1, name, rsp, valueKey, value, sort, descending, pageSize);
    }

    /** Every page of the query, walked with each page's cursor. */
    private List<List<String>> pages(InstanceQuery query) {
        List<List<String>> pages = new ArrayList<>();
        InstanceQuery.Cursor after = null;
        while (true) {
            InstanceQuery.Page page = repository().page(query, after);
            pages.add(page.rows().stream().map(InstanceRow::name).toList());
            if (!page.hasMore()) {
                return pages;
            }
            after = page.next(query.sort());
        }
    }

    @Test
    void pagesByNameWalkEveryInstanceOfTheVersionOnceInOrder() {
        seedInstances();

        assertThat(pages(query(null, null, null, null, InstanceQuery.Sort.NAME, false, 2))).containsExactly(
                List.of("Beta-broadband-002", "acme-broadband-001"),
                List.of("acme-broadband-002", "acme-broadband-003"),
                List.of("acme-broadband-004", "beta-broadband-001"));
    }

    @Test
    void descendingPagesWalkTheSameRowsBackwards() {
        seedInstances();

        assertThat(pages(query(null, null, null, null, InstanceQuery.Sort.NAME, true, 4))).containsExactly(
                List.of("beta-broadband-001", "acme-broadband-004", "acme-broadband-003", "acme-broadband-002"),
                List.of("acme-broadband-001", "Beta-broadband-002"));
    }

    @Test
    void pagesByIdAreInIdOrderAndAPageThatFitsExactlySaysNoMore() {
        seedInstances();

        InstanceQuery.Page page = repository().page(query(null, null, null, null, InstanceQuery.Sort.ID, false, 6), null);

        assertThat(page.hasMore()).isFalse();
        assertThat(page.rows()).extracting(InstanceRow::uuid).hasSize(6).isSorted();
    }

    @Test
    void tiesOnTheSortKeyAreBrokenByIdSoPagesNeverRepeatOrSkip() {
        seedInstances();

        List<List<String>> byState = pages(query(null, null, null, null, InstanceQuery.Sort.STATE, false, 4));

        assertThat(byState.stream().flatMap(List::stream).toList()).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aRowCarriesItsRspByNamePrefixItsLabelsAndItsFlattenedValues() {
        seedInstances();

        InstanceRow row = repository().page(query("acme-broadband-002", null, null, null, InstanceQuery.Sort.NAME, false, 10), null).rows().getFirst();

        assertThat(row.rsp()).isEqualTo("acme");
        assertThat(row.state()).isEqualTo("initial");
        assertThat(row.which()).isEqualTo("actual");
        assertThat(row.labels()).containsExactlyInAnyOrderElementsOf(LABELS);
        assertThat(row.values()).containsExactlyEntriesOf(java.util.Map.of("broadband.technology", "fttb"));
    }

    @Test
    void filtersByNameInAnyCaseByRspInAnyCaseAndByValue() {
        seedInstances();

        assertThat(pages(query("BROADBAND-00", null, null, null, InstanceQuery.Sort.NAME, false, 10)).getFirst()).hasSize(6);
        assertThat(pages(query(null, "BETA", null, null, InstanceQuery.Sort.NAME, false, 10)).getFirst())
                .containsExactly("Beta-broadband-002", "beta-broadband-001");
        assertThat(pages(query(null, null, "broadband.technology", "fttb", InstanceQuery.Sort.NAME, false, 10)).getFirst())
                .containsExactly("acme-broadband-002", "acme-broadband-004");
        assertThat(pages(query("003", "acme", "broadband.technology", "fttp", InstanceQuery.Sort.NAME, false, 10)).getFirst())
                .containsExactly("acme-broadband-003");
        assertThat(pages(query(null, "acme", "broadband.technology", "fttc", InstanceQuery.Sort.NAME, false, 10)).getFirst()).isEmpty();
    }

    @Test
    void countsWhatTheFiltersSelectOnTheVersionOnly() {
        seedInstances();

        assertThat(repository().count(InstanceQuery.of(V1))).isEqualTo(6);
        assertThat(repository().count(InstanceQuery.of(V2))).isEqualTo(1);
        assertThat(repository().count(InstanceQuery.of(ROUTER))).isZero();
        assertThat(repository().count(query(null, "acme", null, null, null, false, 10))).isEqualTo(4);
        assertThat(repository().count(query("beta", null, "broadband.technology", "fttc", null, false, 10))).isEqualTo(2);
        assertThat(repository().count(query("nobody", null, null, null, null, false, 10))).isZero();
    }

    @Test
    void aSpecificationWithoutInstancesHasAnEmptyFirstPage() {
        seedInstances();

        InstanceQuery.Page page = repository().page(InstanceQuery.of(ROUTER), null);

        assertThat(page.rows()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void commonLabelsAreThoseTheVersionsInstancesCarryAndNoneWithoutInstances() {
        seedInstances();

        assertThat(repository().commonLabels(V1)).containsExactlyInAnyOrderElementsOf(LABELS);
        assertThat(repository().commonLabels(ROUTER)).isEmpty();
    }

    @Test
    void theDynamicValueTypeComesFromTheVersionsInstancesElseFromAnotherMajorsElseNone() {
        seedBroadband();
        repository().create(draft(V2, "acme-broadband-v2-001", "fttn"));

        assertThat(repository().dynamicValueType(V2, "broadband", "broadband")).contains(BROADBAND_VALUE);
        assertThat(repository().dynamicValueType(V1, "broadband", "broadband")).contains(BROADBAND_VALUE);
        assertThat(repository().dynamicValueType(V1, "broadband", "speed")).isEmpty();
        assertThat(repository().dynamicValueType(ROUTER, "router", "broadband")).isEmpty();
    }

    static InstanceDraft relatedTo(InstanceDraft draft, String party) {
        return new InstanceDraft(draft.uuid(), draft.name(), draft.labels(), draft.specificationUuid(), draft.type(), draft.which(), draft.state(),
                draft.characteristics(), party);
    }

    @Test
    void anInstanceCreatedWithItsRspsPartyIsThatRspsAndAPartyThatIsNotThereIsRefusedWritingNothing() {
        seedBroadband();
        seedParty("ORG000000123456");

        assertThat(repository().hasParty("ORG000000123456")).isTrue();
        assertThat(repository().hasParty("org000000123456")).as("a party's key is its identity, exactly").isFalse();
        repository().create(relatedTo(draft(V1, "bb-0001", "fttp"), "ORG000000123456"));

        assertThat(repository().page(InstanceQuery.of(V1), null).rows()).singleElement().satisfies(row -> {
            assertThat(row.owner().key()).isEqualTo("ORG000000123456");
            assertThat(row.owner().foundBy()).isEqualTo(dev.diffo.admin.domain.Rsp.FoundBy.PARTY);
        });
        assertThat(repository().count(query(null, "ORG000000123456", null, null, InstanceQuery.Sort.NAME, false, 50))).isEqualTo(1);
        assertThatThrownBy(() -> repository().create(relatedTo(draft(V1, "bb-0002", "fttp"), "ORG000000999999")))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("no party ORG000000999999");
        assertThat(repository().count(InstanceQuery.of(V1))).isEqualTo(1);
    }

    @Test
    void createRefusesATakenNameOrIdWritingNothing() {
        seedInstances();
        InstanceDraft taken = draft(V2, "acme-broadband-001", "fttn");
        InstanceDraft first = draft(V1, "acme-broadband-010", "fttn");
        repository().create(first);
        InstanceDraft sameId = new InstanceDraft(first.uuid(), "acme-broadband-011", LABELS, V1, "service", "actual", "initial", List.of());

        assertThatThrownBy(() -> repository().create(taken)).isInstanceOf(DiffoAdminException.class).hasMessageContaining("acme-broadband-001");
        assertThatThrownBy(() -> repository().create(sameId)).isInstanceOf(DiffoAdminException.class).hasMessageContaining(first.uuid());
        assertThatThrownBy(() -> repository().create(first)).isInstanceOf(DiffoAdminException.class).hasMessageContaining("acme-broadband-010");

        assertThat(repository().count(InstanceQuery.of(V1))).isEqualTo(7);
        assertThat(repository().count(InstanceQuery.of(V2))).isEqualTo(1);
    }

    @Test
    void createRefusesAFrozenVersionAMissingOneAndTheWrongKindWritingNothing() {
        seedBroadband();

        assertThatThrownBy(() -> repository().create(draft(FROZEN, "acme-fibre-001", null)))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("frozen");
        assertThatThrownBy(() -> repository().create(draft("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "acme-broadband-001", null)))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> repository().create(draft(ROUTER, "acme-router-001", null)))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("resourceSpecification");

        assertThat(repository().count(InstanceQuery.of(FROZEN))).isZero();
        assertThat(repository().count(InstanceQuery.of(ROUTER))).isZero();
    }
}
