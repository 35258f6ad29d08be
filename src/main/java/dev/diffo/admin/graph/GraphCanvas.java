package dev.diffo.admin.graph;

import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.ui.KindIcon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A reusable drawing of graph nodes and edges: positions from {@link GraphLayout} (ELK layered), shapes and colours
 * by kind (CSS) with the kind's icon ({@link #icon(GraphNode.Kind)}), pan by dragging the background, zoom with the wheel, drag a node to move it, click to select,
 * double-click to expand, right-click for the menu its owner supplies; fit to the window and snapshot to a PNG.
 * Its first child is the drawing (a {@link Group} in graph coordinates, panned and zoomed as a whole). Holds no
 * graph logic: nodes are keyed by {@link GraphNode#key()}.
 */
public class GraphCanvas extends Pane {

    private static final double NODE_HEIGHT = 46;
    /** The room an icon takes before a node's text: its size and a gap. */
    private static final double ICON_ROOM = 24;

    private final Group drawing = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Map<String, Group> drawn = new HashMap<>();
    private final ObjectProperty<GraphNode> selected = new SimpleObjectProperty<>(this, "selected");
    private List<GraphSlice.Edge> edges = List.of();
    private Function<GraphNode, ContextMenu> nodeMenu = n -> null;
    private Consumer<GraphNode> onExpand = n -> { };
    private double dragX;
    private double dragY;
    private boolean redrawQueued;

    public GraphCanvas() {
        drawing.getChildren().setAll(edgeLayer, nodeLayer);
        getChildren().add(drawing);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnMousePressed(e -> {
            dragX = e.getSceneX() - drawing.getTranslateX();
            dragY = e.getSceneY() - drawing.getTranslateY();
        });
        setOnMouseDragged(e -> {
            drawing.setTranslateX(e.getSceneX() - dragX);
            drawing.setTranslateY(e.getSceneY() - dragY);
        });
        setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY()));
        selected.subscribe((old, now) -> {
            style(old, false);
            style(now, true);
        });
    }

    /** Draws these lists and redraws (laid out once) after each step that changes them. */
    public void show(ObservableList<GraphNode> nodes, ObservableList<GraphSlice.Edge> edges) {
        Runnable queue = () -> queueRedraw(nodes, edges);
        nodes.addListener((ListChangeListener<GraphNode>) c -> queue.run());
        edges.addListener((ListChangeListener<GraphSlice.Edge>) c -> queue.run());
        queue.run();
    }

    /** The node last clicked (or set from outside); drawn with the {@code selected} style class. */
    public ObjectProperty<GraphNode> selectedProperty() {
        return selected;
    }

    /** The context menu for a node (built when the node is drawn), or {@code null} for none. */
    public void setNodeMenu(Function<GraphNode, ContextMenu> nodeMenu) {
        this.nodeMenu = nodeMenu;
    }

    /** What a double-click on a node does. */
    public void setOnExpand(Consumer<GraphNode> onExpand) {
        this.onExpand = onExpand;
    }

    /** Several list changes arrive for one step: lay out once, after them. */
    private void queueRedraw(List<GraphNode> nodes, List<GraphSlice.Edge> edges) {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(() -> {
                redrawQueued = false;
                draw(List.copyOf(nodes), List.copyOf(edges));
            });
        }
    }

    /** Lays out and draws these nodes and edges in place of what was drawn, then fits them to the window. */
    public void draw(List<GraphNode> nodes, List<GraphSlice.Edge> edges) {
        this.edges = List.copyOf(edges);
        List<GraphLayout.Box> boxes = new ArrayList<>();
        for (GraphNode n : nodes) {
            boxes.add(new GraphLayout.Box(n.key(), width(n), NODE_HEIGHT));
        }
        Map<String, GraphLayout.Point> at = GraphLayout.layout(boxes, this.edges.stream().map(e -> Map.entry(e.from().key(), e.to().key())).toList());
        nodeLayer.getChildren().clear();
        drawn.clear();
        for (GraphNode n : nodes) {
            Group group = nodeGroup(n, width(n));
            GraphLayout.Point p = at.get(n.key());
            group.setLayoutX(p.x());
            group.setLayoutY(p.y());
            drawn.put(n.key(), group);
            nodeLayer.getChildren().add(group);
        }
        drawEdges();
        style(selected.get(), true);
        if (!nodes.isEmpty()) {
            fit();
        }
    }

    private static double width(GraphNode n) {
        return inset(n.kind()) + ICON_ROOM + Math.max(110, Math.min(290, 14 + 8.0 * Math.max(n.title().length(), n.subtitle() == null ? 0 : n.subtitle().length())));
    }

    /** Where a node's icon starts: clear of the slanted sides of a party's hexagon and a run's arrow-cut box. */
    private static double inset(GraphNode.Kind kind) {
        return switch (kind) {
            case PARTY -> NODE_HEIGHT / 3;
            case MIGRATION_RUN -> NODE_HEIGHT / 2 - 4;
            default -> 10;
        };
    }

    private void style(GraphNode node, boolean on) {
        Group group = node == null ? null : drawn.get(node.key());
        if (group != null) {
            group.getStyleClass().remove("selected");
            if (on) {
                group.getStyleClass().add("selected");
            }
        }
    }

    private void drawEdges() {
        edgeLayer.getChildren().clear();
        for (GraphSlice.Edge e : edges) {
            Group from = drawn.get(e.from().key());
            Group to = drawn.get(e.to().key());
            if (from != null && to != null) {
                edgeLayer.getChildren().addAll(edge(from.getBoundsInParent(), to.getBoundsInParent(), e.type()));
            }
        }
    }

    /** A line from one node's side to the other's, an arrow head and the relationship type. */
    private static List<Node> edge(Bounds a, Bounds b, String type) {
        boolean forward = b.getMinX() >= a.getMaxX() - 1;
        double x1 = forward ? a.getMaxX() : a.getMinX();
        double y1 = a.getCenterY();
        double x2 = forward ? b.getMinX() : b.getMaxX();
        double y2 = b.getCenterY();
        Line line = new Line(x1, y1, x2, y2);
        line.getStyleClass().addAll("edge", "edge-" + type.toLowerCase(Locale.ROOT));
        double angle = Math.atan2(y2 - y1, x2 - x1);
        Polygon arrow = new Polygon(x2, y2, x2 - 9 * Math.cos(angle - 0.4), y2 - 9 * Math.sin(angle - 0.4),
                x2 - 9 * Math.cos(angle + 0.4), y2 - 9 * Math.sin(angle + 0.4));
        arrow.getStyleClass().add("arrow");
        Text label = new Text((x1 + x2) / 2 - 3 * type.length(), (y1 + y2) / 2 - 4, type);
        label.getStyleClass().add("edge-label");
        return List.of(line, arrow, label);
    }

    private Group nodeGroup(GraphNode n, double width) {
        boolean dark = n.kind().specification();
        double textX = inset(n.kind()) + ICON_ROOM;
        double textWidth = width - textX + 10;
        Text title = new Text(textX, 19, clip(n.title(), textWidth));
        title.getStyleClass().addAll("node-title", dark ? "on-dark" : "on-light");
        Text subtitle = new Text(textX, 35, clip(n.subtitle() == null ? "" : n.subtitle(), textWidth));
        subtitle.getStyleClass().addAll("node-subtitle", dark ? "on-dark" : "on-light");
        FontIcon icon = icon(n.kind());
        icon.setTextOrigin(VPos.CENTER);
        icon.setX(inset(n.kind()));
        icon.setY(NODE_HEIGHT / 2);
        Group group = new Group(shape(n.kind(), width, NODE_HEIGHT), icon, title, subtitle);
        group.setUserData(n);
        group.setId("node-" + n.title().replaceAll("[^A-Za-z0-9_-]", "_"));
        group.getStyleClass().add("graph-node");
        ContextMenu menu = nodeMenu.apply(n);
        if (menu != null) {
            group.setOnContextMenuRequested(e -> menu.show(group, e.getScreenX(), e.getScreenY()));
        }
        handleMouse(group, n);
        return group;
    }

    /** Drag moves the node (its edges follow), click selects, double-click expands. */
    private void handleMouse(Group group, GraphNode n) {
        group.setOnMousePressed(e -> {
            dragX = e.getSceneX();
            dragY = e.getSceneY();
            e.consume();
        });
        group.setOnMouseDragged(e -> {
            double scale = drawing.getScaleX();
            group.setLayoutX(group.getLayoutX() + (e.getSceneX() - dragX) / scale);
            group.setLayoutY(group.getLayoutY() + (e.getSceneY() - dragY) / scale);
            dragX = e.getSceneX();
            dragY = e.getSceneY();
            drawEdges();
            e.consume();
        });
        group.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                selected.set(n);
                if (e.getClickCount() == 2) {
                    onExpand.accept(n);
                }
            }
            e.consume();
        });
    }

    private static String clip(String text, double width) {
        int max = (int) ((width - 20) / 7.6);
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
    }

    /** The kind's shape at this size: rounded boxes for specifications, pills for instances, a hexagon for parties, a diamond-cut box for runs. */
    public static Shape shape(GraphNode.Kind kind, double w, double h) {
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

    /** The icon of a kind of node: the app's icon of that kind ({@link KindIcon}, as the catalogue tree's). */
    public static KindIcon iconOf(GraphNode.Kind kind) {
        return switch (kind) {
            case SPECIFICATION_CURRENT -> KindIcon.CURRENT_MAJOR;
            case SPECIFICATION_FROZEN -> KindIcon.FROZEN_MAJOR;
            case SPECIFICATION_WITHDRAWN -> KindIcon.WITHDRAWN_MAJOR;
            case INSTANCES -> KindIcon.INSTANCES;
            case INSTANCE -> KindIcon.INSTANCE;
            case CHARACTERISTIC -> KindIcon.CHARACTERISTIC;
            case PARTY -> KindIcon.PARTY;
            case MIGRATION_RUN -> KindIcon.MIGRATION_RUN;
            case MORE -> KindIcon.MORE;
            case OTHER -> KindIcon.OTHER;
        };
    }

    /** The kind's icon as a node, coloured by CSS ({@code node-icon}, {@code node-icon-<kind>}: the theme's named colours). */
    public static FontIcon icon(GraphNode.Kind kind) {
        FontIcon icon = new FontIcon(iconOf(kind).literal());
        icon.getStyleClass().addAll("node-icon", "node-icon-" + kind.name().toLowerCase(Locale.ROOT));
        return icon;
    }

    private static Rectangle rounded(double w, double h, double arc) {
        Rectangle r = new Rectangle(w, h);
        r.setArcWidth(arc);
        r.setArcHeight(arc);
        return r;
    }

    /** Zooms by {@code factor} (kept within 0.1× to 4×) about a point of the canvas. */
    public void zoom(double factor, double pivotX, double pivotY) {
        double scale = Math.max(0.1, Math.min(4, drawing.getScaleX() * factor));
        double applied = scale / drawing.getScaleX();
        drawing.setScaleX(scale);
        drawing.setScaleY(scale);
        // keep the point under the pointer where it is
        Bounds b = drawing.getBoundsInParent();
        drawing.setTranslateX(drawing.getTranslateX() - (pivotX - (b.getMinX() + b.getWidth() / 2)) * (applied - 1));
        drawing.setTranslateY(drawing.getTranslateY() - (pivotY - (b.getMinY() + b.getHeight() / 2)) * (applied - 1));
    }

    /** Scales and centres the drawing to the canvas. */
    public void fit() {
        Bounds content = drawing.getLayoutBounds();
        double w = getWidth() > 0 ? getWidth() : getPrefWidth();
        double h = getHeight() > 0 ? getHeight() : getPrefHeight();
        if (content.getWidth() <= 0 || content.getHeight() <= 0 || w <= 0 || h <= 0) {
            return;
        }
        double scale = Math.min(1.5, Math.min((w - 40) / content.getWidth(), (h - 40) / content.getHeight()));
        drawing.setScaleX(scale);
        drawing.setScaleY(scale);
        // scaling is about the content's centre: move that centre to the canvas's
        drawing.setTranslateX(w / 2 - (content.getMinX() + content.getWidth() / 2));
        drawing.setTranslateY(h / 2 - (content.getMinY() + content.getHeight() / 2));
    }

    /** Writes the whole drawing (at 2× for print) as a PNG. */
    public void writePng(Path file) throws IOException {
        writePng(drawing, file);
    }

    /** A node's drawing as a PNG on the theme's canvas colour (what it is drawn on), at twice its size. */
    public static void writePng(Node node, Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(background(node));
        parameters.setTransform(Transform.scale(2, 2));
        WritableImage image = node.snapshot(parameters, null);
        if (!javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /**
     * The fill the node is drawn on: the background of the nearest region around it that has one (the graph's
     * viewport, styled {@code -diffo-canvas}), else the scene's fill; so an exported picture follows the theme.
     */
    static Paint background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.layout.Region region && region.getBackground() != null && !region.getBackground().getFills().isEmpty()) {
                return region.getBackground().getFills().getLast().getFill();
            }
        }
        return node.getScene() == null ? null : node.getScene().getFill();
    }
}
