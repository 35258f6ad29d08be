package dev.diffo.admin.readiness;

import jakarta.inject.Inject;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The withdrawal-readiness screen, bound to {@link ReadinessViewModel}: two charts and a table, each exportable. */
public class ReadinessView {

    private static final DateTimeFormatter AXIS_DATE = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter AXIS_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ReadinessViewModel viewModel;

    @FXML
    private ComboBox<String> nameChoice;
    @FXML
    private Button readinessReloadButton;
    @FXML
    private Button exportCsvButton;
    @FXML
    private Button exportBarsButton;
    @FXML
    private Button exportLinesButton;
    @FXML
    private Label readinessSummary;
    @FXML
    private Label projections;
    @FXML
    private Label readinessMessage;
    @FXML
    private StackedBarChart<String, Number> barChart;
    @FXML
    private CategoryAxis barVersions;
    @FXML
    private LineChart<Number, Number> lineChart;
    @FXML
    private NumberAxis lineTime;
    @FXML
    private NumberAxis barCounts;
    @FXML
    private NumberAxis lineCounts;
    @FXML
    private TableView<ReadinessViewModel.Row> rspTable;
    @FXML
    private TableColumn<ReadinessViewModel.Row, String> versionColumn;
    @FXML
    private TableColumn<ReadinessViewModel.Row, String> standingColumn;
    @FXML
    private TableColumn<ReadinessViewModel.Row, String> statusColumn;
    @FXML
    private TableColumn<ReadinessViewModel.Row, String> readinessRspColumn;
    @FXML
    private TableColumn<ReadinessViewModel.Row, String> howColumn;
    @FXML
    private TableColumn<ReadinessViewModel.Row, Long> instancesColumn;

    @Inject
    public ReadinessView(ReadinessViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        nameChoice.setItems(viewModel.names());
        nameChoice.valueProperty().bindBidirectional(viewModel.nameProperty());
        readinessReloadButton.disableProperty().bind(viewModel.busyProperty());
        exportCsvButton.disableProperty().bind(viewModel.canExportProperty().not());
        exportBarsButton.disableProperty().bind(viewModel.canExportProperty().not());
        exportLinesButton.disableProperty().bind(viewModel.canExportProperty().not());
        readinessSummary.textProperty().bind(viewModel.summaryProperty());
        projections.textProperty().bind(viewModel.projectionsProperty());
        readinessMessage.textProperty().bind(viewModel.messageProperty());
        SortedList<ReadinessViewModel.Row> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(rspTable.comparatorProperty());
        rspTable.setItems(sorted);
        text(versionColumn, ReadinessViewModel.Row::version);
        text(standingColumn, ReadinessViewModel.Row::standing);
        text(statusColumn, ReadinessViewModel.Row::status);
        text(readinessRspColumn, ReadinessViewModel.Row::rsp);
        text(howColumn, ReadinessViewModel.Row::how);
        instancesColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().instances()));
        // counts with separators, as everywhere else in the app (sorting stays numeric: the cell's value is the Long)
        instancesColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long count, boolean empty) {
                super.updateItem(count, empty);
                setText(empty || count == null ? null : String.format("%,d", count));
            }
        });
        lineTime.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                // a span of minutes reads in seconds, of days in minutes, of months in days
                double span = lineTime.getUpperBound() - lineTime.getLowerBound();
                DateTimeFormatter format = span < 2 * 3600 ? AXIS_SECONDS : span < 4 * 86400 ? AXIS_DATE : AXIS_DAY;
                return format.format(Instant.ofEpochSecond(seconds.longValue()).atZone(ZoneId.systemDefault()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        barCounts.setTickLabelFormatter(COUNT);
        lineCounts.setTickLabelFormatter(COUNT);
        barChart.setAnimated(false);
        lineChart.setAnimated(false);
        viewModel.readinessProperty().subscribe(read -> draw());
    }

    /** Counts on an axis: whole numbers with separators, no label between them (2.5 instances are not a thing). */
    private static final StringConverter<Number> COUNT = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return v == Math.rint(v) ? String.format("%,d", (long) v) : "";
        }

        @Override
        public Number fromString(String text) {
            return 0;
        }
    };

    /** A text column whose cells show their whole text on hover (the RSP and how it was found are cut at this width). */
    private static void text(TableColumn<ReadinessViewModel.Row, String> column, Function<ReadinessViewModel.Row, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(dev.diffo.admin.ui.Cells.wholeTextOnHover());
    }

    /** The charts from the view model's bars and lines (a series per RSP, stacked per major; a line per old major). */
    private void draw() {
        barVersions.getCategories().setAll(viewModel.versions());
        Map<String, XYChart.Series<String, Number>> byRsp = new LinkedHashMap<>();
        for (ReadinessViewModel.Bar bar : viewModel.bars()) {
            byRsp.computeIfAbsent(bar.rsp(), rsp -> {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(rsp);
                return series;
            }).getData().add(new XYChart.Data<>(bar.version(), bar.instances()));
        }
        barChart.getData().setAll(byRsp.values());
        lineChart.getData().setAll(viewModel.lines().stream().map(line -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(line.version() + " remaining");
            line.points().forEach(p -> series.getData().add(new XYChart.Data<>(p[0], p[1])));
            return series;
        }).toList());
    }

    @FXML
    private void reload() {
        viewModel.load();
    }

    @FXML
    private void exportCsv() {
        File file = choose("Export the table as CSV", "readiness-" + viewModel.nameProperty().get() + ".csv", "CSV", "*.csv");
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }

    @FXML
    private void exportBars() {
        exportPng(barChart, "readiness-" + viewModel.nameProperty().get() + "-per-rsp.png");
    }

    @FXML
    private void exportLines() {
        exportPng(lineChart, "readiness-" + viewModel.nameProperty().get() + "-remaining.png");
    }

    private void exportPng(Node chart, String initialName) {
        File file = choose("Export the chart as PNG", initialName, "PNG image", "*.png");
        if (file != null) {
            WritableImage image = chart.snapshot(null, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            viewModel.exportPng(w, h, argb, file.toPath());
        }
    }

    private File choose(String title, String initialName, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(rspTable.getScene().getWindow());
    }
}
