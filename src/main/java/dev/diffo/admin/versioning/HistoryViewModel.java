package dev.diffo.admin.versioning;

import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.RulesDiff;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.VersionEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/** A specification name's version history across majors, and the difference between any two versions. */
@Singleton
public class HistoryViewModel {

    private final VersioningService versioning;
    private final TaskRunner tasks;

    private final StringProperty name = new SimpleStringProperty();
    private final ReadOnlyListWrapper<VersionEvent> events = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> versions = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final StringProperty from = new SimpleStringProperty();
    private final StringProperty to = new SimpleStringProperty();
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Select a specification to see its history");
    private final Map<String, SpecificationSnapshot> snapshots = new LinkedHashMap<>();

    @Inject
    public HistoryViewModel(VersioningService versioning, TaskRunner tasks) {
        this.versioning = versioning;
        this.tasks = tasks;
        name.subscribe(n -> reload());
        from.subscribe(v -> compare());
        to.subscribe(v -> compare());
    }

    public void reload() {
        String n = name.get();
        if (n == null) {
            events.clear();
            title.set("Select a specification to see its history");
            return;
        }
        tasks.run("Reading the history of " + n, p -> versioning.history(n), list -> {
            if (n.equals(name.get())) {
                show(n, list);
            }
        }, error -> title.set("History of " + n + ": " + Errors.headline(error)));
    }

    private void show(String n, List<VersionEvent> list) {
        events.setAll(list);
        long fromDiffo = list.stream().filter(VersionEvent::fromDiffo).count();
        title.set(list.isEmpty() ? "No history for " + n
                : "History of " + n + ": " + list.size() + (list.size() == 1 ? " entry" : " entries")
                        + (fromDiffo == 0 ? "" : fromDiffo == list.size() ? ", read from diffo's own timestamps (createdAt, updatedAt): no change recorded by diffo-admin"
                        : " (" + fromDiffo + " read from diffo's own timestamps)"));
        snapshots.clear();
        for (VersionEvent e : list) {
            if (e.after() != null) {
                snapshots.put(e.after().version(), e.after());
            }
        }
        List<String> ordered = new ArrayList<>(snapshots.keySet());
        ordered.sort(HistoryViewModel::compareVersions);
        versions.setAll(ordered);
        if (ordered.size() >= 2) {
            from.set(ordered.get(ordered.size() - 2));
            to.set(ordered.getLast());
        }
        compare();
    }

    static int compareVersions(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long[] parse(String v) {
        String[] parts = v.replace("v", "").split("\\.");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    private void compare() {
        SpecificationSnapshot a = from.get() == null ? null : snapshots.get(from.get());
        SpecificationSnapshot b = to.get() == null ? null : snapshots.get(to.get());
        if (a == null || b == null) {
            diff.set("");
            return;
        }
        List<String> lines = new ArrayList<>();
        if (!Objects.equals(a.description(), b.description())) {
            lines.add("~ description: \"" + a.description() + "\" → \"" + b.description() + "\"");
        }
        if (!Objects.equals(a.category(), b.category())) {
            lines.add("~ category: " + a.category() + " → " + b.category());
        }
        lines.addAll(RulesDiff.between(a.rules(), b.rules()).lines());
        diff.set(from.get() + " → " + to.get() + "\n" + (lines.isEmpty() ? "no difference" : String.join("\n", lines)));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyListProperty<VersionEvent> eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> versionsProperty() {
        return versions.getReadOnlyProperty();
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
