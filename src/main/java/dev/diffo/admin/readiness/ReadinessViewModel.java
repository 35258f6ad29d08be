package dev.diffo.admin.readiness;

import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.MajorShare;
import dev.diffo.admin.domain.RemainingSeries;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.readiness.ReadinessService.Readiness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The withdrawal-readiness view: for a specification name, instances per major per RSP (a stacked bar per major),
 * the RSPs still holding instances on each old major (a table), the instances left on each old major over time with
 * the date the recent pace reaches zero, and the exports (table as CSV, charts as PNG). No scene graph: the view draws
 * the charts from {@link #bars()} and {@link #lines()}.
 */
@Singleton
public class ReadinessViewModel {

    /** One row of the table: an RSP's instances on one major. */
    public record Row(String version, long major, boolean old, String status, String rsp, String rspKey, String how, long instances) {
        /** "old" or "latest", for the table's column. */
        public String standing() {
            return old ? "old" : "latest";
        }
    }

    /** One stacked piece: {@code rsp}'s instances on major {@code version}. */
    public record Bar(String version, String rsp, long instances) {
    }

    /** One old major's line: (epoch second, instances remaining) points, oldest first, a step at each batch. */
    public record Line(String version, List<long[]> points) {
    }

    private final ReadinessService service;
    private final TaskRunner tasks;

    private final StringProperty name = new SimpleStringProperty();
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Readiness> readiness = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Choose a specification name.");
    private final ReadOnlyStringWrapper projections = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canExport = readiness.isNotNull().and(busy.not());

    @Inject
    public ReadinessViewModel(ReadinessService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        name.subscribe(n -> load());
    }

    /** Reads the names offered (the screen opened, or the catalogue changed). */
    public void reloadNames() {
        tasks.run("Reading the specification names", p -> service.names(), found -> {
            String chosen = name.get();
            names.setAll(found);
            if (chosen == null && !found.isEmpty()) {
                name.set(found.getFirst());
            }
        }, error -> message.set("The names could not be read: " + Errors.describe(error)));
    }

    /** Shows the readiness of {@code specificationName} (from the catalogue). */
    public void open(String specificationName) {
        if (specificationName != null && specificationName.equals(name.get())) {
            load();
        } else {
            name.set(specificationName);
        }
    }

    /** Reads the chosen name's counts and ledger again. */
    public void load() {
        String n = name.get();
        if (n == null || n.isBlank()) {
            return;
        }
        busy.set(true);
        summary.set("Reading " + n + "…");
        tasks.run("Reading the withdrawal readiness of " + n, p -> service.read(n), read -> {
            busy.set(false);
            if (n.equals(name.get())) {
                show(read);
            }
        }, error -> {
            busy.set(false);
            summary.set(n + ": " + Errors.describe(error));
        });
    }

    private void show(Readiness read) {
        List<Row> table = new ArrayList<>();
        for (MajorShare s : read.shares()) {
            Specification major = read.major(s.specUuid());
            table.add(new Row(major == null ? "v" + s.major() : major.version(), s.major(), read.old(s.specUuid()),
                    major == null ? "" : major.status().name().toLowerCase(java.util.Locale.ROOT), s.rsp().display(), s.rsp().key(), s.rsp().how(),
                    s.instances()));
        }
        rows.setAll(table);
        readiness.set(read);
        long oldInstances = table.stream().filter(Row::old).mapToLong(Row::instances).sum();
        long oldRsps = table.stream().filter(Row::old).map(Row::rspKey).distinct().count();
        summary.set(read.majors().isEmpty() ? "No specification is named " + read.name()
                : String.format("%s: %d major%s · %,d instance%s on old majors, held by %d RSP%s · read in %,d ms", read.name(), read.majors().size(),
                        read.majors().size() == 1 ? "" : "s", oldInstances, oldInstances == 1 ? "" : "s", oldRsps, oldRsps == 1 ? "" : "s", read.millis()));
        projections.set(read.lines().stream().filter(ReadinessService.MajorLine::old)
                .map(l -> l.major().version() + ": " + l.projection().text())
                .collect(Collectors.joining(" · ", read.lines().stream().anyMatch(ReadinessService.MajorLine::old) ? "Projected: " : "", "")));
    }

    /** The stacked bars: per major (lowest first), each RSP's instances. */
    public List<Bar> bars() {
        Readiness read = readiness.get();
        if (read == null) {
            return List.of();
        }
        return rows.stream().map(r -> new Bar(r.version(), r.rsp(), r.instances())).toList();
    }

    /** The versions in bar order (every major, even one without instances). */
    public List<String> versions() {
        Readiness read = readiness.get();
        return read == null ? List.of() : read.majors().stream().map(Specification::version).toList();
    }

    /** The lines: each old major's instances remaining over time. */
    public List<Line> lines() {
        Readiness read = readiness.get();
        if (read == null) {
            return List.of();
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        for (ReadinessService.MajorLine l : read.lines()) {
            if (l.old()) {
                // drawn as steps: the count holds until a batch changes it
                List<long[]> points = new ArrayList<>();
                for (RemainingSeries.Point p : l.series()) {
                    if (!points.isEmpty() && points.getLast()[1] != p.remaining()) {
                        points.add(new long[] {p.at().toEpochSecond(), points.getLast()[1]});
                    }
                    points.add(new long[] {p.at().toEpochSecond(), p.remaining()});
                }
                lines.put(l.major().version(), new Line(l.major().version(), points));
            }
        }
        return List.copyOf(lines.values());
    }

    /** Writes the table as CSV to {@code file}; says where, or why not. */
    public void exportCsv(Path file) {
        Readiness read = readiness.get();
        if (read == null || file == null) {
            return;
        }
        tasks.run("Exporting the readiness table", p -> {
            try (var writer = Files.newBufferedWriter(file)) {
                ReadinessService.writeCsv(read, writer);
            }
            return file;
        }, written -> message.set("Table written to " + written), error -> message.set("The table was not written: " + Errors.describe(error)));
    }

    /** Writes a chart's pixels (ARGB, row by row, taken by the view) as a PNG to {@code file}; says where, or why not. */
    public void exportPng(int width, int height, int[] argb, Path file) {
        if (file == null) {
            return;
        }
        tasks.run("Exporting the chart", p -> {
            try {
                ReadinessService.writePng(width, height, argb, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }, written -> message.set("Chart written to " + written), error -> message.set("The chart was not written: " + Errors.describe(error)));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<String> names() {
        return names;
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The last readiness read (the view redraws its charts when it changes). */
    public ReadOnlyObjectProperty<Readiness> readinessProperty() {
        return readiness.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Projected: v1.0.0: zero on … at 1,234 a day", one per old major. */
    public ReadOnlyStringProperty projectionsProperty() {
        return projections.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
