package dev.diffo.admin.graph;

import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphSlice;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Draws the view model's nodes and edges: positions from {@link GraphLayout} (ELK layered), shapes and colours by
 * kind (CSS), pan by dragging the background, zoom with the wheel, drag a node to move it, click for details,
 * double-click to expand, right-click for more. Holds no graph logic.
 */
public class GraphView {

    private static final double NODE_HEIGHT = 46;

    private final GraphViewModel viewModel;

    @FXML
    private ChoiceBox<GraphService.Start> startChoice;
    @FXML
    private TextField startField;
    @FXML
    private Button openButton;
    @FXML
    private Spinner<Integer> capSpinner;
    @FXML
    private Button undoExpansionButton;
    @FXML
    private Button fitButton;
    @FXML
    private Button exportPngButton;
    @FXML
    private Label status;
    @FXML
    private Pane viewport;
    @FXML
    private Label graphDetailTitle;
    @FXML
    private TableView<Map.Entry<String, String>> details;
    @FXML
    private TableColumn<Map.Entry<String, String>, String> keyColumn;
    @FXML
    private TableColumn<Map.Entry<String, String>, String> valueColumn;
    @FXML
    private FlowPane legend;

    /** What is drawn, in graph coordinates; panned and zoomed as a whole. */
    private final Group canvas = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Map<String, Group> drawn = new HashMap<>();
    private double dragX;
    private double dragY;
    private boolean redrawQueued;

    @Inject
    public GraphView(GraphViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        startChoice.getItems().setAll(GraphService.Start.values());
        startChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(GraphService.Start start) {
                return start == null ? "" : start.label();
            }

            @Override
            public GraphService.Start fromString(String text) {
                return null;
            }
        });
        startChoice.valueProperty().bindBidirectional(viewModel.startProperty());
        startField.textProperty().bindBidirectional(viewModel.startTextProperty());
        startField.promptTextProperty().bind(viewModel.startProperty().map(GraphService.Start::prompt));
        openButton.disableProperty().bind(viewModel.canOpenProperty().not());
        SpinnerValueFactory.IntegerSpinnerValueFactory caps = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, GraphService.MAX_CAP,
                viewModel.capProperty().get(), 10);
        capSpinner.setValueFactory(caps);
        capSpinner.setEditable(true);
        caps.valueProperty().subscribe(value -> {
            if (value != null) {
                viewModel.capProperty().set(value);
            }
        });
        undoExpansionButton.disableProperty().bind(viewModel.canUndoProperty().not());
        status.textProperty().bind(viewModel.statusProperty());
        keyColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getKey()));
        valueColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue()));
        details.setItems(viewModel.detailsProperty());
        graphDetailTitle.textProperty().bind(viewModel.selectedProperty().map(GraphNode::title).orElse("Details"));

        canvas.getChildren().setAll(edgeLayer, nodeLayer);
        viewport.getChildren().add(canvas);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        viewport.setOnMousePressed(e -> {
            dragX = e.getSceneX() - canvas.getTranslateX();
            dragY = e.getSceneY() - canvas.getTranslateY();
        });
        viewport.setOnMouseDragged(e -> {
            canvas.setTranslateX(e.getSceneX() - dragX);
            canvas.setTranslateY(e.getSceneY() - dragY);
        });
        viewport.setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY()));

        for (GraphNode.Kind kind : GraphNode.Kind.values()) {
            if (kind != GraphNode.Kind.OTHER) {
                Shape swatch = shape(kind, 26, 14);
                Text text = new Text(kind.legend());
                text.getStyleClass().add("legend-text");
                HBox item = new HBox(6, swatch, text);
                item.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                legend.getChildren().add(item);
            }
        }
        viewModel.nodesProperty().addListener((ListChangeListener<GraphNode>) c -> queueRedraw());
        viewModel.edgesProperty().addListener((ListChangeListener<GraphSlice.Edge>) c -> queueRedraw());
        viewModel.selectedProperty().subscribe((old, now) -> {
            if (old != null && drawn.containsKey(old.key())) {
                drawn.get(old.key()).getStyleClass().remove("selected");
            }
            if (now != null && drawn.containsKey(now.key())) {
                drawn.get(now.key()).getStyleClass().add("selected");
            }
        });
    }

    /** Several list changes arrive for one step: lay out once, after them. */
    private void queueRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            javafx.application.Platform.runLater(() -> {
                redrawQueued = false;
                redraw();
            });
        }
    }

    private void redraw() {
        List<GraphNode> nodes = List.copyOf(viewModel.nodesProperty());
        List<GraphSlice.Edge> edges = List.copyOf(viewModel.edgesProperty());
        List<GraphLayout.Box> boxes = new ArrayList<>();
        Map<String, Double> widths = new HashMap<>();
        for (GraphNode n : nodes) {
            double width = Math.max(120, Math.min(300, 24 + 8.0 * Math.max(n.title().length(), n.subtitle() == null ? 0 : n.subtitle().length())));
            widths.put(n.key(), width);
            boxes.add(new GraphLayout.Box(n.key(), width, NODE_HEIGHT));
        }
        Map<String, GraphLayout.Point> at = GraphLayout.layout(boxes, edges.stream().map(e -> Map.entry(e.from().key(), e.to().key())).toList());
        nodeLayer.getChildren().clear();
        drawn.clear();
        for (GraphNode n : nodes) {
            Group group = nodeGroup(n, widths.get(n.key()));
            GraphLayout.Point p = at.get(n.key());
            group.setLayoutX(p.x());
            group.setLayoutY(p.y());
            drawn.put(n.key(), group);
            nodeLayer.getChildren().add(group);
        }
        drawEdges();
        GraphNode selected = viewModel.selectedProperty().get();
        if (selected != null && drawn.containsKey(selected.key())) {
            drawn.get(selected.key()).getStyleClass().add("selected");
        }
        if (!nodes.isEmpty()) {
            fit();
        }
    }

    private void drawEdges() {
        edgeLayer.getChildren().clear();
        for (GraphSlice.Edge e : viewModel.edgesProperty()) {
            Group from = drawn.get(e.from().key());
            Group to = drawn.get(e.to().key());
            if (from == null || to == null) {
                continue;
            }
            Bounds a = from.getBoundsInParent();
            Bounds b = to.getBoundsInParent();
            boolean forward = b.getMinX() >= a.getMaxX() - 1;
            double x1 = forward ? a.getMaxX() : a.getMinX();
            double y1 = a.getCenterY();
            double x2 = forward ? b.getMinX() : b.getMaxX();
            double y2 = b.getCenterY();
            Line line = new Line(x1, y1, x2, y2);
            line.getStyleClass().addAll("edge", "edge-" + e.type().toLowerCase(Locale.ROOT));
            double angle = Math.atan2(y2 - y1, x2 - x1);
            Polygon arrow = new Polygon(x2, y2, x2 - 9 * Math.cos(angle - 0.4), y2 - 9 * Math.sin(angle - 0.4),
                    x2 - 9 * Math.cos(angle + 0.4), y2 - 9 * Math.sin(angle + 0.4));
            arrow.getStyleClass().add("arrow");
            Text label = new Text((x1 + x2) / 2 - 3 * e.type().length(), (y1 + y2) / 2 - 4, e.type());
            label.getStyleClass().add("edge-label");
            edgeLayer.getChildren().addAll(line, arrow, label);
        }
    }

    private Group nodeGroup(GraphNode n, double width) {
        Shape shape = shape(n.kind(), width, NODE_HEIGHT);
        boolean dark = n.kind().specification();
        Text title = new Text(10, 19, clip(n.title(), width));
        title.getStyleClass().addAll("node-title", dark ? "on-dark" : "on-light");
        Text subtitle = new Text(10, 35, clip(n.subtitle() == null ? "" : n.subtitle(), width));
        subtitle.getStyleClass().addAll("node-subtitle", dark ? "on-dark" : "on-light");
        Group group = new Group(shape, title, subtitle);
        group.setUserData(n);
        group.setId("node-" + n.title().replaceAll("[^A-Za-z0-9_-]", "_"));
        group.getStyleClass().add("graph-node");
        ContextMenu menu = new ContextMenu();
        MenuItem expand = new MenuItem(n.kind() == GraphNode.Kind.MORE ? "Show the next " + viewModel.capProperty().get() : "Expand (at most " + viewModel.capProperty().get() + ")");
        expand.setOnAction(e -> viewModel.expand(n));
        menu.getItems().add(expand);
        if (n.ref().splitsByRsp()) {
            MenuItem split = new MenuItem("Split by RSP");
            split.setOnAction(e -> viewModel.splitByRsp(n));
            menu.getItems().add(split);
        }
        MenuItem collapse = new MenuItem("Collapse");
        collapse.setOnAction(e -> viewModel.collapse(n));
        menu.getItems().add(collapse);
        group.setOnContextMenuRequested(e -> menu.show(group, e.getScreenX(), e.getScreenY()));
        group.setOnMousePressed(e -> {
            dragX = e.getSceneX();
            dragY = e.getSceneY();
            e.consume();
        });
        group.setOnMouseDragged(e -> {
            double scale = canvas.getScaleX();
            group.setLayoutX(group.getLayoutX() + (e.getSceneX() - dragX) / scale);
            group.setLayoutY(group.getLayoutY() + (e.getSceneY() - dragY) / scale);
            dragX = e.getSceneX();
            dragY = e.getSceneY();
            drawEdges();
            e.consume();
        });
        group.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                viewModel.selectedProperty().set(n);
                if (e.getClickCount() == 2) {
                    viewModel.expand(n);
                }
            }
            e.consume();
        });
        return group;
    }

    private static String clip(String text, double width) {
        int max = (int) ((width - 20) / 7.6);
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
    }

    /** The kind's shape at this size: rounded boxes for specifications, pills for instances, a hexagon for parties, a diamond-cut box for runs. */
    static Shape shape(GraphNode.Kind kind, double w, double h) {
        Shape shape = switch (kind) {
            case INSTANCE -> rounded(w, h, h);
            case PARTY -> new Polygon(h / 3, 0, w - h / 3, 0, w, h / 2, w - h / 3, h, h / 3, h, 0, h / 2);
            case MIGRATION_RUN -> new Polygon(h / 2, 0, w - h / 2, 0, w, h / 2, w - h / 2, h, h / 2, h, 0, h / 2);
            case CHARACTERISTIC -> rounded(w, h, 4);
            default -> rounded(w, h, 12);
        };
        shape.getStyleClass().addAll("shape", "shape-" + kind.name().toLowerCase(Locale.ROOT));
        return shape;
    }

    private static Rectangle rounded(double w, double h, double arc) {
        Rectangle r = new Rectangle(w, h);
        r.setArcWidth(arc);
        r.setArcHeight(arc);
        return r;
    }

    private void zoom(double factor, double pivotX, double pivotY) {
        double scale = Math.max(0.1, Math.min(4, canvas.getScaleX() * factor));
        double applied = scale / canvas.getScaleX();
        canvas.setScaleX(scale);
        canvas.setScaleY(scale);
        // keep the point under the pointer where it is
        Bounds b = canvas.getBoundsInParent();
        canvas.setTranslateX(canvas.getTranslateX() - (pivotX - (b.getMinX() + b.getWidth() / 2)) * (applied - 1));
        canvas.setTranslateY(canvas.getTranslateY() - (pivotY - (b.getMinY() + b.getHeight() / 2)) * (applied - 1));
    }

    /** Scales and centres the drawing to the window. */
    @FXML
    private void fit() {
        Bounds content = canvas.getLayoutBounds();
        double w = viewport.getWidth() > 0 ? viewport.getWidth() : viewport.getPrefWidth();
        double h = viewport.getHeight() > 0 ? viewport.getHeight() : viewport.getPrefHeight();
        if (content.getWidth() <= 0 || content.getHeight() <= 0 || w <= 0 || h <= 0) {
            return;
        }
        double scale = Math.min(1.5, Math.min((w - 40) / content.getWidth(), (h - 40) / content.getHeight()));
        canvas.setScaleX(scale);
        canvas.setScaleY(scale);
        // scaling is about the content's centre: move that centre to the viewport's
        canvas.setTranslateX(w / 2 - (content.getMinX() + content.getWidth() / 2));
        canvas.setTranslateY(h / 2 - (content.getMinY() + content.getHeight() / 2));
    }

    @FXML
    private void open() {
        viewModel.open();
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the view as PNG");
        chooser.setInitialFileName("diffo-graph.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File file = chooser.showSaveDialog(viewport.getScene().getWindow());
        if (file != null) {
            try {
                exportPng(file.toPath());
            } catch (IOException e) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, "Could not write " + file + ": " + e.getMessage()).showAndWait();
            }
        }
    }

    /** Writes what the view shows (the whole drawing, at 2× for print) as a PNG. */
    public void exportPng(Path file) throws IOException {
        writePng(canvas, file);
    }

    /** A node's drawing as a PNG, white background, at twice its size. */
    public static void writePng(Node node, Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(javafx.scene.transform.Transform.scale(2, 2));
        WritableImage image = node.snapshot(parameters, null);
        if (!javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
