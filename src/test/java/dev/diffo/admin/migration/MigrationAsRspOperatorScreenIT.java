package dev.diffo.admin.migration;

import static dev.diffo.admin.support.DiffoLivebookCatalogue.A_ON_V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.B_ON_V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.RESELLER_A;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V1;
import static dev.diffo.admin.support.DiffoLivebookCatalogue.V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.MainView;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import dev.diffo.admin.support.TestGraph;
import dev.diffo.admin.versioning.RuleText;
import dev.diffo.admin.versioning.VersioningService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The migration wizard in the main window as an RSP operator, on a catalogue diffo wrote (two resellers told apart by
 * key): the RSP is fixed to its own, the list and counts are its own, the status bar says the role; and as a viewer
 * the same wizard checks but does not run.
 */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class MigrationAsRspOperatorScreenIT {

    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anRspOperatorsWizardHasItsRspFixedAndChecksOnlyItsInstancesAndAViewersDoesNotRun(Injector injector, TestGraph graph,
                                                                                           VersioningService versioning, CatalogueService catalogue)
            throws Exception {
        DiffoLivebookCatalogue.write(graph);
        versioning.recordRules(catalogue.find(V2).orElseThrow(), RuleText.parse("broadband.technology: string = fttc, fttn, fttp, fw"), "as diffo's code allows");
        CurrentAccess access = injector.getInstance(CurrentAccess.class);
        access.set(Access.rspOperator(RESELLER_A));
        MigrationViewModel wizard = injector.getInstance(MigrationViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        FxScreenExtension.selectTab(robot, "migrationTab");
        await(() -> wizard.selection().sourcesProperty().size() == 2);
        ComboBox<Specification> source = robot.lookup("#sourceChoice").queryAs(ComboBox.class);
        robot.interact(() -> source.getSelectionModel().select(source.getItems().stream().filter(s -> s.uuid().equals(V1)).findFirst().orElseThrow()));

        ComboBox<Rsp.Share> rsps = robot.lookup("#rspChoice").queryAs(ComboBox.class);
        await(() -> rsps.getValue() != null);
        assertThat(rsps.isDisabled()).as("an RSP operator does not choose its RSP").isTrue();
        assertThat(rsps.getItems()).extracting(Object::toString).containsExactly(RESELLER_A + " · organizationId (" + A_ON_V1 + ")");
        assertThat(robot.lookup("#rspsNote").queryAs(Label.class).getText()).contains("The RSP is fixed: the app runs as an RSP operator for " + RESELLER_A);
        assertThat(robot.lookup("#roleLabel").queryAs(Label.class).getText()).isEqualTo("Role: RSP operator for " + RESELLER_A);

        robot.clickOn("#checkButton");
        await(() -> wizard.remedies().remediesProperty().size() == 1);
        assertThat(robot.lookup("#checkSummary").queryAs(Label.class).getText()).contains(A_ON_V1 + " of " + RESELLER_A + " · organizationId's instances");
        ChoiceBox<String> remedy = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        robot.interact(() -> remedy.setValue("fttn"));
        await(() -> !robot.lookup("#runButton").query().isDisabled());
        javafx.scene.Node roleLabel = robot.lookup("#roleLabel").query();
        assertThat(((Label) roleLabel).getWidth()).as("the role read whole in the status bar").isGreaterThanOrEqualTo(((Label) roleLabel).prefWidth(-1) - 0.5);
        assertThat(robot.lookup("#readinessLabel").queryAs(Label.class).getText()).as("no count of every RSP's instances").doesNotContain("11");
        Snapshots.save(robot.lookup("#tabs").query().getScene().getRoot(), "migration-as-rsp-operator");

        robot.interact(() -> access.set(Access.VIEWER));
        await(() -> robot.lookup("#runButton").query().isDisabled());
        assertThat(robot.lookup("#dryRunButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#roleLabel").queryAs(Label.class).getText()).isEqualTo("Role: viewer");
        assertThat(graph.count("MATCH (:Specification {uuid: '" + V1 + "'})<-[:SPECIFIED_BY]-(i) RETURN count(i)")).isEqualTo(A_ON_V1 + B_ON_V1);
    }
}
