package dev.diffo.admin.catalogue;

import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.AccessProperties;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Specification;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The create form of the instances screen: a name and one field per characteristic value the chosen version
 * knows, checked by the service against what the version allows (nothing is written when it refuses).
 */
public class NewInstanceViewModel {

    /** One field of the form: a characteristic value the version knows, with the values it allows. */
    public record ValueField(String key, List<String> allowed, boolean required, StringProperty value) {
        public String prompt() {
            return allowed.isEmpty() ? "any value" + (required ? " (required)" : "") : String.join(" | ", allowed);
        }
    }

    private final InstanceService service;
    private final TaskRunner tasks;
    private final ObjectProperty<Specification> specification = new SimpleObjectProperty<>();
    private Consumer<String> created = name -> { };

    private final StringProperty newName = new SimpleStringProperty("");
    private final ObservableList<ValueField> newValues = FXCollections.observableArrayList();
    private final StringProperty createMessage = new SimpleStringProperty("");
    private final BooleanProperty createFailed = new SimpleBooleanProperty();
    private final BooleanProperty creating = new SimpleBooleanProperty();
    private final BooleanBinding canEditNew;
    private final BooleanBinding canCreate;

    @Inject
    public NewInstanceViewModel(InstanceService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        canEditNew = creating.not().and(Bindings.createBooleanBinding(
                () -> specification.get() != null && specification.get().status().acceptsNewInstances(), specification));
        // a viewer creates nothing (the service refuses it too)
        canCreate = canEditNew.and(Bindings.createBooleanBinding(() -> !newName.get().isBlank(), newName))
                .and(new AccessProperties(service.currentAccess(), tasks).mayWriteInstancesProperty());
    }

    /**
     * Ties the form to its screen.
     *
     * @param version the version instances are created on (the screen's choice)
     * @param whenCreated told the new instance's name once it is written
     */
    void attach(ReadOnlyObjectProperty<Specification> version, Consumer<String> whenCreated) {
        specification.bind(version);
        created = whenCreated;
    }

    /** Empties the form for another version (its fields follow once the version's rules are read). */
    void clear() {
        newValues.clear();
        createMessage.set("");
    }

    /** One field per characteristic value the version knows. */
    void showFields(List<CharacteristicRule> rules) {
        Map<String, ValueField> fields = new LinkedHashMap<>();
        for (CharacteristicRule rule : rules) {
            fields.put(rule.key(), new ValueField(rule.key(), rule.allowedValues(), rule.required(), new SimpleStringProperty("")));
        }
        newValues.setAll(fields.values());
    }

    /** Creates the instance from the form; on success the form clears and the screen is told its name. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        Specification spec = specification.get();
        String name = newName.get();
        Map<String, String> values = new LinkedHashMap<>();
        newValues.forEach(field -> values.put(field.key(), field.value().get()));
        creating.set(true);
        createFailed.set(false);
        createMessage.set("Creating " + name.strip() + " …");
        tasks.run("Creating an instance", p -> service.create(spec.uuid(), name, values), (String uuid) -> {
            creating.set(false);
            createMessage.set("Created " + name.strip() + " (" + uuid + ") on " + spec.name() + " " + spec.version() + ".");
            newName.set("");
            newValues.forEach(field -> field.value().set(""));
            created.accept(name.strip());
        }, error -> {
            creating.set(false);
            createFailed.set(true);
            createMessage.set(Errors.describe(error));
        });
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObservableList<ValueField> newValuesProperty() {
        return newValues;
    }

    public ReadOnlyStringProperty createMessageProperty() {
        return createMessage;
    }

    public ReadOnlyBooleanProperty createFailedProperty() {
        return createFailed;
    }

    /** The form takes input: a version that takes new instances is chosen and nothing is being created. */
    public BooleanBinding canEditNewProperty() {
        return canEditNew;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }
}
