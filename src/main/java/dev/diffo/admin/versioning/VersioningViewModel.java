package dev.diffo.admin.versioning;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.AccessProperties;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The catalogue manager's actions on the selected specification version. */
@Singleton
public class VersioningViewModel {

    /** Asks the view to open the editor dialog, with what it starts from. */
    public record EditRequest(SpecEditorViewModel.Mode mode, Specification specification, List<CharacteristicRule> rules) {
    }

    private final VersioningService versioning;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ObjectProperty<Specification> specification = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<EditRequest> editRequest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(0);
    /** The version the last change made or changed (null after a delete): the catalogue selects it after reloading. */
    private final ReadOnlyObjectWrapper<Specification> changed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper rulesText = new ReadOnlyStringWrapper("");
    private final BooleanBinding selected;
    private final BooleanBinding editable;
    private final AccessProperties access;

    @Inject
    public VersioningViewModel(VersioningService versioning, TaskRunner tasks, DialogService dialogs) {
        this.versioning = versioning;
        this.tasks = tasks;
        this.dialogs = dialogs;
        access = new AccessProperties(versioning.currentAccess(), tasks);
        // only a catalogue manager changes specifications: the service refuses anyone else, and the actions say so by being disabled
        selected = specification.isNotNull().and(busy.not()).and(access.mayChangeSpecificationsProperty());
        editable = selected.and(Bindings.createBooleanBinding(() -> status() != SpecificationStatus.WITHDRAWN, specification));
        specification.subscribe(this::loadRules);
    }

    private SpecificationStatus status() {
        return specification.get() == null ? null : specification.get().status();
    }

    private void loadRules(Specification spec) {
        rulesText.set("");
        if (spec != null) {
            tasks.run("Reading what " + spec.name() + " allows", p -> versioning.rules(spec), rules -> {
                if (spec.equals(specification.get())) {
                    rulesText.set(rules.isEmpty() ? "not recorded (diffo keeps allowed values in its code): Record allowed values… notes them for this version"
                            : rules.stream().map(CharacteristicRule::describe).collect(Collectors.joining("\n")));
                }
            }, error -> rulesText.set("(" + Errors.headline(error) + ")"));
        }
    }

    public void create() {
        editRequest.set(new EditRequest(SpecEditorViewModel.Mode.CREATE, null, List.of()));
    }

    public void patch() {
        edit(SpecEditorViewModel.Mode.PATCH);
    }

    public void minor() {
        edit(SpecEditorViewModel.Mode.MINOR);
    }

    /** A new major always starts from the latest major of the name, whichever version is selected. */
    public void major() {
        Specification spec = specification.get();
        if (spec == null) {
            return;
        }
        busy.set(true);
        tasks.run("Reading the latest major of " + spec.name(), p -> {
            Specification latest = versioning.latestMajor(spec.name());
            return new EditRequest(SpecEditorViewModel.Mode.MAJOR, latest, versioning.rules(latest));
        }, request -> {
            busy.set(false);
            editRequest.set(request);
        }, this::failed);
    }

    private void edit(SpecEditorViewModel.Mode mode) {
        Specification spec = specification.get();
        if (spec == null) {
            return;
        }
        busy.set(true);
        tasks.run("Reading " + spec.name(), p -> versioning.rules(spec), rules -> {
            busy.set(false);
            editRequest.set(new EditRequest(mode, spec, rules));
        }, this::failed);
    }

    /** What the "Record allowed values…" dialog opens on: the version, what is recorded now, and the values in use on it. */
    public record RecordRequest(Specification specification, List<CharacteristicRule> recorded, List<dev.diffo.admin.domain.ValueInUse> inUse) {
    }

    private final ReadOnlyObjectWrapper<RecordRequest> recordRequest = new ReadOnlyObjectWrapper<>();

    /** Records what the selected version allows, without a version bump: reads the values in use first, for the user to tick. */
    public void recordRules() {
        recordRules(specification.get());
    }

    /** The same for a version chosen elsewhere (the migration wizard's target without recorded values). */
    public void recordRules(Specification spec) {
        if (spec == null) {
            return;
        }
        busy.set(true);
        tasks.run("Reading the values in use on " + spec.name() + " " + spec.version(),
                p -> new RecordRequest(spec, versioning.rules(spec), versioning.valuesInUse(spec)), request -> {
                    busy.set(false);
                    recordRequest.set(request);
                }, this::failed);
    }

    public ReadOnlyObjectProperty<RecordRequest> recordRequestProperty() {
        return recordRequest.getReadOnlyProperty();
    }

    public void recordRequestHandled() {
        recordRequest.set(null);
    }

    /** The view opened the editor; a later request for the same thing opens it again. */
    public void editRequestHandled() {
        editRequest.set(null);
    }

    /** The editor saved a change: the catalogue shows the version it made (a new major, a new specification) or changed. */
    public void saved(Specification result) {
        changed.set(result);
        changes.set(changes.get() + 1);
        // recording allowed values leaves diffo's node (and so the selection) as it was: read what it allows again
        loadRules(specification.get());
    }

    /** Asks first, naming the version and the instances that stay on it. */
    public void freeze() {
        Specification spec = specification.get();
        if (spec == null) {
            return;
        }
        if (dialogs.confirm("Freeze " + spec.name() + " v" + spec.majorVersion() + "?", VersioningService.describeFreeze(spec), "Freeze v" + spec.majorVersion())) {
            act("Freezing", s -> versioning.freeze(s, null));
        }
    }

    public void unfreeze() {
        act("Unfreezing", spec -> versioning.unfreeze(spec, null));
    }

    /** Shows how many instances still stand on the major, per RSP, and withdraws it once confirmed. */
    public void withdraw() {
        Specification spec = specification.get();
        if (spec == null) {
            return;
        }
        busy.set(true);
        tasks.run("Counting instances on " + spec.name() + " v" + spec.majorVersion(), p -> versioning.withdrawalImpact(spec), impact -> {
            busy.set(false);
            if (dialogs.confirm("Withdraw " + spec.name() + " v" + spec.majorVersion() + "?", VersioningService.describeWithdrawal(spec, impact), "Withdraw v" + spec.majorVersion())) {
                act("Withdrawing", s -> versioning.withdraw(s, null));
            }
        }, this::failed);
    }

    public void delete() {
        Specification spec = specification.get();
        if (spec == null) {
            return;
        }
        if (dialogs.confirm("Delete " + spec.name() + " " + spec.version() + "?", VersioningService.describeDelete(spec), "Delete " + spec.version())) {
            busy.set(true);
            tasks.run("Deleting " + spec.name(), p -> {
                versioning.delete(spec, null);
                return spec;
            }, deleted -> {
                busy.set(false);
                // bound to the catalogue's selection in the app: there the reload clears it (the version is gone)
                if (!specification.isBound()) {
                    specification.set(null);
                }
                changed.set(null);
                changes.set(changes.get() + 1);
            }, this::failed);
        }
    }

    private void act(String what, java.util.function.Function<Specification, Specification> action) {
        Specification spec = specification.get();
        busy.set(true);
        tasks.run(what + " " + spec.name(), p -> action.apply(spec), result -> {
            busy.set(false);
            changed.set(result);
            changes.set(changes.get() + 1);
        }, this::failed);
    }

    private void failed(Throwable error) {
        busy.set(false);
        dialogs.showError("The change was not made", error);
    }

    public ObjectProperty<Specification> specificationProperty() {
        return specification;
    }

    public ReadOnlyObjectProperty<EditRequest> editRequestProperty() {
        return editRequest.getReadOnlyProperty();
    }

    /** The version the last change made or changed; null after a delete. */
    public ReadOnlyObjectProperty<Specification> changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Counts saved changes: the catalogue reloads when it moves. */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rulesTextProperty() {
        return rulesText.getReadOnlyProperty();
    }

    /** New specification: a catalogue manager's, when nothing is running. */
    public BooleanBinding canCreateProperty() {
        return busy.not().and(access.mayChangeSpecificationsProperty());
    }

    /** Whether the role changes specifications at all (the versioning bar is shown only then). */
    public javafx.beans.property.ReadOnlyBooleanProperty mayChangeSpecificationsProperty() {
        return access.mayChangeSpecificationsProperty();
    }

    public BooleanBinding canEditProperty() {
        return editable;
    }

    public BooleanBinding canFreezeProperty() {
        return editable.and(Bindings.createBooleanBinding(() -> status() == SpecificationStatus.CURRENT, specification));
    }

    public BooleanBinding canUnfreezeProperty() {
        return selected.and(Bindings.createBooleanBinding(() -> status() == SpecificationStatus.FROZEN, specification));
    }

    public BooleanBinding canWithdrawProperty() {
        return editable;
    }

    public BooleanBinding canDeleteProperty() {
        return selected;
    }
}
