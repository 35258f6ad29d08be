package dev.diffo.admin.catalogue;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.FakeCatalogueRepository;
import dev.diffo.admin.repository.FakeInstanceRepository;
import dev.diffo.admin.repository.FakeVersioningRepository;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Instances tab without a toolkit or a database: pages, filters, order, and the create form's refusals. */
class InstancesViewModelTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";

    final FakeInstanceRepository instances = new FakeInstanceRepository();
    final FakeCatalogueRepository catalogue = new FakeCatalogueRepository();
    final FakeVersioningRepository versioning = new FakeVersioningRepository();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final InstancesViewModel table = new InstancesViewModel(new InstanceService(instances, catalogue, versioning, new CurrentAccess()), catalogue, new ImmediateTaskRunner(), dialogs);

    static Specification broadband(SpecificationStatus status) {
        return new Specification(V1, "broadband", SpecificationType.SERVICE, 1, 0, 0, 4, "Broadband", "Access", null,
                ZonedDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC), 5, List.of(), status);
    }

    @BeforeEach
    void fiveInstances() {
        // the first carries a broadband value, so diffo's value type is known for a new one (as the real repository reads it)
        instances.add(V1, "00000000-0000-4000-8000-000000000001", "acme-broadband-001", "active", "broadband",
                "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttc\"}}}");
        for (int k = 2; k <= 3; k++) {
            instances.add(V1, String.format("00000000-0000-4000-8000-%012d", k), "acme-broadband-00" + k, "active");
        }
        instances.add(V1, "00000000-0000-4000-8000-000000000004", "beta-broadband-001", "initial");
        instances.add(V1, "00000000-0000-4000-8000-000000000005", "beta-broadband-002", "active");
    }

    Specification shown(SpecificationStatus status) {
        Specification spec = broadband(status);
        catalogue.specifications.add(spec);
        versioning.put(spec, List.of(new CharacteristicRule("broadband", "technology", CharacteristicRule.ValueType.STRING, List.of("fttc", "fttn"), false)));
        table.pageSizeProperty().set(2);
        table.show(spec);
        return spec;
    }

    @Test
    void aVersionShowsItsFirstPageAndTheTotal() {
        shown(SpecificationStatus.CURRENT);

        assertThat(table.rowsProperty()).extracting(InstanceRow::name).containsExactly("acme-broadband-001", "acme-broadband-002");
        assertThat(table.summaryProperty().get()).isEqualTo("Page 1 · instances 1–2 of 5");
        assertThat(table.canPreviousProperty().get()).isFalse();
        assertThat(table.canNextProperty().get()).isTrue();
    }

    @Test
    void nextAndPreviousWalkThePagesWithoutSkippingAny() {
        shown(SpecificationStatus.CURRENT);

        table.next();
        assertThat(table.rowsProperty()).extracting(InstanceRow::name).containsExactly("acme-broadband-003", "beta-broadband-001");
        table.next();
        assertThat(table.rowsProperty()).extracting(InstanceRow::name).containsExactly("beta-broadband-002");
        assertThat(table.canNextProperty().get()).isFalse();
        assertThat(table.summaryProperty().get()).isEqualTo("Page 3 · instances 5–5 of 5");
        table.previous();
        table.previous();
        assertThat(table.rowsProperty()).extracting(InstanceRow::name).containsExactly("acme-broadband-001", "acme-broadband-002");
    }

    @Test
    void theRspFilterAndAnOrderReadANewFirstPage() {
        shown(SpecificationStatus.CURRENT);
        table.next();

        table.rspFilterProperty().set("beta");
        table.search();
        assertThat(table.rowsProperty()).extracting(InstanceRow::name).containsExactly("beta-broadband-001", "beta-broadband-002");
        assertThat(table.summaryProperty().get()).isEqualTo("Page 1 · instances 1–2 of 2");
        assertThat(instances.asked.getLast().rsp()).isEqualTo("beta");

        table.sortBy(InstanceQuery.Sort.NAME, true);
        assertThat(table.rowsProperty()).extracting(InstanceRow::name).containsExactly("beta-broadband-002", "beta-broadband-001");
    }

    @Test
    void aFilterThatMatchesNothingSaysSo() {
        shown(SpecificationStatus.CURRENT);

        table.nameFilterProperty().set("gamma");
        table.search();

        assertThat(table.rowsProperty()).isEmpty();
        assertThat(table.summaryProperty().get()).isEqualTo("No instances match the filters.");
    }

    @Test
    void aFrozenVersionTakesNoNewInstanceAndTheFormIsClosed() {
        shown(SpecificationStatus.FROZEN);
        table.form().newNameProperty().set("acme-broadband-009");

        assertThat(table.form().canEditNewProperty().get()).isFalse();
        assertThat(table.form().canCreateProperty().get()).isFalse();
        table.form().create();
        assertThat(instances.created).isEmpty();
    }

    @Test
    void aValueTheVersionDoesNotAllowIsRefusedWithTheReasonAndNothingWritten() {
        shown(SpecificationStatus.CURRENT);
        table.form().newNameProperty().set("acme-broadband-009");
        table.form().newValuesProperty().getFirst().value().set("fttb");

        table.form().create();

        assertThat(table.form().createFailedProperty().get()).isTrue();
        assertThat(table.form().createMessageProperty().get()).contains("fttb");
        assertThat(instances.created).isEmpty();
    }

    @Test
    void aCreatedInstanceIsShownAndTheFormClears() {
        shown(SpecificationStatus.CURRENT);
        table.form().newNameProperty().set("acme-broadband-009");
        table.form().newValuesProperty().getFirst().value().set("fttn");

        table.form().create();

        assertThat(instances.created).singleElement().satisfies(draft -> assertThat(draft.name()).isEqualTo("acme-broadband-009"));
        assertThat(table.form().createMessageProperty().get()).startsWith("Created acme-broadband-009");
        assertThat(table.form().newNameProperty().get()).isEmpty();
        assertThat(table.rowsProperty()).extracting(InstanceRow::name).containsExactly("acme-broadband-009");
        assertThat(table.createdProperty().get()).isEqualTo(1);
    }
}
