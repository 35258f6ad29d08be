package dev.diffo.admin.catalogue;

import dev.diffo.admin.common.AccessProperties;
import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Dates;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceTotal;
import dev.diffo.admin.domain.InstanceQuery.Sort;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.repository.CatalogueRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The instances of one specification version, a page at a time: the page comes first, the total (which may
 * have to count millions when filtered) follows in its own task. Paging keeps the cursors of the pages before,
 * so Previous re-reads a page instead of holding every row seen. The create form is {@link NewInstanceViewModel}.
 */
@Singleton
public class InstancesViewModel {

    private final InstanceService service;
    private final CatalogueRepository catalogue;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ObservableList<Specification> specifications = FXCollections.observableArrayList();
    private final ObjectProperty<Specification> specification = new SimpleObjectProperty<>();
    private final StringProperty nameFilter = new SimpleStringProperty("");
    private final StringProperty rspFilter = new SimpleStringProperty("");
    private final ObservableList<String> valueKeys = FXCollections.observableArrayList();
    private final StringProperty valueKey = new SimpleStringProperty();
    private final StringProperty valueFilter = new SimpleStringProperty("");
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.NAME);
    private final BooleanProperty descending = new SimpleBooleanProperty();
    private final IntegerProperty pageSize = new SimpleIntegerProperty(InstanceQuery.DEFAULT_PAGE_SIZE);

    private final ObservableList<InstanceRow> rows = FXCollections.observableArrayList();
    /** Counts instances created here: the screens that count instances read them again when it moves. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper created = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final ObjectProperty<InstanceRow> selected = new SimpleObjectProperty<>();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final LongProperty total = new SimpleLongProperty(-1);
    /** Where the total comes from when it is not counted now: "kept count, counted 30 Nov 11:42 UTC; File → Recount instances refreshes it". */
    private String totalSource = "";
    /** What the page says of how it was read when its index is not online yet ("pages by state: index populating (42 %) …"). */
    private String pageNote = "";
    private final StringProperty summary = new SimpleStringProperty("Choose a specification version.");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Whether the table shows each instance's characteristics as stored (diffo's JSON) beside their fields. */
    private final BooleanProperty showRawJson = new SimpleBooleanProperty(false);

    private final NewInstanceViewModel form;
    private final AccessProperties access;
    private final javafx.beans.binding.StringBinding rspPrompt;
    private final ObjectProperty<Consumer<String>> showInGraph = new SimpleObjectProperty<>();

    private final BooleanBinding canPrevious;
    private final BooleanBinding canNext;
    private final BooleanBinding canShowInGraph;

    /** The query the current rows answer, and the cursors the pages before this one started after. */
    private InstanceQuery query;
    private final Deque<InstanceQuery.Cursor> before = new ArrayDeque<>();
    private InstanceQuery.Cursor current;
    private long generation;
    private long countGeneration;

    @Inject
    public InstancesViewModel(InstanceService service, CatalogueRepository catalogue, TaskRunner tasks, DialogService dialogs) {
        this.service = service;
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.dialogs = dialogs;
        canPrevious = busy.not().and(page.greaterThan(1));
        canNext = busy.not().and(hasMore);
        access = new AccessProperties(service.currentAccess(), tasks);
        rspPrompt = Bindings.createStringBinding(() -> access.rspKeyProperty().get() == null ? "RSP key, e.g. ORG… or acme"
                : access.rspKeyProperty().get() + " (yours: an RSP operator sees only its own)", access.rspKeyProperty());
        form = new NewInstanceViewModel(service, tasks);
        form.attach(specification, this::showCreated);
        canShowInGraph = selected.isNotNull().and(showInGraph.isNotNull());
        specification.subscribe((old, spec) -> {
            if (old != null && spec != null && old.uuid().equals(spec.uuid())) {
                return; // the same version re-read (its count changed): the page and the form stay as they are
            }
            valueKey.set(null);
            valueFilter.set("");
            loadRules(spec);
            search();
        });
    }

    /** Reloads the specification versions to choose from, keeping the chosen one when it is still there. */
    public void reload() {
        tasks.run("Loading specifications", p -> catalogue.findSpecifications(""), (List<Specification> specs) -> {
            List<Specification> ordered = specs.stream().sorted(Comparator.comparing(Specification::name)
                    .thenComparing(Specification::majorVersion, Comparator.reverseOrder())).toList();
            Specification chosen = specification.get();
            specifications.setAll(ordered);
            if (chosen != null) {
                specification.set(ordered.stream().filter(s -> s.uuid().equals(chosen.uuid())).findFirst().orElse(null));
            }
        }, error -> dialogs.showError("Could not load the specifications", error));
    }

    /** Shows this version's instances (the catalogue's selection, or "Show instances"). */
    public void show(Specification spec) {
        if (spec == null) {
            return;
        }
        Specification listed = specifications.stream().filter(s -> s.uuid().equals(spec.uuid())).findFirst().orElse(null);
        if (listed == null) {
            specifications.add(spec);
            listed = spec;
        }
        if (specification.get() != null && specification.get().uuid().equals(spec.uuid())) {
            search();
        } else {
            specification.set(listed);
        }
    }

    /** Applies the filters and the order: the first page, then the count. */
    public void search() {
        Specification spec = specification.get();
        before.clear();
        current = null;
        if (spec == null) {
            rows.clear();
            page.set(0);
            hasMore.set(false);
            total.set(-1);
            summary.set("Choose a specification version.");
            return;
        }
        try {
            query = new InstanceQuery(spec.uuid(), nameFilter.get(), rspFilter.get(), valueKey.get(), valueFilter.get(), sort.get(),
                    descending.get(), pageSize.get());
        } catch (DiffoAdminException e) {
            message.set(e.getMessage() + " " + e.hint());
            return;
        }
        message.set("");
        load(null, 1);
        count(query);
    }

    public void next() {
        if (!canNext.get() || rows.isEmpty()) {
            return;
        }
        before.push(current == null ? new InstanceQuery.Cursor(null, null) : current);
        load(new InstanceQuery.Page(rows, hasMore.get()).next(query.sort()), page.get() + 1);
    }

    public void previous() {
        if (!canPrevious.get() || before.isEmpty()) {
            return;
        }
        InstanceQuery.Cursor start = before.pop();
        load(start.key() == null && start.uuid() == null ? null : start, page.get() - 1);
    }

    /** Re-reads from the first page in another order (the table's column headers). */
    public void sortBy(Sort newSort, boolean newDescending) {
        if (newSort == sort.get() && newDescending == descending.get()) {
            return;
        }
        sort.set(newSort);
        descending.set(newDescending);
        search();
    }

    private void load(InstanceQuery.Cursor after, int pageNumber) {
        InstanceQuery q = query;
        long mine = ++generation;
        busy.set(true);
        tasks.run("Reading instances", p -> service.page(q, after), (InstanceQuery.Page result) -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            current = after;
            rows.setAll(result.rows());
            pageNote = result.note() == null ? "" : result.note();
            page.set(pageNumber);
            hasMore.set(result.hasMore());
            updateSummary();
        }, error -> {
            if (mine == generation) {
                busy.set(false);
                message.set(Errors.headline(error));
                dialogs.showError("Could not read the instances", error);
            }
        });
    }

    private void count(InstanceQuery q) {
        long mine = ++countGeneration;
        total.set(-1);
        updateSummary();
        totalSource = "";
        tasks.run("Counting instances", p -> service.total(q), (InstanceTotal n) -> {
            if (mine == countGeneration) {
                totalSource = n.kept() ? "kept count, counted " + Dates.display(n.countedAt()) + "; File → Recount instances refreshes it"
                        : n.note() == null ? "" : n.note();
                total.set(n.count());
                updateSummary();
            }
        }, error -> {
            if (mine == countGeneration) {
                message.set("Could not count: " + Errors.headline(error));
            }
        });
    }

    private void updateSummary() {
        String of = total.get() < 0 ? "counting …" : String.format("%,d", total.get());
        if (rows.isEmpty()) {
            summary.set(page.get() <= 1 && total.get() == 0 ? "No instances" + (query != null && query.filtered() ? " match the filters." : " on this version.")
                    : "No instances · " + of);
            return;
        }
        long first = (long) (page.get() - 1) * query.pageSize() + 1;
        String source = totalSource.isEmpty() || total.get() < 0 ? "" : " (" + totalSource + ")";
        String note = pageNote.isEmpty() ? "" : " · " + pageNote;
        summary.set(String.format("Page %,d · instances %,d–%,d of %s%s%s", page.get(), first, first + rows.size() - 1, of, source, note));
    }

    private void loadRules(Specification spec) {
        form.clear();
        valueKeys.clear();
        if (spec == null) {
            return;
        }
        tasks.run("Reading what the version allows", p -> service.rules(spec.uuid()), (List<CharacteristicRule> rules) -> {
            if (specification.get() == null || !specification.get().uuid().equals(spec.uuid())) {
                return;
            }
            form.showFields(rules);
            valueKeys.setAll(rules.stream().map(CharacteristicRule::key).distinct().toList());
        }, error -> dialogs.showError("Could not read what the version allows", error));
    }

    /** A new instance was written from the form: the table shows it (filtered by its name) and the counts are read again. */
    private void showCreated(String name) {
        nameFilter.set(name);
        rspFilter.set("");
        valueKey.set(null);
        valueFilter.set("");
        search();
        reload();
        created.set(created.get() + 1);
    }

    /** The create form. */
    public NewInstanceViewModel form() {
        return form;
    }

    /** Opens the selected instance in the graph view (wired by the main window). */
    public void showSelectedInGraph() {
        if (canShowInGraph.get()) {
            showInGraph.get().accept(selected.get().uuid());
        }
    }

    public void setShowInGraph(Consumer<String> handler) {
        showInGraph.set(handler);
    }

    public ObservableList<Specification> specificationsProperty() {
        return specifications;
    }

    public ObjectProperty<Specification> specificationProperty() {
        return specification;
    }

    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    /** An RSP operator's table is always of its own RSP: the filter is fixed (the service scopes every read to it). */
    public javafx.beans.property.ReadOnlyBooleanProperty rspFixedProperty() {
        return access.boundToRspProperty();
    }

    /** What the RSP filter says when empty: its use, or the one RSP an operator sees. */
    public javafx.beans.binding.StringBinding rspPromptProperty() {
        return rspPrompt;
    }

    public StringProperty rspFilterProperty() {
        return rspFilter;
    }

    public ObservableList<String> valueKeysProperty() {
        return valueKeys;
    }

    public StringProperty valueKeyProperty() {
        return valueKey;
    }

    public StringProperty valueFilterProperty() {
        return valueFilter;
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public BooleanProperty descendingProperty() {
        return descending;
    }

    /** Whether the stored JSON of each instance's characteristics is shown as a column of its own (Raw JSON). */
    public BooleanProperty showRawJsonProperty() {
        return showRawJson;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public javafx.beans.property.ReadOnlyIntegerProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ObservableList<InstanceRow> rowsProperty() {
        return rows;
    }

    public ObjectProperty<InstanceRow> selectedProperty() {
        return selected;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canPreviousProperty() {
        return canPrevious;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canShowInGraphProperty() {
        return canShowInGraph;
    }
}
