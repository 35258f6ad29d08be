package dev.diffo.admin.exchange;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.AccessProperties;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.exchange.ImportPlan.Step;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * File → Export… and File → Import…: the export written in the background, and the import previewed (what would be
 * created, recorded, refused, and the fields kept aside) before the user imports it. The main window's navigation
 * follows {@link #importsProperty()} to read the catalogue again after an import.
 */
@Singleton
public class ExchangeViewModel {

    private final ExchangeService exchange;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<Step> steps = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper keptAside = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ImportPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper imports = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding canImport;

    @Inject
    public ExchangeViewModel(ExchangeService exchange, TaskRunner tasks, DialogService dialogs) {
        this.exchange = exchange;
        this.tasks = tasks;
        this.dialogs = dialogs;
        // an import writes specifications: a catalogue manager's (the service refuses anyone else too)
        canImport = busy.not().and(Bindings.createBooleanBinding(() -> plan.get() != null && plan.get().writes() && !plan.get().refuses(), plan))
                .and(new AccessProperties(exchange.currentAccess(), tasks).mayChangeSpecificationsProperty());
    }

    /** Reads the document and plans its import; nothing is written. */
    public void preview(Path file) {
        plan.set(null);
        steps.clear();
        keptAside.set("");
        error.set("");
        outcome.set("");
        heading.set("Reading " + file.getFileName() + "…");
        busy.set(true);
        tasks.run("Reading " + file.getFileName(), progress -> exchange.preview(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString()),
                read -> {
                    busy.set(false);
                    show(read);
                }, failure -> {
                    busy.set(false);
                    heading.set(file.getFileName() + " cannot be imported.");
                    error.set(Errors.describe(failure));
                });
    }

    /** Writes the previewed plan through the versioning checks and history. */
    public void importNow() {
        ImportPlan previewed = plan.get();
        if (!canImport.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        tasks.run("Importing " + previewed.source(), progress -> exchange.importPlan(previewed, reason.get()), result -> {
            busy.set(false);
            plan.set(null);
            outcome.set("Imported: " + String.join("; ", result.done()) + ".");
            imports.set(imports.get() + 1);
        }, failure -> {
            busy.set(false);
            plan.set(null);
            error.set(Errors.describe(failure));
            // a stopped import may have written its first steps: the catalogue is read again all the same
            imports.set(imports.get() + 1);
        });
    }

    /** Writes every specification version to {@code file} as TMF JSON, in the background; the user is told what was written. */
    public void export(Path file, TmfVersion tmf) {
        tasks.run("Exporting to " + file.getFileName(), progress -> {
            ExchangeService.Export export = exchange.export(null, null, tmf);
            write(file, export.json());
            return export;
        }, export -> dialogs.showInformation("Exported", export.specifications() + " specification version" + (export.specifications() == 1 ? "" : "s")
                + " written to " + file + " as TMF633/TMF634 JSON (" + tmf.name().toLowerCase(java.util.Locale.ROOT) + ")."
                + (export.notes().isEmpty() ? "" : "\n" + String.join("\n", export.notes()))),
                failure -> dialogs.showError("Export failed", failure));
    }

    private void show(ImportPlan read) {
        plan.set(read);
        steps.setAll(read.steps());
        heading.set(read.source() + ": " + read.summary() + "."
                + (read.refuses() ? " A document with a refused specification is not imported: nothing is written." : read.writes() ? "" : " Nothing to import."));
        keptAside.set(read.keptAside().isEmpty() ? "" : "Kept aside (diffo-admin does not keep them; not imported): " + String.join(", ", read.keptAside()));
    }

    /** Written beside the file first, then moved over it: a failed write leaves the file as it was. */
    private static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(dir, ".export-", ".json");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Step> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keptAsideProperty() {
        return keptAside.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    /** How many imports have finished (or stopped): the catalogue is read again after each. */
    public ReadOnlyIntegerProperty importsProperty() {
        return imports.getReadOnlyProperty();
    }
}
