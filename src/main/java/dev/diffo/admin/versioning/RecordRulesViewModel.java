package dev.diffo.admin.versioning;

import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.RulesDiff;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.ValueInUse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * "Record allowed values…": what an existing version allows, written without touching diffo's version numbers.
 * It starts from the values in use on the version (each ticked; the user unticks what the version does not allow)
 * and takes further values as rule text ({@code broadband.technology: string = fw}), merged by field.
 */
public class RecordRulesViewModel {

    /** A value in use, and whether the version allows it. */
    public record Tick(ValueInUse value, BooleanProperty allowed) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    private final VersioningService versioning;
    private final TaskRunner tasks;

    private final ReadOnlyListWrapper<Tick> ticks = new ReadOnlyListWrapper<>(FXCollections.observableArrayList(t -> new javafx.beans.Observable[] {t.allowed()}));
    private final StringProperty extra = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Specification> saved = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSave;
    private Specification specification;
    private List<CharacteristicRule> recorded = List.of();

    @Inject
    public RecordRulesViewModel(VersioningService versioning, TaskRunner tasks) {
        this.versioning = versioning;
        this.tasks = tasks;
        canSave = busy.not().and(validation.isEmpty()).and(Bindings.createBooleanBinding(() -> !rules().isEmpty(), ticks, extra));
        ticks.addListener((javafx.collections.ListChangeListener<Tick>) c -> update());
        extra.subscribe(t -> update());
    }

    /** Opens on a version: what is recorded now, and the values in use on it, each ticked. */
    public void start(Specification spec, List<CharacteristicRule> recordedNow, List<ValueInUse> inUse) {
        specification = spec;
        recorded = List.copyOf(recordedNow);
        heading.set("What " + spec.name() + " " + spec.version() + " allows, recorded without a version bump (diffo keeps allowed values in its code; "
                + spec.name() + " stays " + spec.version() + "). " + (recorded.isEmpty() ? "Nothing is recorded yet." : "Recorded now: "
                + recorded.stream().map(CharacteristicRule::describe).collect(Collectors.joining("; ")) + "."));
        ticks.setAll(inUse.stream().map(v -> new Tick(v, new SimpleBooleanProperty(true))).toList());
        update();
    }

    /** The rules to record: the ticked values per field, merged with the rules typed as text. */
    List<CharacteristicRule> rules() {
        List<CharacteristicRule> fromTicks = VersioningService.rulesAllowing(ticks.stream().filter(t -> t.allowed().get()).map(Tick::value).toList());
        List<CharacteristicRule> typed;
        try {
            typed = RuleText.parse(extra.get() == null ? "" : extra.get());
        } catch (DiffoAdminException e) {
            return fromTicks;
        }
        Map<String, CharacteristicRule> merged = new LinkedHashMap<>();
        fromTicks.forEach(r -> merged.put(r.key(), r));
        for (CharacteristicRule r : typed) {
            CharacteristicRule before = merged.get(r.key());
            if (before == null) {
                merged.put(r.key(), r);
            } else {
                LinkedHashSet<String> values = new LinkedHashSet<>(before.allowedValues());
                values.addAll(r.allowedValues());
                merged.put(r.key(), new CharacteristicRule(r.characteristic(), r.field(), r.valueType(), new ArrayList<>(values), r.required() || before.required()));
            }
        }
        return List.copyOf(merged.values());
    }

    private void update() {
        try {
            RuleText.parse(extra.get() == null ? "" : extra.get());
            validation.set("");
        } catch (DiffoAdminException e) {
            validation.set(e.describe());
        }
        List<CharacteristicRule> rules = rules();
        if (rules.isEmpty()) {
            preview.set("Nothing to record: tick a value in use or write a rule.");
            return;
        }
        List<String> lines = new ArrayList<>(rules.stream().map(r -> "allows " + r.describe()).toList());
        List<String> diff = RulesDiff.between(recorded, rules).lines();
        if (!recorded.isEmpty()) {
            lines.add(diff.isEmpty() ? "(the same as recorded now)" : "changes to what is recorded:");
            lines.addAll(diff);
        }
        preview.set(String.join("\n", lines));
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        Specification spec = specification;
        List<CharacteristicRule> rules = rules();
        String why = reason.get();
        tasks.run("Recording what " + spec.name() + " " + spec.version() + " allows", p -> versioning.recordRules(spec, rules, why), done -> {
            busy.set(false);
            saved.set(done);
        }, failure -> {
            busy.set(false);
            error.set(Errors.describe(failure));
        });
    }

    public ReadOnlyListProperty<Tick> ticksProperty() {
        return ticks.getReadOnlyProperty();
    }

    public StringProperty extraProperty() {
        return extra;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyObjectProperty<Specification> savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
