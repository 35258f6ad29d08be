package dev.diffo.admin.migration;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.repository.CatalogueRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The RSP operator's migration wizard, as three steps: {@link SelectionViewModel} (source, target, RSP, what is
 * selected), {@link RemediesViewModel} (the check and a remedy per offending value, per instance if need be) and
 * {@link ExecutionViewModel} (dry run, run, pause and resume, verification, CSV, undo). This coordinator wires them:
 * another selection discards the check; a finished run marks the check used and reads the selection again.
 */
@Singleton
public class MigrationViewModel {

    /** Where the wizard stands: what the operator does next. */
    public enum Step {
        CHOOSE, REMEDY, RUN
    }

    private final SelectionViewModel selection;
    private final RemediesViewModel remedies;
    private final ExecutionViewModel execution;
    private final WizardStatus status;
    private final ObjectBinding<Step> step;

    @Inject
    public MigrationViewModel(SelectionViewModel selection, RemediesViewModel remedies, ExecutionViewModel execution, WizardStatus status) {
        this.selection = selection;
        this.remedies = remedies;
        this.execution = execution;
        this.status = status;
        selection.onChange(remedies::reset);
        // a run (or undo) used the check and moved instances: the counts and the catalogue are read again
        execution.finishedRunsProperty().subscribe((before, count) -> {
            remedies.markUsed();
            selection.countSelection();
            selection.reload();
        });
        step = Bindings.createObjectBinding(() -> remedies.checkProperty().get() == null ? Step.CHOOSE
                : remedies.readyToRunProperty().get() || remedies.planUsedProperty().get() ? Step.RUN : Step.REMEDY,
                remedies.checkProperty(), remedies.readyToRunProperty(), remedies.planUsedProperty());
    }

    /** The wizard over {@code migration} on its own: its steps share one status (for tests and tools without an injector). */
    public MigrationViewModel(MigrationService migration, CatalogueRepository catalogue, TaskRunner tasks, DialogService dialogs) {
        WizardStatus shared = new WizardStatus();
        SelectionViewModel chosen = new SelectionViewModel(migration, catalogue, tasks, shared);
        RemediesViewModel remedied = new RemediesViewModel(migration, tasks, chosen, shared);
        this(chosen, remedied, new ExecutionViewModel(migration, tasks, dialogs, chosen, remedied, shared), shared);
    }

    public SelectionViewModel selection() {
        return selection;
    }

    public RemediesViewModel remedies() {
        return remedies;
    }

    public ExecutionViewModel execution() {
        return execution;
    }

    /** Reads the specifications that can be migrated from or to (the screen opened, or the catalogue changed). */
    public void reload() {
        selection.reload();
    }

    /** Where "Record what the target allows…" goes (the versioning feature, wired by the main window). */
    public void setRecordRules(Consumer<Specification> recordRules) {
        remedies.setRecordRules(recordRules);
    }

    /** Counts finished runs and undos (the catalogue, instances and history reload when it moves). */
    public ReadOnlyIntegerProperty finishedRunsProperty() {
        return execution.finishedRunsProperty();
    }

    /** What the operator does next: choose (no check yet), remedy (values without a remedy), or run. */
    public ObjectBinding<Step> stepProperty() {
        return step;
    }

    /** A check, listing or run is going: the steps wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    /** What the last check, dry run, run or failure said. */
    public ReadOnlyStringProperty reportProperty() {
        return status.reportProperty();
    }
}
