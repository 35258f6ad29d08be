package dev.diffo.admin.exchange;

import dev.diffo.admin.exchange.ImportPlan.Step;
import jakarta.inject.Inject;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** File → Import…'s preview: what the document would create, record and refuse; a thin binding of {@link ExchangeViewModel}. */
public class ExchangeView {

    /** Row style classes, one per action (the CSS colours a refused row). */
    static final String ROW_PREFIX = "import-";

    private final ExchangeViewModel viewModel;

    @FXML
    private Label heading;
    @FXML
    private TableView<Step> steps;
    @FXML
    private TableColumn<Step, String> actionColumn;
    @FXML
    private TableColumn<Step, String> specificationColumn;
    @FXML
    private TableColumn<Step, String> versionColumn;
    @FXML
    private TableColumn<Step, String> detailColumn;
    @FXML
    private Label keptAside;
    @FXML
    private TextField reason;
    @FXML
    private Label error;
    @FXML
    private Label outcome;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button importButton;

    @Inject
    public ExchangeView(ExchangeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(viewModel.headingProperty());
        steps.setItems(viewModel.stepsProperty());
        column(actionColumn, s -> s.action().label());
        column(specificationColumn, Step::label);
        column(versionColumn, Step::version);
        column(detailColumn, Step::detail);
        // a long reason is cut in its cell: the whole of it on hover
        detailColumn.setCellFactory(dev.diffo.admin.ui.Cells.wholeTextOnHover());
        steps.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Step step, boolean empty) {
                super.updateItem(step, empty);
                getStyleClass().removeIf(c -> c.startsWith(ROW_PREFIX));
                if (step != null && !empty) {
                    getStyleClass().add(ROW_PREFIX + step.action().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        keptAside.textProperty().bind(viewModel.keptAsideProperty());
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        error.textProperty().bind(viewModel.errorProperty());
        outcome.textProperty().bind(viewModel.outcomeProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
    }

    private static void column(TableColumn<Step, String> column, Function<Step, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    @FXML
    private void importNow() {
        viewModel.importNow();
    }

    /** The preview in a dialog of its own over {@code owner}; Close leaves without importing. */
    public static Dialog<ButtonType> showDialog(Parent root, Window owner, String theme) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import TMF specifications");
        dialog.setHeaderText("What the document would create, record and refuse");
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().add(theme);
        dialog.show();
        return dialog;
    }
}
