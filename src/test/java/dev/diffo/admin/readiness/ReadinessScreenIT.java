package dev.diffo.admin.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.MainView;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.catalogue.InstancesViewModel;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import dev.diffo.admin.support.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The withdrawal-readiness screen in the real main window over the real services: its counts are the instances table's. */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class ReadinessScreenIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    ReadinessViewModel open(Injector injector) throws TimeoutException {
        ReadinessViewModel readiness = injector.getInstance(ReadinessViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        FxScreenExtension.selectTab(robot, "readinessTab");
        await(() -> readiness.readinessProperty().get() != null && !readiness.busyProperty().get());
        return readiness;
    }

    /** Each row's count is what the instances table counts for that version, filtered by that RSP. */
    void countsMatchTheInstancesTable(Injector injector, ReadinessViewModel readiness) throws TimeoutException {
        InstancesViewModel instances = injector.getInstance(InstancesViewModel.class);
        List<Specification> majors = readiness.readinessProperty().get().majors();
        @SuppressWarnings("unchecked")
        TableView<ReadinessViewModel.Row> table = robot.lookup("#rspTable").queryAs(TableView.class);
        List<ReadinessViewModel.Row> shown = List.copyOf(table.getItems());
        assertThat(shown).isNotEmpty();
        FxScreenExtension.selectTab(robot, "instancesTab");
        for (ReadinessViewModel.Row row : shown) {
            Specification major = majors.stream().filter(m -> m.version().equals(row.version())).findFirst().orElseThrow();
            robot.interact(() -> {
                instances.rspFilterProperty().set(row.rspKey());
                instances.show(major);
                instances.search();
            });
            await(() -> instances.totalProperty().get() >= 0 && !instances.busyProperty().get());
            assertThat(instances.totalProperty().get()).as("%s's instances on %s", row.rspKey(), row.version()).isEqualTo(row.instances());
        }
        // and every instance of each major is in some row
        for (Specification major : majors) {
            robot.interact(() -> {
                instances.rspFilterProperty().set("");
                instances.show(major);
                instances.search();
            });
            await(() -> instances.totalProperty().get() >= 0 && !instances.busyProperty().get());
            assertThat(shown.stream().filter(r -> r.version().equals(major.version())).mapToLong(ReadinessViewModel.Row::instances).sum())
                    .as("instances on %s", major.version()).isEqualTo(instances.totalProperty().get());
        }
        FxScreenExtension.selectTab(robot, "readinessTab");
    }

    @Test
    void onTheDemoAfterAcmesMigrationTheCountsAreTheInstancesTablesAndV1IsEmpty(Injector injector, DemoService demo, MigrationService migration)
            throws Exception {
        demo.loadDemo();
        migration.run(new MigrationPlan("acme", V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 1), Progress.NONE);

        ReadinessViewModel readiness = open(injector);

        assertThat(readiness.nameProperty().get()).isEqualTo("broadband");
        assertThat(readiness.rows()).extracting(ReadinessViewModel.Row::version, ReadinessViewModel.Row::rspKey, ReadinessViewModel.Row::instances)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("v2.0.0", "acme", 2L), org.assertj.core.groups.Tuple.tuple("v2.0.0", "beta", 1L));
        assertThat(readiness.projectionsProperty().get()).isEqualTo("Projected: v1.0.0: no instances left");
        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> bars = robot.lookup("#barChart").queryAs(StackedBarChart.class);
        assertThat(bars.getData()).extracting(XYChart.Series::getName).containsExactlyInAnyOrder("acme", "beta");
        assertThat(readiness.lines()).singleElement().satisfies(l -> assertThat(l.points()).extracting(p -> p[1]).containsExactly(2L, 2L, 1L, 1L, 0L, 0L));
        Snapshots.save(robot.lookup("#tabs").query(), "readiness-demo");
        countsMatchTheInstancesTable(injector, readiness);
    }

    @Test
    void onACatalogueDiffoWroteTheCountsAreTheResellersAndMatchTheInstancesTable(Injector injector, TestGraph graph) throws Exception {
        DiffoLivebookCatalogue.write(graph);

        ReadinessViewModel readiness = open(injector);

        assertThat(readiness.rows()).extracting(ReadinessViewModel.Row::version, ReadinessViewModel.Row::rspKey, ReadinessViewModel.Row::instances)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("v1.1.0", DiffoLivebookCatalogue.RESELLER_A, (long) DiffoLivebookCatalogue.A_ON_V1),
                        org.assertj.core.groups.Tuple.tuple("v1.1.0", DiffoLivebookCatalogue.RESELLER_B, (long) DiffoLivebookCatalogue.B_ON_V1),
                        org.assertj.core.groups.Tuple.tuple("v2.0.0", DiffoLivebookCatalogue.RESELLER_B, 1L));
        assertThat(readiness.projectionsProperty().get()).isEqualTo("Projected: v1.1.0: no migration yet");
        Snapshots.save(robot.lookup("#tabs").query(), "readiness-diffo-livebook");
        countsMatchTheInstancesTable(injector, readiness);
    }
}
