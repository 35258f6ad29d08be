package dev.diffo.admin.versioning;

import dev.diffo.admin.domain.VersionEvent;
import jakarta.inject.Inject;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** The version timeline of one specification name, and the diff between two chosen versions. */
public class HistoryView {


    private final HistoryViewModel viewModel;

    @FXML
    private Label title;
    @FXML
    private ListView<VersionEvent> events;
    @FXML
    private ComboBox<String> from;
    @FXML
    private ComboBox<String> to;
    @FXML
    private TextArea versionDiff;

    @Inject
    public HistoryView(HistoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.titleProperty());
        events.setItems(viewModel.eventsProperty());
        events.setCellFactory(list -> new EventCell());
        from.setItems(viewModel.versionsProperty());
        to.setItems(viewModel.versionsProperty());
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        versionDiff.textProperty().bind(viewModel.diffProperty());
    }

    /** Headline, then who, when and why. */
    private static final class EventCell extends ListCell<VersionEvent> {
        private final Label headline = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(2, headline, meta);

        EventCell() {
            headline.getStyleClass().add("event-headline");
            meta.getStyleClass().add("event-meta");
        }

        @Override
        protected void updateItem(VersionEvent event, boolean empty) {
            super.updateItem(event, empty);
            if (empty || event == null) {
                setGraphic(null);
                return;
            }
            headline.setText(event.headline());
            meta.setText(dev.diffo.admin.domain.Dates.display(event.at()) + " · " + event.who()
                    + (event.reason() == null ? "" : " · " + event.reason()));
            setGraphic(box);
        }
    }
}
