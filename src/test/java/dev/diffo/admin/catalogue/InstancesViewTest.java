package dev.diffo.admin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.support.FakeBackend;
import dev.diffo.admin.support.FxScreenExtension;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real instances View and ViewModel, clicked headless, over the in-memory fakes (no Neo4j): page, filter, create. */
@ExtendWith(FxScreenExtension.class)
class InstancesViewTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String FTTB = "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttb\"}}}";

    final FakeBackend backend = new FakeBackend();
    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String summary() {
        return robot.lookup("#summary").queryAs(Label.class).getText();
    }

    String createMessage() {
        return robot.lookup("#createMessage").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    TableView<InstanceRow> table() {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    /** broadband v1.0.0 allowing four technologies, with 80 of acme's instances (the first on fttb) and 40 of beta's. */
    Specification seed() {
        Specification v1 = new Specification(V1, "broadband", SpecificationType.SERVICE, 1, 0, 0, 4, "Broadband", "Access",
                ZonedDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC), 120, List.of(),
                SpecificationStatus.CURRENT);
        backend.versioning.put(v1, List.of(new CharacteristicRule("broadband", "technology", CharacteristicRule.ValueType.STRING,
                List.of("fttc", "fttb", "fttn", "fttp"), false)));
        backend.instances.specification(V1, "broadband", 1, SpecificationType.SERVICE, SpecificationStatus.CURRENT);
        backend.instances.add(V1, "00000000-0000-4000-8000-000000000001", "acme-broadband-001", "active", "broadband", FTTB);
        for (int k = 2; k <= 80; k++) {
            backend.instances.add(V1, String.format("00000000-0000-4000-8000-%012d", k), String.format("acme-broadband-%03d", k), "active");
        }
        for (int k = 1; k <= 40; k++) {
            backend.instances.add(V1, String.format("00000000-0000-4000-8000-%012d", 100 + k), String.format("beta-broadband-%03d", k), "initial");
        }
        return v1;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVersionsInstancesPageAndFilterAndATakenNameIsRefusedWhileANewOneIsCreated() throws TimeoutException {
        Specification v1 = seed();
        backend.connected();
        FxScreenExtension.show(() -> {
            Region root = (Region) backend.load(InstancesView.class);
            root.setPrefSize(1280, 760);
            return root;
        });
        InstancesViewModel viewModel = backend.injector.getInstance(InstancesViewModel.class);
        robot.interact(viewModel::reload);
        ComboBox<Specification> versions = robot.lookup("#specificationChoice").queryAs(ComboBox.class);
        await(() -> !versions.getItems().isEmpty());
        robot.interact(() -> versions.setValue(versions.getItems().getFirst()));

        await(() -> summary().equals("Page 1 · instances 1–100 of 120"));
        assertThat(versions.getValue().uuid()).isEqualTo(v1.uuid());
        assertThat(table().getItems().getFirst().name()).isEqualTo("acme-broadband-001");
        assertThat(table().getItems().getFirst().valuesText()).isEqualTo("broadband.technology: fttb");
        assertThat(robot.lookup("#previousButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#nextButton");
        await(() -> summary().equals("Page 2 · instances 101–120 of 120"));
        assertThat(table().getItems()).extracting(InstanceRow::name).first().isEqualTo("beta-broadband-021");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#instancesRspField").write("beta");
        robot.clickOn("#nameField").write("-01");
        robot.clickOn("#searchButton");
        await(() -> summary().equals("Page 1 · instances 1–10 of 10"));
        assertThat(table().getItems()).extracting(InstanceRow::name).allMatch(n -> n.startsWith("beta-broadband-01")).hasSize(10);
        robot.clickOn("#clearButton");
        await(() -> summary().equals("Page 1 · instances 1–100 of 120"));

        // a taken name: refused with the reason, nothing created
        robot.clickOn("#newNameField").write("acme-broadband-002");
        ComboBox<String> technology = robot.lookup("#value-broadband-technology").queryAs(ComboBox.class);
        assertThat(technology.getItems()).containsExactly("", "fttc", "fttb", "fttn", "fttp");
        robot.interact(() -> technology.setValue("fttn"));
        robot.clickOn("#createInstanceButton");
        await(() -> viewModel.form().createFailedProperty().get());
        assertThat(createMessage()).contains("acme-broadband-002 already exists");
        dev.diffo.admin.support.Snapshots.save(robot.lookup("#table").query().getScene().getRoot(), "view-instances-create-refused-fakes");
        assertThat(backend.instances.created).isEmpty();

        // a new name: created in the fake and shown
        robot.interact(() -> robot.lookup("#newNameField").queryAs(TextField.class).setText("acme-broadband-081"));
        robot.clickOn("#createInstanceButton");
        await(() -> createMessage().startsWith("Created acme-broadband-081"));
        await(() -> table().getItems().size() == 1 && table().getItems().getFirst().name().equals("acme-broadband-081"));
        assertThat(table().getItems().getFirst().valuesText()).isEqualTo("broadband.technology: fttn");
        assertThat(backend.instances.created).singleElement().satisfies(draft -> {
            assertThat(draft.specificationUuid()).isEqualTo(V1);
            assertThat(draft.labels()).contains("Instance", "Provider");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void rawJsonAddsTheStoredJsonOfEachInstancesCharacteristicsAsAColumnAndTakesItAwayAgain() throws TimeoutException {
        seed();
        backend.connected();
        FxScreenExtension.show(() -> {
            Region root = (Region) backend.load(InstancesView.class);
            root.setPrefSize(1280, 760);
            return root;
        });
        InstancesViewModel viewModel = backend.injector.getInstance(InstancesViewModel.class);
        robot.interact(viewModel::reload);
        ComboBox<Specification> versions = robot.lookup("#specificationChoice").queryAs(ComboBox.class);
        await(() -> !versions.getItems().isEmpty());
        robot.interact(() -> versions.setValue(versions.getItems().getFirst()));
        await(() -> summary().equals("Page 1 · instances 1–100 of 120"));
        TableColumn<InstanceRow, String> raw = (TableColumn<InstanceRow, String>) table().getColumns().stream()
                .filter(c -> "storedValuesColumn".equals(c.getId())).findFirst().orElseThrow();
        assertThat(raw.isVisible()).as("fields only, until asked").isFalse();

        robot.clickOn("#instancesRawJsonToggle");
        await(raw::isVisible);

        assertThat(raw.getCellData(0)).isEqualTo("broadband: " + FTTB);
        assertThat(table().getColumns().stream().filter(c -> "valuesColumn".equals(c.getId())).findFirst().orElseThrow().getCellData(0))
                .isEqualTo("broadband.technology: fttb");
        dev.diffo.admin.support.Snapshots.save(table(), "view-instances-raw-json");
        robot.clickOn("#instancesRawJsonToggle");
        await(() -> !raw.isVisible());
    }
}
