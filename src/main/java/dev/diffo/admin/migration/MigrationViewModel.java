package dev.diffo.admin.migration;

import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.repository.CatalogueRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The RSP operator's migration wizard: source and target, the RSP, the check, a remedy per offending value,
 * a dry run, the run in batches with progress and pause, the verification, and undo.
 */
@Singleton
public class MigrationViewModel {

    /** What to do with the instances carrying one value the target does not allow. */
    public static final String EXCLUDE = "exclude these instances";

    /** One offending value, how many instances carry it, and the remedy chosen. */
    public record Remedy(Offence offence, long instances, List<String> options, StringProperty choice) {
        public String describe() {
            return String.format("%,d instance%s with %s = %s", instances, instances == 1 ? "" : "s", offence.key(), offence.value());
        }
    }

    private final MigrationService migration;
    private final CatalogueRepository catalogue;
    private final TaskRunner tasks;

    private final ReadOnlyListWrapper<Specification> sources = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Specification> targets = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<Specification> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Specification> target = new SimpleObjectProperty<>();
    private final StringProperty rsp = new SimpleStringProperty("");
    /** A change of any remedy's choice is an update of this list, so the bindings over it follow the choices. */
    private final ReadOnlyListWrapper<Remedy> remedies = new ReadOnlyListWrapper<>(
            FXCollections.observableArrayList(remedy -> new javafx.beans.Observable[] {remedy.choice()}));
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<MigrationService.Check> check = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MigrationRun> lastRun = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canCheck;
    private final BooleanBinding canRun;
    private TaskRunner.BackgroundTask runTask;

    @Inject
    public MigrationViewModel(MigrationService migration, CatalogueRepository catalogue, TaskRunner tasks) {
        this.migration = migration;
        this.catalogue = catalogue;
        this.tasks = tasks;
        canCheck = busy.not().and(source.isNotNull()).and(target.isNotNull())
                .and(Bindings.createBooleanBinding(() -> !rsp.get().isBlank(), rsp));
        canRun = busy.not().and(check.isNotNull()).and(Bindings.createBooleanBinding(
                () -> remedies.stream().allMatch(r -> r.choice().get() != null), remedies));
        source.subscribe(s -> {
            targets.setAll(s == null ? List.of() : sources.stream()
                    .filter(t -> t.name().equals(s.name()) && t.majorVersion() > s.majorVersion() && t.status() == SpecificationStatus.CURRENT)
                    .toList());
            target.set(targets.isEmpty() ? null : targets.getLast());
            resetCheck();
        });
        target.subscribe(t -> resetCheck());
        rsp.subscribe(r -> resetCheck());
    }

    private void resetCheck() {
        check.set(null);
        remedies.clear();
        checkSummary.set("");
    }

    /** Reads the specifications that can be migrated from or to. */
    public void reload() {
        tasks.run("Reading the catalogue", p -> catalogue.findSpecifications(""), specifications -> {
            Specification chosen = source.get();
            sources.setAll(specifications.stream()
                    .sorted(java.util.Comparator.comparing(Specification::name).thenComparingLong(Specification::majorVersion)).toList());
            if (chosen != null) {
                source.set(sources.stream().filter(s -> s.uuid().equals(chosen.uuid())).findFirst().orElse(null));
            }
        }, error -> report.set(Errors.describe(error)));
    }

    public void check() {
        if (!canCheck.get()) {
            return;
        }
        busy.set(true);
        report.set("");
        String who = rsp.get().strip();
        Specification from = source.get();
        Specification to = target.get();
        tasks.run("Checking " + who + "'s instances", p -> migration.check(who, from.uuid(), to.uuid()), result -> {
            busy.set(false);
            check.set(result);
            Map<String, CharacteristicRule> rules = new HashMap<>();
            result.targetRules().forEach(r -> rules.put(r.key(), r));
            remedies.setAll(result.offences().entrySet().stream().map(e -> {
                List<String> options = new java.util.ArrayList<>(rules.get(e.getKey().key()).allowedValues());
                options.add(EXCLUDE);
                return new Remedy(e.getKey(), e.getValue(), List.copyOf(options), new SimpleStringProperty());
            }).toList());
            checkSummary.set(String.format("%,d of %s's instances on %s %s · %s", result.selected(), who, from.name(), from.version(),
                    result.offences().isEmpty() ? "all allowed by " + to.version() + ": nothing to remediate"
                            : String.format("%,d need remediation before moving to %s", result.needingRemediation(), to.version())));
        }, this::failed);
    }

    MigrationPlan plan() {
        Map<String, Map<String, String>> mapping = new HashMap<>();
        Set<Offence> excluded = new HashSet<>();
        for (Remedy r : remedies) {
            if (EXCLUDE.equals(r.choice().get())) {
                excluded.add(r.offence());
            } else {
                mapping.computeIfAbsent(r.offence().key(), k -> new HashMap<>()).put(r.offence().value(), r.choice().get());
            }
        }
        return new MigrationPlan(rsp.get().strip(), source.get().uuid(), target.get().uuid(), mapping, excluded, MigrationPlan.DEFAULT_BATCH_SIZE);
    }

    public void dryRun() {
        if (!canRun.get()) {
            return;
        }
        busy.set(true);
        MigrationPlan plan = plan();
        MigrationService.Check checked = check.get();
        tasks.run("Dry run", p -> migration.dryRun(plan, checked, p), this::updateProgress, result -> {
            busy.set(false);
            StringBuilder text = new StringBuilder(String.format("Dry run, nothing written: %,d would move to %s, %,d stay (excluded), %,d skipped.",
                    result.wouldMigrate(), target.get().version(), result.wouldExclude(), result.skipped()));
            for (int i = 0; i < result.sampleBefore().size(); i++) {
                text.append("\n  ").append(result.sampleBefore().get(i)).append("\n    → ").append(result.sampleAfter().get(i));
            }
            report.set(text.toString());
        }, this::failed);
    }

    public void run() {
        if (!canRun.get()) {
            return;
        }
        busy.set(true);
        running.set(true);
        MigrationPlan plan = plan();
        MigrationService.Check checked = check.get();
        runTask = tasks.run("Migrating", p -> migration.run(plan, checked, p), this::updateProgress, this::finished, error -> {
            running.set(false);
            failed(error);
        });
    }

    /** Pauses between batches; the run can be resumed. */
    public void pause() {
        if (runTask != null) {
            runTask.cancel();
        }
    }

    /** Writes the last run's results (one row per moved instance) to {@code file}. */
    public void exportCsv(java.nio.file.Path file) {
        MigrationRun run = lastRun.get();
        if (run == null || file == null) {
            return;
        }
        busy.set(true);
        tasks.run("Exporting the run", p -> {
            try (var writer = java.nio.file.Files.newBufferedWriter(file)) {
                migration.exportCsv(run.uuid(), writer);
            }
            return file;
        }, written -> {
            busy.set(false);
            report.set(report.get() + System.lineSeparator() + "Results written to " + written);
        }, this::failed);
    }

    public void undo() {
        MigrationRun run = lastRun.get();
        if (run == null || busy.get()) {
            return;
        }
        busy.set(true);
        running.set(true);
        runTask = tasks.run("Undoing", p -> migration.undo(run.uuid(), p), this::updateProgress, this::finished, error -> {
            running.set(false);
            failed(error);
        });
    }

    private void updateProgress(double fraction, String message) {
        progress.set(fraction);
        if (message != null) {
            progressMessage.set(message);
        }
    }

    private void finished(MigrationRun run) {
        busy.set(false);
        running.set(false);
        lastRun.set(run.kind() == MigrationRun.Kind.RUN ? run : null);
        progress.set(1);
        tasks.run("Verifying", p -> migration.remaining(run.rsp(), run.sourceUuid()), remaining -> report.set(String.format(
                "%s %s: %,d moved, %,d excluded, %,d skipped in %d batch%s.%nInstances of %s remaining on %s: %,d",
                run.kind() == MigrationRun.Kind.RUN ? "Run" : "Undo", run.status().name().toLowerCase(java.util.Locale.ROOT), run.migrated(),
                run.excluded(), run.skipped(), run.batches(), run.batches() == 1 ? "" : "es", run.rsp(), run.sourceVersion(), remaining)), this::failed);
        resetCheck();
        reload();
    }

    private void failed(Throwable error) {
        busy.set(false);
        report.set(Errors.describe(error));
    }

    public ReadOnlyListProperty<Specification> sourcesProperty() {
        return sources.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Specification> targetsProperty() {
        return targets.getReadOnlyProperty();
    }

    public ObjectProperty<Specification> sourceProperty() {
        return source;
    }

    public ObjectProperty<Specification> targetProperty() {
        return target;
    }

    public StringProperty rspProperty() {
        return rsp;
    }

    public ReadOnlyListProperty<Remedy> remediesProperty() {
        return remedies.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MigrationRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }
}
