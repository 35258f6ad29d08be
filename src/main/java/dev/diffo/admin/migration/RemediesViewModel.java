package dev.diffo.admin.migration;

import dev.diffo.admin.common.AccessProperties;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.InstanceRemedy;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.Specification;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;

/**
 * The wizard's second step: the check of the selection against the target, a remedy for each value the target does
 * not allow, an instance's own remedy where it differs from its group's, and the optional relabel. The one place
 * where the remedies chosen become the plan's mapping, exclusions and per-instance remedies.
 */
@Singleton
public class RemediesViewModel {

    /** Before the check summary once a run has used that check. */
    static final String USED = "The last run's check: ";

    private final MigrationService migration;
    private final TaskRunner tasks;
    private final SelectionViewModel selection;
    private final WizardStatus status;

    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private TaskRunner.BackgroundTask checkTask;
    /** A change of any remedy's choice is an update of this list, so the bindings over it follow the choices. */
    private final ReadOnlyListWrapper<RemedyChoice> remedies = new ReadOnlyListWrapper<>(
            FXCollections.observableArrayList(remedy -> new Observable[] {remedy.choice()}));
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    /** Per-instance remedies by instance uuid (only those that differ from the group's). */
    private final Map<String, InstanceRemedy> perInstance = new HashMap<>();
    private final ReadOnlyStringWrapper perInstanceSummary = new ReadOnlyStringWrapper("");
    /** Whether to take the check's relabel offer (off: keep the labels, as diffo's respecify does). */
    private final BooleanProperty relabel = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper labelNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper relabelOffer = new ReadOnlyStringWrapper("");
    /** The check and plan shown were used by a run (or undo): kept on screen, but a new check comes before the next run. */
    private final ReadOnlyBooleanWrapper planUsed = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCheck;
    private final BooleanBinding readyToRun;
    private final BooleanBinding canRecordTargetRules;
    private Consumer<Specification> recordRules = spec -> { };

    @Inject
    public RemediesViewModel(MigrationService migration, TaskRunner tasks, SelectionViewModel selection, WizardStatus status) {
        this.migration = migration;
        this.tasks = tasks;
        this.selection = selection;
        this.status = status;
        canCheck = status.busyProperty().not().and(selection.completeProperty());
        readyToRun = check.isNotNull().and(planUsed.not())
                .and(Bindings.createBooleanBinding(() -> remedies.stream().allMatch(r -> r.choice().get() != null), remedies));
        // recording what the target allows changes a specification: a catalogue manager's
        canRecordTargetRules = Bindings.createBooleanBinding(() -> check.get() != null && !check.get().targetRulesRecorded(), check)
                .and(new AccessProperties(migration.currentAccess(), tasks).mayChangeSpecificationsProperty());
    }

    /** Checks the selection against the target: what it selects, and one remedy to choose per value the target does not allow. */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        status.busy(true);
        status.report("");
        String who = selection.chosenRsp();
        Specification from = selection.sourceProperty().get();
        Specification to = selection.targetProperty().get();
        String filter = selection.nameFilterProperty().get();
        checking.set(true);
        checkTask = tasks.run("Checking " + who + "'s instances", p -> migration.check(who, from.uuid(), to.uuid(), filter, p), result -> {
            checking.set(false);
            checked(result, summary(result, who, from, to));
        }, error -> {
            checking.set(false);
            if (error instanceof CancellationException) {
                status.busy(false);
                status.report("Check cancelled: nothing was written. Check again when you are ready.");
            } else {
                status.failed(error);
            }
        });
    }

    /** Stops a check still reading (its reads are abandoned); nothing is written either way. */
    public void cancelCheck() {
        if (checkTask != null && checking.get()) {
            checkTask.cancel();
        }
    }

    /** A check is reading: it can be cancelled. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    private void checked(Check result, String summary) {
        status.busy(false);
        planUsed.set(false);
        check.set(result);
        Map<String, CharacteristicRule> rules = result.targetRules().stream().collect(Collectors.toMap(CharacteristicRule::key, r -> r, (a, b) -> b));
        remedies.setAll(result.offences().entrySet().stream()
                .map(e -> new RemedyChoice(e.getKey(), e.getValue(), RemedyChoice.groupOptions(rules.get(e.getKey().key()).allowedValues()),
                        new SimpleStringProperty()))
                .toList());
        selection.showSelected(result.selected());
        labelNote.set(MigrationText.labelNote(result));
        relabelOffer.set(result.relabelOffer() == null ? "" : "Relabel moved instances " + result.relabelOffer());
        checkSummary.set(summary);
    }

    private String summary(Check result, String who, Specification from, Specification to) {
        String rulesNote = MigrationText.rulesNote(result);
        String valuesNote = MigrationText.valuesNote(result);
        return (rulesNote.isEmpty() ? "" : rulesNote + "\n")
                + String.format("%,d of %s's instances%s on %s %s · %s", result.selected(), selection.rspShown(who),
                result.nameFilter() == null ? "" : " named *" + result.nameFilter() + "*", from.name(), from.version(),
                result.offences().isEmpty() ? "all allowed by " + to.version() + ": nothing to remediate"
                        : String.format("%,d need remediation before moving to %s", result.needingRemediation(), to.version()))
                + (valuesNote.isEmpty() ? "" : "\n" + valuesNote);
    }

    /** What the check selected changed: the check, its remedies and the instances' own remedies go. */
    void reset() {
        planUsed.set(false);
        check.set(null);
        remedies.clear();
        checkSummary.set("");
        perInstance.clear();
        perInstanceSummary.set("");
        relabel.set(false);
        labelNote.set("");
        relabelOffer.set("");
    }

    /** A run (or undo) used this check and plan: they stay on screen, but the next run needs a new check. */
    void markUsed() {
        planUsed.set(true);
        if (!checkSummary.get().isEmpty() && !checkSummary.get().startsWith(USED)) {
            checkSummary.set(used(checkSummary.get()));
        }
    }

    /** A check's summary once a run used it; the summary may end with a sentence of its own (the values note): one full stop between. */
    static String used(String summary) {
        String text = summary.strip();
        return USED + text + (text.endsWith(".") ? "" : ".") + " Check again before another run.";
    }

    /** The own remedy of one instance for {@code key} as a choice: {@link RemedyChoice#AS_GROUP} unless one was made. */
    String ownChoice(String uuid, String key) {
        InstanceRemedy own = perInstance.get(uuid);
        if (own == null) {
            return RemedyChoice.AS_GROUP;
        }
        return own.exclude() ? RemedyChoice.EXCLUDE : own.values().getOrDefault(key, RemedyChoice.AS_GROUP);
    }

    /** One instance's own remedy for {@code key} on the check {@code made}; a choice made on an older check is dropped. */
    void chooseOwn(Check made, String uuid, String key, String choice) {
        if (made != check.get()) {
            return;
        }
        InstanceRemedy before = perInstance.get(uuid);
        Map<String, String> values = new HashMap<>(before == null || before.exclude() ? Map.of() : before.values());
        if (RemedyChoice.EXCLUDE.equals(choice)) {
            perInstance.put(uuid, InstanceRemedy.excluded());
        } else {
            if (choice == null || RemedyChoice.AS_GROUP.equals(choice)) {
                values.remove(key);
            } else {
                values.put(key, choice);
            }
            if (values.isEmpty()) {
                perInstance.remove(uuid);
            } else {
                perInstance.put(uuid, new InstanceRemedy(false, values));
            }
        }
        long excluded = perInstance.values().stream().filter(InstanceRemedy::exclude).count();
        perInstanceSummary.set(perInstance.isEmpty() ? "" : String.format("Own remedies for %,d instance%s (%,d excluded, %,d remapped)",
                perInstance.size(), perInstance.size() == 1 ? "" : "s", excluded, perInstance.size() - excluded));
    }

    /** The remedies chosen, merged into the plan for the checked selection in batches of {@code batchSize}. */
    MigrationPlan plan(int batchSize) {
        Map<String, Map<String, String>> mapping = new HashMap<>();
        Set<Offence> excluded = new HashSet<>();
        for (RemedyChoice r : remedies) {
            if (RemedyChoice.EXCLUDE.equals(r.choice().get())) {
                excluded.add(r.offence());
            } else {
                mapping.computeIfAbsent(r.offence().key(), k -> new HashMap<>()).put(r.offence().value(), r.choice().get());
            }
        }
        Check checked = check.get();
        return new MigrationPlan(selection.chosenRsp(), selection.sourceProperty().get().uuid(), selection.targetProperty().get().uuid(),
                mapping, excluded, batchSize, perInstance, checked == null ? null : checked.nameFilter(),
                checked != null && relabel.get() ? checked.relabelOffer() : null);
    }

    /** Where "Record what the target allows…" goes (the versioning feature, wired by the main window). */
    void setRecordRules(Consumer<Specification> recordRules) {
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
    public BooleanBinding canRecordTargetRulesProperty() {
        return canRecordTargetRules;
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    /** A check made and not used by a run yet, with a remedy chosen for every offending value. */
    public BooleanBinding readyToRunProperty() {
        return readyToRun;
    }

    /** The last check made (null until one is, and after any change to what it checked). */
    public ReadOnlyObjectProperty<Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<RemedyChoice> remediesProperty() {
        return remedies.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty perInstanceSummaryProperty() {
        return perInstanceSummary.getReadOnlyProperty();
    }

    public BooleanProperty relabelProperty() {
        return relabel;
    }

    public ReadOnlyStringProperty labelNoteProperty() {
        return labelNote.getReadOnlyProperty();
    }

    /** "Relabel moved instances :Broadband → :BroadbandV2" when the check offers it, else empty. */
    public ReadOnlyStringProperty relabelOfferProperty() {
        return relabelOffer.getReadOnlyProperty();
    }

    /** True when the check and plan on screen are the ones the last run used (Check again before another run). */
    public ReadOnlyBooleanProperty planUsedProperty() {
        return planUsed.getReadOnlyProperty();
    }
}
