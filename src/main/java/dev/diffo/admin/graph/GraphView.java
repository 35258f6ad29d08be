package dev.diffo.admin.graph;

import dev.diffo.admin.domain.GraphNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The graph screen: binds the start controls, the details table and the {@link GraphCanvas} (which draws, pans,
 * zooms and fits) to the view model, and supplies the node menus and the legend. Holds no graph logic.
 */
public class GraphView {

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
    private GraphCanvas viewport;
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

    @Inject
    public GraphView(GraphViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindStart();
        bindCap();
        undoExpansionButton.disableProperty().bind(viewModel.canUndoProperty().not());
        status.textProperty().bind(viewModel.statusProperty());
        keyColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getKey()));
        valueColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue()));
        details.setItems(viewModel.detailsProperty());
        graphDetailTitle.textProperty().bind(viewModel.selectedProperty().map(GraphNode::title).orElse("Details"));
        viewport.selectedProperty().bindBidirectional(viewModel.selectedProperty());
        viewport.setNodeMenu(this::menu);
        viewport.setOnExpand(viewModel::expand);
        viewport.show(viewModel.nodesProperty(), viewModel.edgesProperty());
        for (GraphNode.Kind kind : GraphNode.Kind.values()) {
            if (kind != GraphNode.Kind.OTHER) {
                legend.getChildren().add(legendItem(kind));
            }
        }
    }

    private void bindStart() {
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
    }

    private void bindCap() {
        SpinnerValueFactory.IntegerSpinnerValueFactory caps = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, GraphService.MAX_CAP,
                viewModel.capProperty().get(), 10);
        capSpinner.setValueFactory(caps);
        capSpinner.setEditable(true);
        caps.valueProperty().subscribe(value -> {
            if (value != null) {
                viewModel.capProperty().set(value);
            }
        });
    }

    /** A node's right-click menu: expand (or the next page), split an aggregate by RSP, collapse. */
    private ContextMenu menu(GraphNode n) {
        ContextMenu menu = new ContextMenu();
        int cap = viewModel.capProperty().get();
        MenuItem expand = new MenuItem(n.kind() == GraphNode.Kind.MORE ? "Show the next " + cap : "Expand (at most " + cap + ")");
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
        return menu;
    }

    /** A legend entry: the kind's shape with its icon on it, and its name. */
    private static HBox legendItem(GraphNode.Kind kind) {
        Text text = new Text(kind.legend());
        text.getStyleClass().add("legend-text");
        StackPane mark = new StackPane(GraphCanvas.shape(kind, 34, 20), GraphCanvas.icon(kind));
        mark.getStyleClass().add("legend-mark");
        HBox item = new HBox(6, mark, text);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    /** Scales and centres the drawing to the window. */
    @FXML
    private void fit() {
        viewport.fit();
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
                new Alert(Alert.AlertType.ERROR, "Could not write " + file + ": " + e.getMessage()).showAndWait();
            }
        }
    }

    /** Writes what the view shows (the whole drawing, at 2× for print) as a PNG. */
    public void exportPng(Path file) throws IOException {
        viewport.writePng(file);
    }

    /** A node's drawing as a PNG, white background, at twice its size. */
    public static void writePng(Node node, Path file) throws IOException {
        GraphCanvas.writePng(node, file);
    }
}
