package dev.diffo.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.common.Views;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.VersioningRepository;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Snapshots;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The migration wizard's View mounted headless over the in-memory repositories (no Neo4j): the real Views and
 * ViewModels, built by Guice as the app builds them, clicked through check → remedy (per instance too) → dry run.
 */
@ExtendWith(FxScreenExtension.class)
class MigrationViewTest extends WizardFixture {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    final FxRobot robot = new FxRobot();
    Injector injector;

    @BeforeEach
    void mounted() throws TimeoutException {
        injector = Guice.createInjector(binder -> {
            binder.bind(MigrationRepository.class).toInstance(instances);
            binder.bind(CatalogueRepository.class).toInstance(catalogue);
            binder.bind(VersioningRepository.class).toInstance(versioning);
            binder.bind(Operator.class).toInstance(new Operator("ops"));
            binder.bind(TaskRunner.class).toInstance(new ImmediateTaskRunner());
            // the work runs where it is submitted, as the immediate task runner does: the app-wide pool's place
            binder.bind(java.util.concurrent.ExecutorService.class).toInstance(new CallerThreadExecutor());
            binder.bind(DialogService.class).toInstance(dialogs);
            binder.bind(Views.class).to(ViewLoader.class);
            binder.bind(dev.diffo.admin.common.RspKeys.class).toInstance(dev.diffo.admin.common.RspKeys.AS_GIVEN);
        });
        wizard = injector.getInstance(MigrationViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MigrationView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        robot.interact(wizard::reload);
    }

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String id) {
        Node node = robot.lookup(id).query();
        return node instanceof TextArea area ? area.getText() : ((Label) node).getText();
    }

    boolean current(String stepId) {
        return robot.lookup(stepId).query().getPseudoClassStates().contains(CURRENT);
    }

    @SuppressWarnings("unchecked")
    void chooseAcmeOnV1() throws TimeoutException {
        ComboBox<Specification> source = robot.lookup("#sourceChoice").queryAs(ComboBox.class);
        robot.interact(() -> source.getSelectionModel().select(source.getItems().stream().filter(s -> s.uuid().equals(V1)).findFirst().orElseThrow()));
        ComboBox<Rsp.Share> rsps = robot.lookup("#rspChoice").queryAs(ComboBox.class);
        await(() -> rsps.getItems().stream().anyMatch(s -> s.rsp().key().equals("acme")));
        robot.clickOn(rsps);
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith("acme")).<Node>query());
        await(() -> "5 selected".equals(text("#selectionCount")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOperatorChecksRemediesAndDryRunsWithNothingWritten() throws TimeoutException {
        assertThat(current("#chooseStep")).isTrue();
        assertThat(robot.lookup("#checkButton").queryButton().isDisabled()).as("nothing to check before an RSP is chosen").isTrue();
        chooseAcmeOnV1();

        robot.clickOn("#checkButton");
        await(() -> robot.lookup("#remedy-1").tryQuery().isPresent());
        assertThat(text("#checkSummary")).isEqualTo("5 of acme's instances on broadband v1.0.0 · 3 need remediation before moving to v2.0.0");
        assertThat(current("#remedyStep")).isTrue();
        assertThat(robot.lookup("#dryRunButton").queryButton().isDisabled()).as("nothing runs before every value has a remedy").isTrue();
        ChoiceBox<String> fttb = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        ChoiceBox<String> fw = robot.lookup("#remedy-1").queryAs(ChoiceBox.class);
        assertThat(fttb.getItems()).containsExactly("fttc", "fttn", "fttp", RemedyChoice.EXCLUDE);
        robot.interact(() -> fttb.setValue("fttn"));
        robot.interact(() -> fw.setValue(RemedyChoice.EXCLUDE));
        assertThat(current("#runStep")).isTrue();
        Snapshots.save(robot.lookup("#checkSummary").query(), "migration-view-remedied");

        robot.clickOn("#dryRunButton");
        await(() -> text("#report").startsWith("Dry run"));

        assertThat(text("#report")).startsWith("Dry run, nothing written: 4 would move to v2.0.0, 1 stay (excluded), 0 skipped.")
                .contains("acme-2: technology: fttb → fttn");
        assertThat(List.of("acme-1", "acme-2", "acme-3", "acme-4", "acme-5")).allSatisfy(name -> assertThat(instances.specOf(name)).isEqualTo(V1));
        assertThat(instances.valueOf("acme-2", "broadband")).isEqualTo(broadband("fttb"));
        assertThat(instances.allRuns()).isEmpty();
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).as("a dry run leaves the plan ready to run").isFalse();
        Snapshots.save(robot.lookup("#report").query(), "migration-view-dry-run");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInstanceGetsItsOwnRemedyInTheBrowserAndTheDryRunFollowsIt() throws TimeoutException {
        chooseAcmeOnV1();
        robot.clickOn("#checkButton");
        await(() -> robot.lookup("#remedy-1").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#remedy-0").queryAs(ChoiceBox.class).setValue("fttn"));
        robot.interact(() -> robot.lookup("#remedy-1").queryAs(ChoiceBox.class).setValue(RemedyChoice.EXCLUDE));

        robot.clickOn("#perInstance-0");
        await(() -> robot.lookup("#instanceChoice-acme-2").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#instanceTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        ChoiceBox<String> own = robot.lookup("#instanceChoice-acme-2").queryAs(ChoiceBox.class);
        assertThat(own.getValue()).isEqualTo(RemedyChoice.AS_GROUP);
        robot.interact(() -> own.setValue("fttp"));
        robot.clickOn("#instanceFilter").write("-3");
        robot.clickOn("#findInstances");
        await(() -> table.getItems().size() == 1);
        Snapshots.save(table, "migration-view-per-instance");
        robot.interact(() -> table.getScene().getWindow().hide());
        assertThat(text("#perInstanceSummary")).isEqualTo("Own remedies for 1 instance (0 excluded, 1 remapped)");

        robot.clickOn("#dryRunButton");
        await(() -> text("#report").startsWith("Dry run"));

        assertThat(text("#report")).contains("acme-2: technology: fttb → fttp");
        assertThat(instances.valueOf("acme-2", "broadband")).isEqualTo(broadband("fttb"));
        assertThat(instances.allRuns()).isEmpty();
    }

    static List<Decoration> decorations(Node control) {
        List<Decoration> found = Decorator.getDecorations(control);
        return found == null ? List.of() : List.copyOf(found);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValueWithNoRemedyAndABadBatchSizeAreDecoratedAndNothingRunsUntilTheyAreFixed() throws TimeoutException {
        chooseAcmeOnV1();
        robot.clickOn("#checkButton");
        await(() -> robot.lookup("#remedy-1").tryQuery().isPresent());
        ChoiceBox<String> fttb = robot.lookup("#remedy-0").queryAs(ChoiceBox.class);
        ChoiceBox<String> fw = robot.lookup("#remedy-1").queryAs(ChoiceBox.class);
        await(() -> !decorations(fttb).isEmpty() && !decorations(fw).isEmpty());
        robot.interact(() -> fttb.setValue("fttn"));
        robot.interact(() -> fw.setValue(RemedyChoice.EXCLUDE));
        await(() -> decorations(fttb).isEmpty() && decorations(fw).isEmpty());
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isFalse();

        Spinner<Integer> batchSize = robot.lookup("#batchSizeSpinner").queryAs(Spinner.class);
        robot.clickOn(batchSize.getEditor());
        robot.interact(batchSize.getEditor()::selectAll);
        robot.write("0");
        await(() -> !decorations(batchSize.getEditor()).isEmpty());

        assertThat(batchSize.getEditor().getText()).isEqualTo("0");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).as("a batch size of 0 runs nothing").isTrue();
        assertThat(robot.lookup("#dryRunButton").queryButton().isDisabled()).isTrue();
        Snapshots.save(batchSize, "migration-view-bad-batch-size");

        robot.write("5");
        await(() -> decorations(batchSize.getEditor()).isEmpty());
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).as("50 is a batch size").isFalse();
        assertThat(instances.allRuns()).isEmpty();
    }

    @Test
    void aRefusedCheckReachesTheOperatorAsAMessage() throws TimeoutException {
        chooseAcmeOnV1();
        catalogue.specifications.replaceAll(s -> s.uuid().equals(V2) ? spec(V2, "broadband", 2, dev.diffo.admin.domain.SpecificationStatus.FROZEN) : s);

        robot.clickOn("#checkButton");
        await(() -> !text("#report").isEmpty());

        assertThat(text("#report")).isEqualTo("broadband v2 is frozen\nA frozen or withdrawn major takes no new instances; choose a current one.");
        assertThat(robot.lookup("#checkButton").queryAs(Button.class).isDisabled()).as("nothing stays busy").isFalse();
    }
}
