package dev.diffo.admin.migration;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Rsp;
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

    /** A per-instance choice that keeps the group's remedy. */
    public static final String AS_GROUP = "as the group";

    /** Before the check summary once a run has used that check. */
    static final String USED = "The last run's check: ";

    /** How many instances the per-instance list reads at a time. */
    static final int INSTANCE_PAGE = 100;

    /** One offending value, how many instances carry it, and the remedy chosen. */
    public record Remedy(Offence offence, long instances, List<String> options, StringProperty choice) {
        public String describe() {
            return String.format("%,d instance%s with %s = %s", instances, instances == 1 ? "" : "s", offence.key(), offence.value());
        }
    }

    /** One instance carrying an offending value, and its own remedy ({@link #AS_GROUP}, an allowed value, or {@link #EXCLUDE}). */
    public record InstanceChoice(String uuid, String name, List<String> options, StringProperty choice) {
    }

    private final MigrationService migration;
    private final CatalogueRepository catalogue;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ReadOnlyListWrapper<Specification> sources = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Specification> targets = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<Specification> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Specification> target = new SimpleObjectProperty<>();
    private final StringProperty rsp = new SimpleStringProperty("");
    /** The RSPs on the chosen source with their counts (one aggregate read each time the source changes). */
    private final ReadOnlyListWrapper<Rsp.Share> rsps = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper rspsNote = new ReadOnlyStringWrapper("");
    private final StringProperty nameFilter = new SimpleStringProperty("");
    /** Whether to take the check's relabel offer (off: keep the labels, as diffo's respecify does). */
    private final javafx.beans.property.BooleanProperty relabel = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper labelNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper relabelOffer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionCount = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.IntegerProperty batchSize = new javafx.beans.property.SimpleIntegerProperty(MigrationPlan.DEFAULT_BATCH_SIZE);
    /** Per-instance remedies by instance uuid (only those that differ from the group's). */
    private final Map<String, MigrationPlan.InstanceRemedy> perInstance = new HashMap<>();
    private final ReadOnlyStringWrapper perInstanceSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<InstanceChoice> instanceChoices = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper moreInstances = new ReadOnlyBooleanWrapper(false);
    private Remedy instancesOf;
    private String instancesContaining;
    private TaskRunner.BackgroundTask countTask;
    /** A change of any remedy's choice is an update of this list, so the bindings over it follow the choices. */
    private final ReadOnlyListWrapper<Remedy> remedies = new ReadOnlyListWrapper<>(
            FXCollections.observableArrayList(remedy -> new javafx.beans.Observable[] {remedy.choice()}));
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MigrationRun> lastRun = new ReadOnlyObjectWrapper<>();
    /** The check and plan shown were used by a run (or undo): kept on screen, but a new check comes before the next run. */
    private final ReadOnlyBooleanWrapper planUsed = new ReadOnlyBooleanWrapper(false);
    /** Counts finished runs and undos: the screens that show what they changed reload when it moves. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper finishedRuns = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final BooleanBinding canCheck;
    private final BooleanBinding canRun;
    private TaskRunner.BackgroundTask runTask;

    @Inject
    public MigrationViewModel(MigrationService migration, CatalogueRepository catalogue, TaskRunner tasks, DialogService dialogs) {
        this.migration = migration;
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.dialogs = dialogs;
        canCheck = busy.not().and(source.isNotNull()).and(target.isNotNull())
                .and(Bindings.createBooleanBinding(() -> !rsp.get().isBlank(), rsp));
        canRun = busy.not().and(check.isNotNull()).and(planUsed.not())
                .and(batchSize.greaterThanOrEqualTo(1)).and(batchSize.lessThanOrEqualTo(MigrationPlan.MAX_BATCH_SIZE))
                .and(Bindings.createBooleanBinding(() -> remedies.stream().allMatch(r -> r.choice().get() != null), remedies));
        source.subscribe((before, s) -> {
            // the same major read again (a reload): the target and the check stay; another major starts over
            Specification chosen = target.get();
            refreshTargets(s);
            if (sameUuid(before, s) && chosen != null && targets.contains(target.get())) {
                loadRsps(s); // its RSPs' counts may have changed (a run moved instances)
                return;
            }
            target.set(targets.isEmpty() ? null : targets.getLast());
            loadRsps(s);
            resetCheck();
        });
        target.subscribe((before, t) -> {
            if (!sameUuid(before, t)) {
                resetCheck();
            }
        });
        rsp.subscribe(r -> resetCheck());
        nameFilter.subscribe(f -> resetCheck());
    }

    private void loadRsps(Specification from) {
        rsps.clear();
        rspsNote.set("");
        if (from == null) {
            return;
        }
        rspsNote.set("listing the RSPs on " + from.version() + "…");
        tasks.run("Listing the RSPs on " + from.name() + " " + from.version(), p -> migration.rsps(from.uuid()), list -> {
            if (from.equals(source.get())) {
                rsps.setAll(list);
                rspsNote.set(list.isEmpty() ? "No instance stands on " + from.version() + "." : Rsp.howFound(list) + ".");
            }
        }, error -> rspsNote.set(Errors.describe(error)));
    }

    public ReadOnlyListProperty<Rsp.Share> rspsProperty() {
        return rsps.getReadOnlyProperty();
    }

    /** How the RSPs in the list were found (party role or name prefix), or why there are none. */
    public ReadOnlyStringProperty rspsNoteProperty() {
        return rspsNote.getReadOnlyProperty();
    }

    /** The chosen RSP as the list shows it ({@code ORG… · organizationId}), else the key typed. */
    private String rspShown(String key) {
        return rsps.stream().filter(s -> s.rsp().key().equalsIgnoreCase(key)).map(s -> s.rsp().display()).findFirst().orElse(key);
    }

    private static boolean sameUuid(Specification a, Specification b) {
        return a != null && b != null && a.uuid().equals(b.uuid());
    }

    /** The newer current majors of the source's name, keeping the chosen target (by uuid) while it is still one of them. */
    private void refreshTargets(Specification s) {
        Specification chosen = target.get();
        targets.setAll(s == null ? List.of() : sources.stream()
                .filter(t -> t.name().equals(s.name()) && t.majorVersion() > s.majorVersion() && t.status() == SpecificationStatus.CURRENT)
                .toList());
        if (chosen != null) {
            targets.stream().filter(t -> t.uuid().equals(chosen.uuid())).findFirst().ifPresent(target::set);
        }
    }

    private void resetCheck() {
        planUsed.set(false);
        check.set(null);
        remedies.clear();
        checkSummary.set("");
        perInstance.clear();
        perInstanceSummary.set("");
        relabel.set(false);
        labelNote.set("");
        relabelOffer.set("");
        instanceChoices.clear();
        countSelection();
    }

    /** The live count of what a check would select; each change supersedes the count still running. */
    private void countSelection() {
        if (countTask != null) {
            countTask.cancel();
            countTask = null;
        }
        Specification from = source.get();
        String who = rsp.get() == null ? "" : rsp.get().strip();
        if (from == null || who.isEmpty()) {
            selectionCount.set("");
            return;
        }
        String filter = nameFilter.get();
        selectionCount.set("counting…");
        TaskRunner.BackgroundTask[] self = new TaskRunner.BackgroundTask[1];
        self[0] = tasks.run("Counting " + who + "'s instances", p -> migration.count(who, from.uuid(), filter), n -> {
            if (countTask == self[0]) {
                selectionCount.set(String.format("%,d selected", n));
            }
        }, error -> {
            if (countTask == self[0]) {
                selectionCount.set(Errors.describe(error));
            }
        });
        countTask = self[0];
    }

    /** Lists (a page of) the instances carrying {@code remedy}'s value whose name contains {@code containing}, for their own remedies. */
    public void showInstances(Remedy remedy, String containing) {
        Check checked = check.get();
        if (checked == null || remedy == null) {
            return;
        }
        instancesOf = remedy;
        instancesContaining = containing;
        instanceChoices.clear();
        loadInstances(checked, null);
    }

    /** The next page of the list {@link #showInstances} started. */
    public void moreInstances() {
        Check checked = check.get();
        if (checked == null || instancesOf == null || instanceChoices.isEmpty()) {
            return;
        }
        loadInstances(checked, instanceChoices.getLast().name());
    }

    private void loadInstances(Check checked, String after) {
        Remedy remedy = instancesOf;
        String containing = instancesContaining;
        busy.set(true);
        tasks.run("Listing instances with " + remedy.offence(), p -> migration.carrying(checked, remedy.offence(), containing, after, INSTANCE_PAGE + 1),
                found -> {
                    busy.set(false);
                    if (remedy != instancesOf || check.get() != checked) {
                        return;
                    }
                    List<String> options = new java.util.ArrayList<>();
                    options.add(AS_GROUP);
                    remedy.options().stream().filter(o -> !EXCLUDE.equals(o)).forEach(options::add);
                    options.add(EXCLUDE);
                    for (var ref : found.subList(0, Math.min(found.size(), INSTANCE_PAGE))) {
                        StringProperty choice = new SimpleStringProperty(describe(perInstance.get(ref.uuid()), remedy.offence().key()));
                        choice.subscribe(c -> choose(ref.uuid(), remedy.offence().key(), c));
                        instanceChoices.add(new InstanceChoice(ref.uuid(), ref.name(), List.copyOf(options), choice));
                    }
                    moreInstances.set(found.size() > INSTANCE_PAGE);
                }, this::failed);
    }

    private static String describe(MigrationPlan.InstanceRemedy own, String key) {
        if (own == null) {
            return AS_GROUP;
        }
        return own.exclude() ? EXCLUDE : own.values().getOrDefault(key, AS_GROUP);
    }

    private void choose(String uuid, String key, String choice) {
        MigrationPlan.InstanceRemedy before = perInstance.get(uuid);
        Map<String, String> values = new HashMap<>(before == null || before.exclude() ? Map.of() : before.values());
        if (EXCLUDE.equals(choice)) {
            perInstance.put(uuid, MigrationPlan.InstanceRemedy.excluded());
        } else {
            if (choice == null || AS_GROUP.equals(choice)) {
                values.remove(key);
            } else {
                values.put(key, choice);
            }
            if (values.isEmpty()) {
                perInstance.remove(uuid);
            } else {
                perInstance.put(uuid, new MigrationPlan.InstanceRemedy(false, values));
            }
        }
        long excluded = perInstance.values().stream().filter(MigrationPlan.InstanceRemedy::exclude).count();
        perInstanceSummary.set(perInstance.isEmpty() ? "" : String.format("Own remedies for %,d instance%s (%,d excluded, %,d remapped)",
                perInstance.size(), perInstance.size() == 1 ? "" : "s", excluded, perInstance.size() - excluded));
    }

    /** Reads the specifications that can be migrated from or to. */
    public void reload() {
        tasks.run("Reading the catalogue", p -> catalogue.findSpecifications(""), specifications -> {
            Specification chosen = source.get();
            sources.setAll(specifications.stream()
                    .sorted(java.util.Comparator.comparing(Specification::name).thenComparingLong(Specification::majorVersion)).toList());
            if (chosen != null) {
                Specification again = sources.stream().filter(s -> s.uuid().equals(chosen.uuid())).findFirst().orElse(null);
                source.set(again);
                // the same source read again does not fire: its targets may still have changed (a new major, a frozen one)
                if (again != null && again.equals(chosen)) {
                    Specification kept = target.get();
                    refreshTargets(again);
                    if (kept != null && !targets.contains(target.get())) {
                        target.set(targets.isEmpty() ? null : targets.getLast());
                    }
                    loadRsps(again); // the same source: its RSPs may have changed (instances moved, another RSP role)
                }
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
        String filter = nameFilter.get();
        tasks.run("Checking " + who + "'s instances", p -> migration.check(who, from.uuid(), to.uuid(), filter, p), result -> {
            busy.set(false);
            planUsed.set(false);
            check.set(result);
            Map<String, CharacteristicRule> rules = new HashMap<>();
            result.targetRules().forEach(r -> rules.put(r.key(), r));
            remedies.setAll(result.offences().entrySet().stream().map(e -> {
                List<String> options = new java.util.ArrayList<>(rules.get(e.getKey().key()).allowedValues());
                options.add(EXCLUDE);
                return new Remedy(e.getKey(), e.getValue(), List.copyOf(options), new SimpleStringProperty());
            }).toList());
            selectionCount.set(String.format("%,d selected", result.selected()));
            labelNote.set(MigrationText.labelNote(result));
            relabelOffer.set(result.relabelOffer() == null ? "" : "Relabel moved instances " + result.relabelOffer());
            String rulesNote = MigrationText.rulesNote(result);
            checkSummary.set((rulesNote.isEmpty() ? "" : rulesNote + "\n") + String.format("%,d of %s's instances%s on %s %s · %s", result.selected(), rspShown(who),
                    result.nameFilter() == null ? "" : " named *" + result.nameFilter() + "*", from.name(), from.version(),
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
        Check checked = check.get();
        return new MigrationPlan(rsp.get().strip(), source.get().uuid(), target.get().uuid(), mapping, excluded, batchSize.get(), perInstance,
                checked == null ? null : checked.nameFilter(), checked != null && relabel.get() ? checked.relabelOffer() : null);
    }

    public void dryRun() {
        if (!canRun.get()) {
            return;
        }
        busy.set(true);
        running.set(true);
        MigrationPlan plan = plan();
        Check checked = check.get();
        runTask = tasks.run("Dry run", p -> migration.dryRun(plan, checked, p), this::updateProgress, result -> {
            busy.set(false);
            running.set(false);
            StringBuilder text = new StringBuilder(result.stopped()
                    ? String.format("Dry run stopped after %,d of %,d instances, nothing written: of those, ", result.examined(), result.selected()) : "Dry run, nothing written: ");
            text.append(String.format("%,d would move to %s, %,d stay (excluded), %,d skipped%s.",
                    result.wouldMigrate(), target.get().version(), result.wouldExclude(), result.skipped(),
                    plan.relabel() == null ? "" : String.format(", %,d relabelled %s", result.wouldRelabel(), plan.relabel())));
            for (int i = 0; i < result.sampleBefore().size(); i++) {
                text.append("\n  ").append(result.sampleBefore().get(i)).append("\n    → ").append(result.sampleAfter().get(i));
            }
            report.set(text.toString());
            // nothing was written: the bar does not stay full as if something had run
            progress.set(0);
            progressMessage.set("");
        }, error -> {
            running.set(false);
            failed(error);
        });
    }

    /** Asks first, saying how many instances move where and how many values are rewritten (from the check). */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        MigrationPlan plan = plan();
        Check checked = check.get();
        if (!dialogs.confirm("Run the migration?", MigrationText.describeRun(plan, checked, rspShown(plan.rsp())), "Run migration")) {
            return;
        }
        busy.set(true);
        running.set(true);
        runTask = tasks.run("Migrating", p -> migration.run(plan, checked, p), this::updateProgress, this::finished, error -> {
            running.set(false);
            failed(error);
            offerResume(plan);
        });
    }

    /** After a run stopped on an error (a lost connection, say), its interrupted run is the one Resume continues. */
    private void offerResume(MigrationPlan plan) {
        tasks.run("Reading the runs", p -> migration.runs(plan.sourceUuid()).stream()
                .filter(r -> r.kind() == MigrationRun.Kind.RUN && r.status().resumable() && r.rsp().equalsIgnoreCase(plan.rsp()))
                .findFirst(), found -> found.ifPresent(lastRun::set), error -> { });
    }

    /** Pauses between batches (the batches in flight land first); the run can be resumed. */
    public void pause() {
        if (runTask != null && running.get()) {
            runTask.requestStop();
            progressMessage.set("Pausing after the batches in flight…");
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

    /** Resumes the last run after a pause or an interruption (same plan, same batch size, nothing moves twice). */
    public void resume() {
        MigrationRun run = lastRun.get();
        if (run == null || busy.get() || !run.status().resumable()) {
            return;
        }
        busy.set(true);
        running.set(true);
        runTask = tasks.run("Resuming", p -> migration.resume(run.uuid(), p), this::updateProgress, this::finished, error -> {
            running.set(false);
            failed(error);
            offerResume(MigrationService.planOf(run));
        });
    }

    /** Asks first, naming the run and how many instances go back. */
    public void undo() {
        MigrationRun run = lastRun.get();
        if (run == null || busy.get()) {
            return;
        }
        if (!dialogs.confirm("Undo the last run?", MigrationText.describeUndo(run), "Undo run")) {
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
        if (run.status() == MigrationRun.Status.COMPLETED) {
            progress.set(1);
        }
        tasks.run("Verifying", p -> migration.verify(run), verified -> report.set(MigrationText.describe(verified)), this::failed);
        // source, target and the plan stay as the run used them; the next run needs a new check
        planUsed.set(true);
        if (!checkSummary.get().isEmpty() && !checkSummary.get().startsWith(USED)) {
            checkSummary.set(USED + checkSummary.get() + ". Check again before another run.");
        }
        countSelection();
        finishedRuns.set(finishedRuns.get() + 1);
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

    public javafx.beans.property.BooleanProperty relabelProperty() {
        return relabel;
    }

    public ReadOnlyStringProperty labelNoteProperty() {
        return labelNote.getReadOnlyProperty();
    }

    /** "Relabel moved instances :Broadband → :BroadbandV2" when the check offers it, else empty. */
    public ReadOnlyStringProperty relabelOfferProperty() {
        return relabelOffer.getReadOnlyProperty();
    }

    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    public ReadOnlyStringProperty selectionCountProperty() {
        return selectionCount.getReadOnlyProperty();
    }

    public javafx.beans.property.IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public ReadOnlyStringProperty perInstanceSummaryProperty() {
        return perInstanceSummary.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<InstanceChoice> instanceChoicesProperty() {
        return instanceChoices.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreInstancesProperty() {
        return moreInstances.getReadOnlyProperty();
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

    private java.util.function.Consumer<Specification> recordRules = spec -> {
    };

    /** Where "Record allowed values…" for the target goes (the versioning feature, wired by the main window). */
    public void setRecordRules(java.util.function.Consumer<Specification> recordRules) {
        this.recordRules = recordRules;
    }

    /** The check found the target without allowed values recorded: record them first (then check again). */
    public void recordTargetRules() {
        Check checked = check.get();
        if (checked != null && !checked.targetRulesRecorded()) {
            recordRules.accept(checked.target());
        }
    }

    /** Whether the last check was against a target with no allowed values recorded. */
    public javafx.beans.binding.BooleanBinding canRecordTargetRulesProperty() {
        return Bindings.createBooleanBinding(() -> check.get() != null && !check.get().targetRulesRecorded(), check);
    }

    /** The last check made (null until one is, and after any change to what it checked). */
    public ReadOnlyObjectProperty<Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MigrationRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** Counts finished runs and undos (the catalogue, instances and history reload when it moves). */
    public javafx.beans.property.ReadOnlyIntegerProperty finishedRunsProperty() {
        return finishedRuns.getReadOnlyProperty();
    }

    /** True when the check and plan on screen are the ones the last run used (Check again before another run). */
    public ReadOnlyBooleanProperty planUsedProperty() {
        return planUsed.getReadOnlyProperty();
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }
}
