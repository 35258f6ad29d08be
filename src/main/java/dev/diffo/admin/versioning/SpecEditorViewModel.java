package dev.diffo.admin.versioning;

import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.RulesDiff;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import jakarta.inject.Inject;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The dialog for creating a specification, correcting it (patch), adding to it (minor) and publishing a new
 * major: the fields, what the change does compared with the version it starts from (checked as you type),
 * and the save.
 */
public class SpecEditorViewModel {

    public enum Mode {
        CREATE("New specification", "Create"), PATCH("Next patch", "Save patch"), MINOR("Next minor", "Save minor"),
        MAJOR("Publish a new major", "Publish");

        private final String title;
        private final String action;

        Mode(String title, String action) {
            this.title = title;
            this.action = action;
        }

        public String title() {
            return title;
        }

        public String action() {
            return action;
        }
    }

    private final VersioningService versioning;
    private final TaskRunner tasks;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.CREATE);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty uuid = new SimpleStringProperty("");
    private final ObjectProperty<SpecificationType> type = new SimpleObjectProperty<>(SpecificationType.SERVICE);
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty("");
    private final StringProperty rules = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Field> validationField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Specification> saved = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSave;
    private final BooleanBinding rulesEditable;
    private final BooleanBinding identityEditable;

    private final ReadOnlyBooleanWrapper lookingUp = new ReadOnlyBooleanWrapper(false);

    private Specification base;
    private List<CharacteristicRule> baseRules = List.of();
    /** The specification already standing on {name, 1} as typed (CREATE), found by the latest lookup. */
    private Specification existing;
    private long lookup;

    @Inject
    public SpecEditorViewModel(VersioningService versioning, TaskRunner tasks) {
        this.versioning = versioning;
        this.tasks = tasks;
        canSave = busy.not().and(lookingUp.not()).and(validation.isEmpty());
        rulesEditable = mode.isNotEqualTo(Mode.PATCH);
        identityEditable = mode.isEqualTo(Mode.CREATE);
        name.addListener(o -> {
            lookUpExisting();
            check();
        });
        uuid.addListener(o -> check());
        description.addListener(o -> check());
        category.addListener(o -> check());
        rules.addListener(o -> check());
    }

    /** Starts from {@code specification} (null for a new one) and the rules it allows now. */
    public void start(Mode editMode, Specification specification, List<CharacteristicRule> currentRules) {
        base = specification;
        baseRules = currentRules == null ? List.of() : List.copyOf(currentRules);
        mode.set(editMode);
        if (specification != null) {
            name.set(specification.name());
            type.set(specification.type());
            description.set(specification.description() == null ? "" : specification.description());
            category.set(specification.category() == null ? "" : specification.category());
            heading.set(switch (editMode) {
                case PATCH -> specification.name() + " " + specification.version() + " → v" + specification.majorVersion() + "."
                        + specification.minorVersion() + "." + (specification.patchVersion() + 1) + ": metadata corrections";
                case MINOR -> specification.name() + " " + specification.version() + " → v" + specification.majorVersion() + "."
                        + (specification.minorVersion() + 1) + ".0: backward-compatible additions, every instance sees them at once";
                case MAJOR -> specification.name() + " v" + (specification.majorVersion() + 1) + ".0.0, from " + specification.version()
                        + "'s allowed values: a new node with a new id, beside it; RSPs migrate at their own pace";
                case CREATE -> "";
            });
        } else {
            heading.set("A new specification, major 1, with a generated UUID4 unless you give one");
        }
        rules.set(RuleText.format(baseRules));
        reason.set("");
        error.set("");
        lookUpExisting();
        check();
    }

    /** As the name is typed for a new specification: is {name, 1} taken? The newest lookup supersedes the others. */
    private void lookUpExisting() {
        long mine = ++lookup;
        existing = null;
        String wanted = name.get() == null ? "" : name.get().strip();
        if (mode.get() != Mode.CREATE || !dev.diffo.admin.domain.Identifiers.isSpecificationName(wanted)) {
            lookingUp.set(false);
            return;
        }
        lookingUp.set(true);
        tasks.run("Looking up " + wanted, p -> versioning.find(wanted, 1), found -> {
            if (mine == lookup) {
                existing = found.orElse(null);
                lookingUp.set(false);
                check();
            }
        }, failure -> {
            if (mine == lookup) {
                lookingUp.set(false);
                check();
            }
        });
    }

    private void check() {
        try {
            if (mode.get() == Mode.CREATE) {
                validationField.set(Field.NAME);
                if (name.get().isBlank()) {
                    throw new dev.diffo.admin.domain.InvalidInputException("A name is required", "");
                }
                dev.diffo.admin.domain.Identifiers.requireSpecificationName(name.get().strip());
                validationField.set(Field.ID);
                if (!uuid.get().isBlank()) {
                    dev.diffo.admin.domain.Identifiers.requireUuid4("Id", uuid.get().strip());
                }
            }
            validationField.set(Field.NAME);
            if (mode.get() == Mode.CREATE && existing != null && existing.name().equals(name.get().strip())) {
                throw new dev.diffo.admin.domain.InvalidInputException(dev.diffo.admin.domain.SpecificationExistsException.describe(existing), "");
            }
            validationField.set(Field.RULES);
            List<CharacteristicRule> parsed = RuleText.parse(rules.get());
            RulesDiff changes = RulesDiff.between(baseRules, parsed);
            diff.set(switch (mode.get()) {
                case CREATE, PATCH -> "";
                default -> changes.isEmpty() ? "No change to what the version allows."
                        : "Compared with " + base.version() + ":\n" + String.join("\n", changes.lines());
            });
            if (mode.get() == Mode.MINOR && !changes.isBackwardCompatible()) {
                validation.set("Not a minor change: it " + String.join("; it ", changes.breakingChanges()) + ". Publish a new major for this.");
            } else if (mode.get() == Mode.MINOR && changes.isEmpty()) {
                validation.set("A minor version adds something: an optional characteristic or an allowed value.");
            } else if (mode.get() == Mode.PATCH && base != null && description.get().strip().equals(nullToEmpty(base.description()))
                    && category.get().strip().equals(nullToEmpty(base.category()))) {
                validationField.set(Field.DESCRIPTION);
                validation.set("A patch corrects the description or the category: change one of them.");
            } else {
                validationField.set(null);
                validation.set("");
            }
        } catch (dev.diffo.admin.domain.DiffoAdminException e) {
            validation.set(e.getMessage() + (e.hint() == null || e.hint().isBlank() ? "" : ". " + e.hint()));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        Mode m = mode.get();
        List<CharacteristicRule> parsed = RuleText.parse(rules.get());
        String why = reason.get();
        tasks.run(m.title(), p -> switch (m) {
            case CREATE -> versioning.create(name.get().strip(), uuid.get(), type.get(), 1, description.get(), category.get(), parsed, why);
            case PATCH -> versioning.nextPatch(base, description.get(), category.get(), why);
            case MINOR -> versioning.nextMinor(base, parsed, why);
            case MAJOR -> versioning.publishMajor(base.name(), description.get(), category.get(), parsed, why);
        }, result -> {
            busy.set(false);
            saved.set(result);
        }, failure -> {
            busy.set(false);
            error.set(Errors.describe(failure));
        });
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty uuidProperty() {
        return uuid;
    }

    public ObjectProperty<SpecificationType> typeProperty() {
        return type;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public StringProperty rulesProperty() {
        return rules;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The form's fields a validation message can be about. */
    public enum Field { NAME, ID, DESCRIPTION, RULES }

    /** The field the validation message is about; null when there is none. */
    public ReadOnlyObjectProperty<Field> validationFieldProperty() {
        return validationField.getReadOnlyProperty();
    }

    /** The validation message when it is about {@code field}, else empty: what the View decorates that field with. */
    public javafx.beans.binding.StringBinding validationOf(Field field) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> validationField.get() == field ? validation.get() : "", validation, validationField);
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Set once the change is saved: the dialog closes and the catalogue reloads. */
    public ReadOnlyObjectProperty<Specification> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding rulesEditableProperty() {
        return rulesEditable;
    }

    public BooleanBinding identityEditableProperty() {
        return identityEditable;
    }
}
