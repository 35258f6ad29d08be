package dev.diffo.admin.catalogue;

import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationGroup;
import dev.diffo.admin.ui.KindIcon;
import jakarta.inject.Inject;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The catalogue screen; bindings and cell rendering only, the behaviour is in {@link CatalogueViewModel}. */
public class CatalogueView {

    private final CatalogueViewModel viewModel;
    /** While the tree is rebuilt its own selection moves; the view model's selection (by id) is what counts. */
    private boolean rebuilding;

    @FXML
    private TextField search;
    @FXML
    private Button refreshButton;
    @FXML
    private Button loadDemoButton;
    @FXML
    private Button emptyLoadDemoButton;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Label statusMessage;
    @FXML
    private TreeView<CatalogueEntry> tree;
    @FXML
    private VBox statePane;
    @FXML
    private Label stateMessage;
    @FXML
    private Label warnings;
    @FXML
    private Label detailTitle;
    @FXML
    private GridPane detailsGrid;
    @FXML
    private TextField detailUuid;
    @FXML
    private TextField detailHref;
    @FXML
    private TextField detailName;
    @FXML
    private TextField detailType;
    @FXML
    private TextField detailVersion;
    @FXML
    private TextArea detailDescription;
    @FXML
    private TextField detailCategory;
    @FXML
    private TextField detailTmfVersion;
    @FXML
    private TextField detailCreated;
    @FXML
    private TextField detailUpdated;
    @FXML
    private TextField detailInstances;
    @FXML
    private TextField detailLabels;
    @FXML
    private TextField detailStatus;

    @Inject
    public CatalogueView(CatalogueViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindToolbarAndState();
        bindDetails();
        bindTree();
    }

    private void bindToolbarAndState() {
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        refreshButton.disableProperty().bind(viewModel.canRefreshProperty().not());
        loadDemoButton.disableProperty().bind(viewModel.canLoadDemoProperty().not());
        emptyLoadDemoButton.disableProperty().bind(viewModel.canLoadDemoProperty().not());
        emptyLoadDemoButton.visibleProperty().bind(viewModel.viewStateProperty().isEqualTo(CatalogueViewModel.ViewState.EMPTY_DATABASE));
        emptyLoadDemoButton.managedProperty().bind(emptyLoadDemoButton.visibleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        statusMessage.textProperty().bind(viewModel.statusMessageProperty());
        statePane.visibleProperty().bind(viewModel.viewStateProperty().isNotEqualTo(CatalogueViewModel.ViewState.CATALOGUE));
        stateMessage.textProperty().bind(viewModel.stateMessageProperty());
        warnings.textProperty().bind(viewModel.warningsProperty());
        warnings.visibleProperty().bind(viewModel.warningsProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());
    }

    /** The selected version's details; the whole id and href on hover, whatever the width of the pane. */
    private void bindDetails() {
        detailTitle.textProperty().bind(viewModel.selectedProperty()
                .map(s -> s.name() + " " + s.version())
                .orElse("Select a specification version"));
        detailsGrid.visibleProperty().bind(viewModel.hasSelectionProperty());
        detailUuid.textProperty().bind(viewModel.detailUuid());
        detailHref.textProperty().bind(viewModel.detailHref());
        // the whole id and href, whatever the width of the pane (the fields scroll and copy)
        detailUuid.setTooltip(new javafx.scene.control.Tooltip());
        detailUuid.getTooltip().textProperty().bind(viewModel.detailUuid());
        detailHref.setTooltip(new javafx.scene.control.Tooltip());
        detailHref.getTooltip().textProperty().bind(viewModel.detailHref());
        detailName.textProperty().bind(viewModel.detailName());
        detailType.textProperty().bind(viewModel.detailType());
        detailVersion.textProperty().bind(viewModel.detailVersion());
        detailDescription.textProperty().bind(viewModel.detailDescription());
        detailCategory.textProperty().bind(viewModel.detailCategory());
        detailTmfVersion.textProperty().bind(viewModel.detailTmfVersion());
        detailCreated.textProperty().bind(viewModel.detailCreated());
        detailUpdated.textProperty().bind(viewModel.detailUpdated());
        detailInstances.textProperty().bind(viewModel.detailInstances());
        detailLabels.textProperty().bind(viewModel.detailLabels());
        detailStatus.textProperty().bind(viewModel.detailStatus());
    }

    /** The catalogue tree: names and their versions, the selection kept in step with the view model, Show in graph. */
    private void bindTree() {
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(view -> new EntryCell());
        viewModel.groupsProperty().subscribe(this::rebuildTree);
        tree.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null && !rebuilding) {
                viewModel.select(item.getValue());
            }
        });
        viewModel.selectedProperty().subscribe(this::selectInTree);
        javafx.scene.control.MenuItem showInGraph = new javafx.scene.control.MenuItem("Show in graph");
        showInGraph.setId("showInGraphItem");
        showInGraph.disableProperty().bind(viewModel.canShowInGraphProperty().not().or(tree.getSelectionModel().selectedItemProperty().isNull()));
        showInGraph.setOnAction(e -> viewModel.showInGraph(tree.getSelectionModel().getSelectedItem().getValue()));
        javafx.scene.control.MenuItem showReadiness = new javafx.scene.control.MenuItem("Withdrawal readiness");
        showReadiness.setId("showReadinessItem");
        showReadiness.disableProperty().bind(viewModel.canShowReadinessProperty().not().or(tree.getSelectionModel().selectedItemProperty().isNull()));
        showReadiness.setOnAction(e -> viewModel.showReadiness(tree.getSelectionModel().getSelectedItem().getValue()));
        tree.setContextMenu(new javafx.scene.control.ContextMenu(showInGraph, showReadiness));
    }

    private void rebuildTree(List<SpecificationGroup> groups) {
        List<TreeItem<CatalogueEntry>> branches = groups.stream().map(group -> {
            TreeItem<CatalogueEntry> branch = new TreeItem<>(new CatalogueEntry.Name(group, viewModel.countsProperty().get()));
            group.majors().forEach(s -> branch.getChildren().add(new TreeItem<>(new CatalogueEntry.Version(s, viewModel.countsProperty().get()))));
            branch.setExpanded(true);
            return branch;
        }).toList();
        rebuilding = true;
        try {
            tree.getRoot().getChildren().setAll(branches);
        } finally {
            rebuilding = false;
        }
        selectInTree(viewModel.selectedProperty().get());
    }

    private void selectInTree(Specification specification) {
        if (specification == null) {
            return;
        }
        for (TreeItem<CatalogueEntry> branch : tree.getRoot().getChildren()) {
            for (TreeItem<CatalogueEntry> leaf : branch.getChildren()) {
                if (leaf.getValue() instanceof CatalogueEntry.Version v && v.specification().uuid().equals(specification.uuid())
                        && tree.getSelectionModel().getSelectedItem() != leaf) {
                    tree.getSelectionModel().select(leaf);
                    return;
                }
            }
        }
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void loadDemo() {
        viewModel.loadDemo();
    }

    /** The tree's icon per kind of row: the app's icon of that kind (the graph draws the same ones). */
    static final java.util.Map<CatalogueEntry.Kind, KindIcon> ICONS = new java.util.EnumMap<>(java.util.Map.of(
            CatalogueEntry.Kind.SERVICE_SPECIFICATION, KindIcon.SERVICE_SPECIFICATION,
            CatalogueEntry.Kind.RESOURCE_SPECIFICATION, KindIcon.RESOURCE_SPECIFICATION,
            CatalogueEntry.Kind.CURRENT_MAJOR, KindIcon.CURRENT_MAJOR,
            CatalogueEntry.Kind.FROZEN_MAJOR, KindIcon.FROZEN_MAJOR,
            CatalogueEntry.Kind.WITHDRAWN_MAJOR, KindIcon.WITHDRAWN_MAJOR));

    /** A tree row: the entry's title in bold, its summary muted beside it. */
    private static final class EntryCell extends TreeCell<CatalogueEntry> {
        private final Label title = new Label();
        private final Label subtitle = new Label();
        private final FontIcon icon = new FontIcon();
        private final HBox box = new HBox(8, icon, title, subtitle);

        EntryCell() {
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            icon.getStyleClass().add("entry-icon");
            title.getStyleClass().add("entry-title");
            subtitle.getStyleClass().add("entry-subtitle");
        }

        @Override
        protected void updateItem(CatalogueEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setId(null);
                setGraphic(null);
                setText(null);
                return;
            }
            setId(switch (entry) {
                case CatalogueEntry.Name n -> "name-" + n.group().name();
                case CatalogueEntry.Version v -> "spec-" + v.specification().uuid();
            });
            title.setText(entry.title());
            subtitle.setText(entry.subtitle());
            icon.setIconLiteral(ICONS.get(entry.kind()).literal());
            icon.getStyleClass().removeIf(style -> style.startsWith("entry-icon-"));
            icon.getStyleClass().add("entry-icon-" + entry.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            title.getStyleClass().remove("entry-name");
            if (entry instanceof CatalogueEntry.Name) {
                title.getStyleClass().add("entry-name");
            }
            setText(null);
            setGraphic(box);
        }
    }
}
