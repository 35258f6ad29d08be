package dev.diffo.admin.migration;

import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.AccessProperties;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.repository.CatalogueRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The wizard's first step: the source major, the newer major to move to, the RSP whose instances move (from the
 * source's RSPs with their counts) and a name filter, with a live count of what a check would select.
 */
@Singleton
public class SelectionViewModel {

    private final MigrationService migration;
    private final CatalogueRepository catalogue;
    private final TaskRunner tasks;
    private final WizardStatus status;

    private final ReadOnlyListWrapper<Specification> sources = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Specification> targets = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<Specification> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Specification> target = new SimpleObjectProperty<>();
    private final StringProperty rsp = new SimpleStringProperty("");
    /** The RSPs on the chosen source with their counts (one aggregate read each time the source changes). */
    private final ReadOnlyListWrapper<Rsp.Share> rsps = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper rspsNote = new ReadOnlyStringWrapper("");
    private final StringProperty nameFilter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper selectionCount = new ReadOnlyStringWrapper("");
    private final BooleanBinding complete;
    private TaskRunner.BackgroundTask countTask;
    private Runnable changed = () -> { };
    private final AccessProperties access;

    @Inject
    public SelectionViewModel(MigrationService migration, CatalogueRepository catalogue, TaskRunner tasks, WizardStatus status) {
        this.migration = migration;
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.status = status;
        complete = source.isNotNull().and(target.isNotNull()).and(Bindings.createBooleanBinding(() -> !rsp.get().isBlank(), rsp));
        source.subscribe(this::sourceChosen);
        target.subscribe((before, t) -> {
            if (!sameUuid(before, t)) {
                selectionChanged();
            }
        });
        rsp.subscribe(r -> selectionChanged());
        nameFilter.subscribe(f -> selectionChanged());
        // an RSP operator moves only its own RSP's instances: the RSP is fixed to it, never chosen
        access = new AccessProperties(migration.currentAccess(), tasks);
        access.rspKeyProperty().subscribe(key -> rsp.set(key == null ? "" : key));
    }

    /** The RSP is an RSP operator's own, not a choice. */
    public ReadOnlyBooleanProperty rspFixedProperty() {
        return access.boundToRspProperty();
    }

    /** Told when what a check would select changes (another source, target, RSP or name filter): the check made goes. */
    void onChange(Runnable whenChanged) {
        this.changed = whenChanged;
    }

    private void sourceChosen(Specification before, Specification s) {
        // the same major read again (a reload): the target and the check stay; another major starts over
        Specification chosen = target.get();
        refreshTargets(s);
        if (sameUuid(before, s) && chosen != null && targets.contains(target.get())) {
            loadRsps(s); // its RSPs' counts may have changed (a run moved instances)
            return;
        }
        target.set(targets.isEmpty() ? null : targets.getLast());
        loadRsps(s);
        selectionChanged();
    }

    private void selectionChanged() {
        changed.run();
        countSelection();
    }

    /** Reads the specifications that can be migrated from or to. */
    public void reload() {
        tasks.run("Reading the catalogue", p -> catalogue.findSpecifications(""), specifications -> {
            Specification chosen = source.get();
            sources.setAll(specifications.stream()
                    .sorted(Comparator.comparing(Specification::name).thenComparingLong(Specification::majorVersion)).toList());
            if (chosen != null) {
                Specification again = sources.stream().filter(s -> s.uuid().equals(chosen.uuid())).findFirst().orElse(null);
                source.set(again);
                // the same source read again does not fire: its targets may still have changed (a new major, a frozen one)
                if (again != null && again.equals(chosen)) {
                    Specification kept = target.get();
                    refreshTargets(again);
                    if (kept != null && !targets.contains(target.get())) {
                        target.set(targets.isEmpty() ? null : targets.getLast());
                    }
                    loadRsps(again); // the same source: its RSPs may have changed (instances moved, another RSP role)
                }
            }
        }, error -> status.report(Errors.describe(error)));
    }

    private void loadRsps(Specification from) {
        rsps.clear();
        rspsNote.set("");
        if (from == null) {
            return;
        }
        rspsNote.set("listing the RSPs on " + from.version() + "…");
        tasks.run("Listing the RSPs on " + from.name() + " " + from.version(), p -> migration.rsps(from.uuid()), list -> {
            if (from.equals(source.get())) {
                rsps.setAll(list);
                String owner = access.rspKeyProperty().get();
                rspsNote.set(list.isEmpty() ? "No instance " + (owner == null ? "" : "of " + owner + " ") + "stands on " + from.version() + "."
                        : Rsp.howFound(list) + "." + (owner == null ? "" : " The RSP is fixed: the app runs as an RSP operator for " + owner + ", and lists, counts and moves only its instances."));
            }
        }, error -> rspsNote.set(Errors.describe(error)));
    }

    /** The newer current majors of the source's name, keeping the chosen target (by uuid) while it is still one of them. */
    private void refreshTargets(Specification s) {
        Specification chosen = target.get();
        targets.setAll(s == null ? List.of() : sources.stream()
                .filter(t -> t.name().equals(s.name()) && t.majorVersion() > s.majorVersion() && t.status() == SpecificationStatus.CURRENT)
                .toList());
        if (chosen != null) {
            targets.stream().filter(t -> t.uuid().equals(chosen.uuid())).findFirst().ifPresent(target::set);
        }
    }

    private static boolean sameUuid(Specification a, Specification b) {
        return a != null && b != null && a.uuid().equals(b.uuid());
    }

    /** The live count of what a check would select; each change supersedes the count still running. */
    void countSelection() {
        if (countTask != null) {
            countTask.cancel();
            countTask = null;
        }
        Specification from = source.get();
        String who = rsp.get() == null ? "" : rsp.get().strip();
        if (from == null || who.isEmpty()) {
            selectionCount.set("");
            return;
        }
        String filter = nameFilter.get();
        selectionCount.set("counting…");
        TaskRunner.BackgroundTask[] self = new TaskRunner.BackgroundTask[1];
        self[0] = tasks.run("Counting " + who + "'s instances", p -> migration.count(who, from.uuid(), filter), n -> {
            if (countTask == self[0]) {
                showSelected(n);
            }
        }, error -> {
            if (countTask == self[0]) {
                selectionCount.set(Errors.describe(error));
            }
        });
        countTask = self[0];
    }

    /** A check counted the selection: that count is the one shown. */
    void showSelected(long selected) {
        selectionCount.set(String.format("%,d selected", selected));
    }

    /** The RSP as the list shows it ({@code ORG… · organizationId}), else the key as typed. */
    String rspShown(String key) {
        return rsps.stream().filter(s -> s.rsp().key().equalsIgnoreCase(key)).map(s -> s.rsp().display()).findFirst().orElse(key);
    }

    /** The RSP typed or chosen, without surrounding blanks. */
    String chosenRsp() {
        return rsp.get().strip();
    }

    /** Source, target and RSP are chosen: a check can select. */
    public BooleanBinding completeProperty() {
        return complete;
    }

    public ReadOnlyListProperty<Specification> sourcesProperty() {
        return sources.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Specification> targetsProperty() {
        return targets.getReadOnlyProperty();
    }

    public ObjectProperty<Specification> sourceProperty() {
        return source;
    }

    public ObjectProperty<Specification> targetProperty() {
        return target;
    }

    public StringProperty rspProperty() {
        return rsp;
    }

    public ReadOnlyListProperty<Rsp.Share> rspsProperty() {
        return rsps.getReadOnlyProperty();
    }

    /** How the RSPs in the list were found (party role or name prefix), or why there are none. */
    public ReadOnlyStringProperty rspsNoteProperty() {
        return rspsNote.getReadOnlyProperty();
    }

    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    public ReadOnlyStringProperty selectionCountProperty() {
        return selectionCount.getReadOnlyProperty();
    }
}
