package dev.diffo.admin.migration;

import dev.diffo.admin.domain.MigrationPlan.Offence;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** One offending value the check found, how many instances carry it, the remedies offered and the one chosen. */
public record RemedyChoice(Offence offence, long instances, List<String> options, StringProperty choice) {

    /** The remedy that leaves the instances carrying the value on the source. */
    public static final String EXCLUDE = "exclude these instances";

    /** An instance's own remedy that is the group's. */
    public static final String AS_GROUP = "as the group";

    public RemedyChoice {
        options = List.copyOf(options);
    }

    /** The target's allowed values for the field, then {@link #EXCLUDE}. */
    static List<String> groupOptions(List<String> allowed) {
        List<String> options = new ArrayList<>(allowed);
        options.add(EXCLUDE);
        return options;
    }

    /** What one instance may choose instead: {@link #AS_GROUP}, an allowed value, or {@link #EXCLUDE}. */
    public List<String> instanceOptions() {
        List<String> own = new ArrayList<>();
        own.add(AS_GROUP);
        options.stream().filter(o -> !EXCLUDE.equals(o)).forEach(own::add);
        own.add(EXCLUDE);
        return List.copyOf(own);
    }

    /** Why nothing runs yet because of this value (empty once a remedy is chosen): what the View decorates its choice with. */
    public ObservableValue<String> message() {
        return choice.map(chosen -> "").orElse(String.format("Choose what %s becomes: an allowed value, or exclude %s.",
                offence.key() + " = " + offence.value(), instances == 1 ? "the instance" : "these instances"));
    }

    public String describe() {
        return String.format("%,d instance%s with %s = %s", instances, instances == 1 ? "" : "s", offence.key(), offence.value());
    }
}
