package dev.diffo.admin.migration;

import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.repository.MigrationRepository;
import jakarta.inject.Inject;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The per-instance browser of one remedy: the instances carrying its offending value, a page at a time and found
 * by name, each with its own remedy ({@link RemedyChoice#AS_GROUP}, an allowed value, or {@link RemedyChoice#EXCLUDE}),
 * kept by the remedies step. A new one for each time the browser opens.
 */
public class InstanceRemediesViewModel {

    /** How many instances the list reads at a time. */
    static final int INSTANCE_PAGE = 100;

    /** One instance carrying the offending value, and its own remedy. */
    public record InstanceChoice(String uuid, String name, List<String> options, StringProperty choice) {
    }

    private final MigrationService migration;
    private final TaskRunner tasks;
    private final RemediesViewModel remedies;

    private final ReadOnlyListWrapper<InstanceChoice> instanceChoices = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper moreInstances = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StringProperty containing = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private RemedyChoice remedy;
    private Check checked;
    private String listed = "";
    /** Moves with each new list: a page that arrives for an older one is dropped. */
    private int listing;

    @Inject
    public InstanceRemediesViewModel(MigrationService migration, TaskRunner tasks, RemediesViewModel remedies) {
        this.migration = migration;
        this.tasks = tasks;
        this.remedies = remedies;
    }

    /** Opens on the instances carrying {@code chosen}'s value (the first page, any name). */
    public void start(RemedyChoice chosen) {
        remedy = chosen;
        checked = remedies.checkProperty().get();
        title.set("Per-instance remedies: " + chosen.offence());
        heading.set(chosen.describe());
        note.set("Each instance follows its group's remedy (" + chosen.offence() + " → " + chosen.choice().get()
                + ") unless you choose otherwise here.");
        placeholder.set("No instance with " + chosen.offence() + " matches.");
        containing.set("");
        find();
    }

    /** Lists (the first page of) the instances whose name contains the text typed, in any case. */
    public void find() {
        if (checked == null || remedy == null) {
            return;
        }
        listed = containing.get();
        listing++;
        instanceChoices.clear();
        load(null);
    }

    /** The next page of the list {@link #find} started. */
    public void more() {
        if (checked == null || remedy == null || instanceChoices.isEmpty()) {
            return;
        }
        load(instanceChoices.getLast().name());
    }

    private void load(String after) {
        RemedyChoice of = remedy;
        Check check = checked;
        String names = listed;
        int current = listing;
        busy.set(true);
        error.set("");
        tasks.run("Listing instances with " + of.offence(), p -> migration.carrying(check, of.offence(), names, after, INSTANCE_PAGE + 1),
                found -> {
                    if (current == listing) {
                        listed(of, found);
                    }
                }, failure -> {
                    busy.set(false);
                    error.set(Errors.describe(failure));
                });
    }

    private void listed(RemedyChoice of, List<MigrationRepository.InstanceRef> found) {
        busy.set(false);
        String key = of.offence().key();
        List<String> options = of.instanceOptions();
        for (var ref : found.subList(0, Math.min(found.size(), INSTANCE_PAGE))) {
            StringProperty choice = new SimpleStringProperty(remedies.ownChoice(ref.uuid(), key));
            choice.subscribe(c -> remedies.chooseOwn(checked, ref.uuid(), key, c));
            instanceChoices.add(new InstanceChoice(ref.uuid(), ref.name(), options, choice));
        }
        moreInstances.set(found.size() > INSTANCE_PAGE);
    }

    public ReadOnlyListProperty<InstanceChoice> instanceChoicesProperty() {
        return instanceChoices.getReadOnlyProperty();
    }

    /** More instances match than the list shows: {@link #more} reads the next page. */
    public ReadOnlyBooleanProperty moreInstancesProperty() {
        return moreInstances.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The text an instance's name must contain. */
    public StringProperty containingProperty() {
        return containing;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What the empty list says. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** Why the list could not be read, else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
