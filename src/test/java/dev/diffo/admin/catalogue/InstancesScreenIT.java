package dev.diffo.admin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.MainView;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import dev.diffo.admin.support.TestGraph;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The instances tab on the demo, clicked headless in the real main window over the real services. */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class InstancesScreenIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    final FxRobot robot = new FxRobot();

    void await(BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; the summary says: " + robot.lookup("#summary").tryQueryAs(Label.class).map(Label::getText).orElse("(no summary)"), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    String summary() {
        return robot.lookup("#summary").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    TableView<InstanceRow> table() {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCataloguesVersionOpensItsInstancesWhichPageFilterAndTakeANewOne(Injector injector, DemoService demo, TestGraph graph) throws Exception {
        demo.loadDemo();
        graph.run("""
                MATCH (v1:Specification {uuid: $v1})
                UNWIND range(1, 150) AS k
                CREATE (i:Nbn:Broadband:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service',
                        name: 'beta-broadband-' + right('000' + toString(k), 3), state: 'active',
                        createdAt: datetime({timezone: 'Etc/UTC'}), updatedAt: datetime({timezone: 'Etc/UTC'})})
                CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                        value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.BroadbandValue","value":{"technology":"fttc"}}}'})
                CREATE (i)-[:SPECIFIED_BY]->(v1), (i)-[:HAS]->(c)
                """, Map.of("v1", V1));
        InstancesViewModel instances = injector.getInstance(InstancesViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        await(() -> robot.lookup("#spec-" + V1).tryQuery().isPresent());
        robot.clickOn("#spec-" + V1);
        FxScreenExtension.selectTab(robot, "instancesTab");
        await(() -> summary().equals("Page 1 · instances 1–100 of 152"));
        assertThat(table().getItems()).hasSize(100);
        assertThat(table().getItems().getFirst().name()).isEqualTo("acme-broadband-001");
        assertThat(table().getItems().getFirst().valuesText()).isEqualTo("broadband.technology: fttb");
        assertThat(table().getItems().getFirst().rsp()).isEqualTo("acme");
        assertThat(robot.lookup("#previousButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#nextButton");
        await(() -> summary().equals("Page 2 · instances 101–152 of 152"));
        assertThat(table().getItems()).hasSize(52);
        assertThat(table().getItems().getLast().name()).isEqualTo("beta-broadband-150");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#previousButton");
        await(() -> summary().startsWith("Page 1 ·"));
        assertThat(table().getItems().getFirst().name()).isEqualTo("acme-broadband-001");

        // a header click reads the first page in the new order
        robot.interact(() -> {
            var name = table().getColumns().getFirst();
            name.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table().getSortOrder().setAll(name);
        });
        await(() -> !table().getItems().isEmpty() && table().getItems().getFirst().name().equals("beta-broadband-150"));

        robot.clickOn("#instancesRspField").write("acme");
        ComboBox<String> key = robot.lookup("#valueKeyChoice").queryAs(ComboBox.class);
        robot.interact(() -> key.setValue("broadband.technology"));
        robot.clickOn("#valueField").write("fttb");
        robot.clickOn("#searchButton");
        await(() -> summary().startsWith("Page 1 · instances 1–1 of 1"));
        assertThat(summary()).as("a filtered count from the kept counts says so, and how to refresh it")
                .contains("kept count, counted", "File → Recount instances");
        assertThat(table().getItems()).extracting(InstanceRow::name).containsExactly("acme-broadband-001");
        robot.clickOn("#clearButton");
        await(() -> summary().equals("Page 1 · instances 1–100 of 152"));
        robot.interact(() -> table().getSelectionModel().select(1));
        Snapshots.save(robot.lookup("#tabs").query(), "instances-table");

        // a taken name is refused with the reason, and nothing is written; a new one appears in the table
        String before = graph.fingerprint();
        robot.clickOn("#newNameField").write("acme-broadband-001");
        ComboBox<String> technology = robot.lookup("#value-broadband-technology").queryAs(ComboBox.class);
        assertThat(technology.getItems()).containsExactly("", "fttc", "fttb", "fttn", "fttp");
        robot.interact(() -> technology.setValue("fttn"));
        robot.clickOn("#createInstanceButton");
        await(() -> instances.form().createFailedProperty().get());
        assertThat(robot.lookup("#createMessage").queryAs(Label.class).getText()).contains("acme-broadband-001 already exists", "Nothing was written");
        assertThat(graph.fingerprint()).isEqualTo(before);
        Snapshots.save(robot.lookup("#tabs").query(), "instances-create-refused");

        robot.interact(() -> robot.lookup("#newNameField").queryAs(TextField.class).setText("acme-broadband-003"));
        robot.clickOn("#createInstanceButton");
        await(() -> robot.lookup("#createMessage").queryAs(Label.class).getText().startsWith("Created acme-broadband-003"));
        await(() -> table().getItems().size() == 1 && table().getItems().getFirst().name().equals("acme-broadband-003"));
        assertThat(table().getItems().getFirst().valuesText()).isEqualTo("broadband.technology: fttn");
        await(() -> robot.lookup("#specificationChoice").queryAs(ComboBox.class).getValue() instanceof dev.diffo.admin.domain.Specification s
                && s.instanceCount() == 153);
        assertThat(robot.lookup("#createMessage").queryAs(Label.class).getText()).as("the form tells what it created").startsWith("Created acme-broadband-003");
        assertThat(graph.count("MATCH (:Instance {name: 'acme-broadband-003'})-[:SPECIFIED_BY]->(:Specification {uuid: '" + V1 + "'}) RETURN count(*)"))
                .isEqualTo(1);
        Snapshots.save(robot.lookup("#tabs").query(), "instances-create");
    }
}
