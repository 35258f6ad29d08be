package dev.diffo.admin.graph;

import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicFields;
import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.GraphSlice;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The graph view's state: the nodes and edges shown, the expansions that added them (undo takes back the last,
 * collapse takes back every expansion made from a node), the selected node's properties. Reads go through
 * {@link GraphService}, off the UI thread, never more than the cap at a time.
 */
@Singleton
public class GraphViewModel {

    /** One expansion: which node it grew from and what it added. */
    private record Expansion(GraphRef from, Set<GraphRef> nodes, Set<GraphSlice.Edge> edges) {
    }

    private final GraphService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ObjectProperty<GraphService.Start> start = new SimpleObjectProperty<>(GraphService.Start.SPECIFICATION_NAME);
    private final StringProperty startText = new SimpleStringProperty("");
    private final IntegerProperty cap = new SimpleIntegerProperty(GraphService.DEFAULT_CAP);
    private final ObservableList<GraphNode> nodes = FXCollections.observableArrayList();
    private final ObservableList<GraphSlice.Edge> edges = FXCollections.observableArrayList();
    private final ObjectProperty<GraphNode> selected = new SimpleObjectProperty<>();
    private final ObservableList<Map.Entry<String, String>> details = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("Open a specification's lineage, a version, an instance or a migration run.");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final IntegerProperty expansions = new SimpleIntegerProperty();
    private final Deque<Expansion> history = new ArrayDeque<>();
    private final BooleanBinding canOpen;
    private final BooleanBinding canUndo;

    @Inject
    public GraphViewModel(GraphService service, TaskRunner tasks, DialogService dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        canOpen = busy.not().and(Bindings.createBooleanBinding(() -> !startText.get().isBlank(), startText));
        canUndo = busy.not().and(expansions.greaterThan(0));
        selected.subscribe(node -> {
            details.clear();
            if (node != null) {
                Map<String, String> shown = new LinkedHashMap<>();
                shown.put("kind", node.kind().legend());
                shown.put("title", node.title());
                if (node.kind() == GraphNode.Kind.CHARACTERISTIC && node.properties().containsKey("value")) {
                    // a characteristic's value as its fields (technology: fttb), its stored JSON kept below as "value (raw JSON)"
                    CharacteristicFields.flatten(node.properties().get("name"), node.properties().get("value")).forEach(f -> shown.put(f.name(), f.value()));
                    node.properties().forEach((k, v) -> shown.putIfAbsent("value".equals(k) ? "value (raw JSON)" : k, v));
                } else {
                    shown.putAll(node.properties());
                }
                shown.forEach((k, v) -> details.add(Map.entry(k, v)));
            }
        });
    }

    /** Opens a start point in a new view (what was shown, and its expansions, are replaced). */
    public void open() {
        if (!canOpen.get()) {
            return;
        }
        GraphService.Start from = start.get();
        String text = startText.get();
        int limit = cap.get();
        busy.set(true);
        status.set("Opening " + text.strip() + " …");
        tasks.run("Opening the graph", p -> service.open(from, text, limit), (GraphSlice slice) -> {
            busy.set(false);
            history.clear();
            expansions.set(0);
            selected.set(null);
            nodes.clear();
            edges.clear();
            add(slice);
            status.set(describe(slice, "Opened " + text.strip()));
        }, error -> {
            busy.set(false);
            status.set(Errors.headline(error));
            dialogs.showError("Could not open the graph", error);
        });
    }

    /** Opens a specification name's lineage (the catalogue's "Show in graph"). */
    public void openSpecificationName(String name) {
        openAt(GraphService.Start.SPECIFICATION_NAME, name);
    }

    public void openInstance(String uuid) {
        openAt(GraphService.Start.INSTANCE, uuid);
    }

    public void openMigrationRun(String uuid) {
        openAt(GraphService.Start.MIGRATION_RUN, uuid);
    }

    private void openAt(GraphService.Start where, String text) {
        start.set(where);
        startText.set(text);
        open();
    }

    /** Double-click: the node's next step out, capped (an aggregate's instances, "more…", or neighbours). */
    public void expand(GraphNode node) {
        grow(node, "Expanding " + node.title(), () -> service.expand(node, cap.get()));
    }

    /** An instance aggregate split into one aggregate per RSP. */
    public void splitByRsp(GraphNode aggregate) {
        grow(aggregate, "Counting " + aggregate.title() + " per RSP", () -> service.splitByRsp(aggregate, cap.get()));
    }

    private void grow(GraphNode node, String what, java.util.function.Supplier<GraphSlice> read) {
        if (busy.get() || node == null) {
            return;
        }
        busy.set(true);
        status.set(what + " …");
        tasks.run(what, p -> read.get(), (GraphSlice slice) -> {
            busy.set(false);
            Expansion added = add(slice, node.ref());
            if (node.kind() == GraphNode.Kind.MORE) {
                // "more…" is spent: its page replaces it
                removeNode(node.ref());
            }
            if (!added.nodes().isEmpty() || !added.edges().isEmpty()) {
                history.push(added);
                expansions.set(history.size());
            }
            status.set(describe(slice, what.replace("Expanding", "Expanded").replace("Counting", "Counted")));
        }, error -> {
            busy.set(false);
            status.set(Errors.headline(error));
            dialogs.showError("Could not expand " + node.title(), error);
        });
    }

    /** Takes back the last expansion. */
    public void undo() {
        if (!canUndo.get()) {
            return;
        }
        Expansion last = history.pop();
        take(last);
        expansions.set(history.size());
        status.set("Undid the expansion of " + title(last.from()) + ".");
    }

    /** Takes back every expansion made from this node (and from what those added). */
    public void collapse(GraphNode node) {
        List<Expansion> gone = new ArrayList<>();
        Set<GraphRef> roots = new LinkedHashSet<>(List.of(node.ref()));
        boolean found = true;
        while (found) {
            found = false;
            for (Expansion e : history) {
                if (!gone.contains(e) && roots.contains(e.from())) {
                    gone.add(e);
                    roots.addAll(e.nodes());
                    found = true;
                }
            }
        }
        gone.forEach(this::take);
        history.removeAll(gone);
        expansions.set(history.size());
        status.set(gone.isEmpty() ? node.title() + " has nothing expanded." : "Collapsed " + node.title() + ".");
    }

    private void take(Expansion e) {
        edges.removeIf(e.edges()::contains);
        e.nodes().forEach(this::removeNode);
    }

    private void removeNode(GraphRef ref) {
        nodes.removeIf(n -> n.ref().equals(ref));
        edges.removeIf(edge -> edge.from().equals(ref) || edge.to().equals(ref));
        if (selected.get() != null && selected.get().ref().equals(ref)) {
            selected.set(null);
        }
    }

    private Expansion add(GraphSlice slice) {
        return add(slice, null);
    }

    private Expansion add(GraphSlice slice, GraphRef from) {
        Set<GraphRef> shown = new LinkedHashSet<>(nodes.stream().map(GraphNode::ref).toList());
        Set<GraphSlice.Edge> shownEdges = new LinkedHashSet<>(edges);
        Set<GraphRef> newNodes = new LinkedHashSet<>();
        Set<GraphSlice.Edge> newEdges = new LinkedHashSet<>();
        List<GraphNode> toAdd = new ArrayList<>();
        for (GraphNode n : slice.nodes()) {
            if (shown.add(n.ref())) {
                toAdd.add(n);
                newNodes.add(n.ref());
            }
        }
        List<GraphSlice.Edge> edgesToAdd = new ArrayList<>();
        for (GraphSlice.Edge e : slice.edges()) {
            if (shown.contains(e.from()) && shown.contains(e.to()) && shownEdges.add(e)) {
                edgesToAdd.add(e);
                newEdges.add(e);
            }
        }
        nodes.addAll(toAdd);
        edges.addAll(edgesToAdd);
        return new Expansion(from, newNodes, newEdges);
    }

    private String title(GraphRef ref) {
        return nodes.stream().filter(n -> n.ref().equals(ref)).map(GraphNode::title).findFirst().orElse("a node");
    }

    private String describe(GraphSlice slice, String what) {
        return String.format("%s: %d node%s, %d edge%s shown (at most %d per expansion).", what, nodes.size(), nodes.size() == 1 ? "" : "s",
                edges.size(), edges.size() == 1 ? "" : "s", cap.get());
    }

    public ObjectProperty<GraphService.Start> startProperty() {
        return start;
    }

    public StringProperty startTextProperty() {
        return startText;
    }

    public IntegerProperty capProperty() {
        return cap;
    }

    public ObservableList<GraphNode> nodesProperty() {
        return nodes;
    }

    public ObservableList<GraphSlice.Edge> edgesProperty() {
        return edges;
    }

    public ObjectProperty<GraphNode> selectedProperty() {
        return selected;
    }

    public ObservableList<Map.Entry<String, String>> detailsProperty() {
        return details;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }
}
