package dev.diffo.admin.migration;

import dev.diffo.admin.common.PlanCodec;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.AccessProperties;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's last step: the dry run, the run in batches with progress and pause, resume, the verification of
 * what a run left on the source, the run's results as CSV, and undo.
 */
@Singleton
public class ExecutionViewModel {

    private final MigrationService migration;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SelectionViewModel selection;
    private final RemediesViewModel remedies;
    private final WizardStatus status;

    private final IntegerProperty batchSize = new SimpleIntegerProperty(MigrationPlan.DEFAULT_BATCH_SIZE);
    /** The batch size as typed (the spinner's text): a whole number sets {@link #batchSize}; anything else only a message. */
    private final StringProperty batchSizeText = new SimpleStringProperty(String.valueOf(MigrationPlan.DEFAULT_BATCH_SIZE));
    private final StringBinding batchSizeMessage;
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<MigrationRun> lastRun = new ReadOnlyObjectWrapper<>();
    /** Counts finished runs and undos: the screens that show what they changed reload when it moves. */
    private final ReadOnlyIntegerWrapper finishedRuns = new ReadOnlyIntegerWrapper(0);
    /** The dry run's or the verify step's table: instance, field, before, after, outcome and reason. */
    private final ObservableList<OutcomeRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rowsTitle = new ReadOnlyStringWrapper("Dry run and verify list each value rewritten and each instance left here.");
    private final BooleanProperty showRawJson = new SimpleBooleanProperty(false);
    private final BooleanBinding canRun;
    private final BooleanBinding canUndo;
    private final BooleanBinding canResume;
    private TaskRunner.BackgroundTask runTask;

    @Inject
    public ExecutionViewModel(MigrationService migration, TaskRunner tasks, DialogService dialogs, SelectionViewModel selection,
                              RemediesViewModel remedies, WizardStatus status) {
        this.migration = migration;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.selection = selection;
        this.remedies = remedies;
        this.status = status;
        // a viewer moves nothing (the service refuses it too); an RSP operator's plan is always of its own RSP
        var mayMove = new AccessProperties(migration.currentAccess(), tasks).mayWriteInstancesProperty();
        // the typed text and the size follow each other: a number typed becomes the size, a size set shows as text
        batchSizeText.subscribe(text -> {
            Integer typed = batchSizeOf(text);
            if (typed != null && typed != batchSize.get()) {
                batchSize.set(typed);
            }
        });
        batchSize.subscribe(size -> {
            if (!Integer.valueOf(size.intValue()).equals(batchSizeOf(batchSizeText.get()))) {
                batchSizeText.set(String.valueOf(size.intValue()));
            }
        });
        batchSizeMessage = Bindings.createStringBinding(() -> batchSizeProblem(batchSizeText.get(), batchSize.get()), batchSizeText, batchSize);
        canRun = status.busyProperty().not().and(remedies.readyToRunProperty()).and(mayMove)
                .and(batchSizeMessage.isEmpty());
        canUndo = lastRun.isNotNull().and(status.busyProperty().not()).and(mayMove);
        canResume = status.busyProperty().not().and(mayMove)
                .and(Bindings.createBooleanBinding(() -> lastRun.get() != null && lastRun.get().status().resumable(), lastRun));
    }

    /** The whole number {@code text} says (digits, with or without thousands separators), or null. */
    public static Integer batchSizeOf(String text) {
        String digits = text == null ? "" : text.strip().replace(",", "").replace("_", "").replace(" ", "");
        if (!digits.matches("[0-9]+")) {
            return null;
        }
        // beyond nine digits it is out of range anyway (and past what an int holds)
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.valueOf(digits);
    }

    private static String batchSizeProblem(String text, int size) {
        String range = String.format("a whole number from 1 to %,d", MigrationPlan.MAX_BATCH_SIZE);
        Integer typed = batchSizeOf(text);
        if (typed == null) {
            return (text == null || text.isBlank() ? "No batch size: it is " : "\"" + text.strip() + "\" is not a batch size: it is ") + range + ".";
        }
        if (size < 1 || size > MigrationPlan.MAX_BATCH_SIZE) {
            return String.format("A batch size of %,d is out of range: it is %s.", size, range);
        }
        return "";
    }

    MigrationPlan plan() {
        return remedies.plan(batchSize.get());
    }

    /** The plan on every selected instance, batch by batch, each batch rolled back: what would move, nothing written. */
    public void dryRun() {
        if (!canRun.get()) {
            return;
        }
        MigrationPlan plan = plan();
        Check checked = remedies.checkProperty().get();
        started();
        runTask = tasks.run("Dry run", p -> migration.dryRun(plan, checked, p), this::updateProgress, result -> {
            status.busy(false);
            running.set(false);
            status.report(describe(result, plan, checked));
            showRows(OutcomeRow.of(result), String.format("Dry run: %,d value%s rewritten, %,d instance%s left (nothing written)%s",
                    result.rewrites().size(), result.rewrites().size() == 1 ? "" : "s", result.left().size(), result.left().size() == 1 ? "" : "s",
                    result.rewrites().size() >= DryRun.ROWS_SHOWN || result.left().size() >= DryRun.ROWS_SHOWN ? " — the first " + DryRun.ROWS_SHOWN : ""));
            // nothing was written: the bar does not stay full as if something had run
            progress.set(0);
            progressMessage.set("");
        }, this::stopped);
    }

    private static String describe(DryRun result, MigrationPlan plan, Check checked) {
        StringBuilder text = new StringBuilder(result.stopped()
                ? String.format("Dry run stopped after %,d of %,d instances, nothing written: of those, ", result.examined(), result.selected())
                : "Dry run, nothing written: ");
        text.append(String.format("%,d would move to %s, %,d stay (excluded), %,d skipped%s.",
                result.wouldMigrate(), checked.target().version(), result.wouldExclude(), result.skipped(),
                plan.relabel() == null ? "" : String.format(", %,d relabelled %s", result.wouldRelabel(), plan.relabel())));
        result.rewrites().stream().limit(5).forEach(r -> text.append("\n  ").append(r.instanceName()).append(": ")
                .append(String.join(", ", r.changes().stream().map(c -> c.text()).toList())));
        if (result.rewrites().size() > 5) {
            text.append("\n  … the table below lists them");
        }
        return text.toString();
    }

    /** Asks first, saying how many instances move where and how many values are rewritten (from the check). */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        MigrationPlan plan = plan();
        Check checked = remedies.checkProperty().get();
        if (!dialogs.confirm("Run the migration?", MigrationText.describeRun(plan, checked, selection.rspShown(plan.rsp())), "Run migration")) {
            return;
        }
        started();
        runTask = tasks.run("Migrating", p -> migration.run(plan, checked, p), this::updateProgress, this::finished, error -> {
            stopped(error);
            offerResume(plan);
        });
    }

    /** Pauses between batches (the batches in flight land first); a run can be resumed, a dry run says how far it got. */
    public void pause() {
        if (runTask != null && running.get()) {
            runTask.requestStop();
            progressMessage.set("Pausing after the batches in flight…");
        }
    }

    /** Resumes the last run after a pause or an interruption (same plan, same batch size, nothing moves twice). */
    public void resume() {
        MigrationRun run = lastRun.get();
        if (run == null || status.isBusy() || !run.status().resumable()) {
            return;
        }
        started();
        runTask = tasks.run("Resuming", p -> migration.resume(run.uuid(), p), this::updateProgress, this::finished, error -> {
            stopped(error);
            offerResume(PlanCodec.planOf(run));
        });
    }

    /** Asks first, naming the run and how many instances go back. */
    public void undo() {
        MigrationRun run = lastRun.get();
        if (run == null || status.isBusy()) {
            return;
        }
        if (!dialogs.confirm("Undo the last run?", MigrationText.describeUndo(run), "Undo run")) {
            return;
        }
        started();
        runTask = tasks.run("Undoing", p -> migration.undo(run.uuid(), p), this::updateProgress, this::finished, this::stopped);
    }

    /** Writes the last run's results (one row per moved instance) to {@code file}. */
    public void exportCsv(Path file) {
        MigrationRun run = lastRun.get();
        if (run == null || file == null) {
            return;
        }
        status.busy(true);
        tasks.run("Exporting the run", p -> {
            try (var writer = Files.newBufferedWriter(file)) {
                migration.exportCsv(run.uuid(), writer);
            }
            return file;
        }, written -> {
            status.busy(false);
            status.reportMore("Results written to " + written);
        }, status::failed);
    }

    private void started() {
        status.busy(true);
        running.set(true);
        showRows(List.of(), "");
    }

    private void stopped(Throwable error) {
        running.set(false);
        status.failed(error);
    }

    /** After a run stopped on an error (a lost connection, say), its interrupted run is the one Resume continues. */
    private void offerResume(MigrationPlan plan) {
        tasks.run("Reading the runs", p -> interrupted(plan), found -> found.ifPresent(lastRun::set),
                error -> status.reportMore("The interrupted run could not be offered for Resume: " + Errors.describe(error)));
    }

    private Optional<MigrationRun> interrupted(MigrationPlan plan) {
        return migration.runs(plan.sourceUuid()).stream()
                .filter(r -> r.kind() == MigrationRun.Kind.RUN && r.status().resumable() && r.rsp().equalsIgnoreCase(plan.rsp()))
                .findFirst();
    }

    private void updateProgress(double fraction, String message) {
        progress.set(fraction);
        if (message != null) {
            progressMessage.set(message);
        }
    }

    private void finished(MigrationRun run) {
        status.busy(false);
        running.set(false);
        lastRun.set(run.kind() == MigrationRun.Kind.RUN ? run : null);
        if (run.status() == MigrationRun.Status.COMPLETED) {
            progress.set(1);
        }
        tasks.run("Verifying", p -> migration.verify(run), verified -> {
            status.report(MigrationText.describe(verified));
            showRows(OutcomeRow.of(verified), String.format("Verify: %,d value%s rewritten, %,d instance%s left on %s", verified.rewrites().size(),
                    verified.rewrites().size() == 1 ? "" : "s", verified.sample().size(), verified.sample().size() == 1 ? "" : "s",
                    verified.run().sourceVersion()));
        }, status::failed);
        // the wizard coordinates what follows: the check is marked used, the selection counted and read again
        finishedRuns.set(finishedRuns.get() + 1);
    }

    private void showRows(List<OutcomeRow> shown, String title) {
        rows.setAll(shown);
        rowsTitle.set(title);
    }

    /** The table's rows (dry run or verify), as the last of them found them. */
    public ObservableList<OutcomeRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyStringProperty rowsTitleProperty() {
        return rowsTitle.getReadOnlyProperty();
    }

    /** Whether the table shows each value's stored JSON next to its fields. */
    public BooleanProperty showRawJsonProperty() {
        return showRawJson;
    }

    /** The given rows (the table's selection) as tab-separated text with a header, for the clipboard. */
    public String copyText(List<OutcomeRow> selected) {
        return OutcomeRow.tsv(selected);
    }

    /** Every row as tab-separated text with a header ("Copy all"). */
    public String copyAllText() {
        return OutcomeRow.tsv(rows);
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    /** A run's results can be exported while none is going. */
    public BooleanBinding canExportProperty() {
        return canUndo;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    /** The batch size as typed; a whole number in it becomes {@link #batchSizeProperty()}. */
    public StringProperty batchSizeTextProperty() {
        return batchSizeText;
    }

    /** Why the batch size typed cannot be used (empty when it can): what the View decorates the batch size with. */
    public StringBinding batchSizeMessageProperty() {
        return batchSizeMessage;
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportProperty() {
        return status.reportProperty();
    }

    public ReadOnlyObjectProperty<MigrationRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** Counts finished runs and undos (the catalogue, instances and history reload when it moves). */
    public ReadOnlyIntegerProperty finishedRunsProperty() {
        return finishedRuns.getReadOnlyProperty();
    }
}
