package dev.diffo.admin.catalogue;

import dev.diffo.admin.catalogue.OverviewViewModel.Link;
import jakarta.inject.Inject;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;

/** The overview tab: the catalogue's counts, each a link into its screen. */
public class OverviewView {

    private final OverviewViewModel viewModel;

    @FXML
    private Hyperlink namesLink;
    @FXML
    private Hyperlink majorsLink;
    @FXML
    private Hyperlink instancesLink;
    @FXML
    private Hyperlink frozenLink;
    @FXML
    private Hyperlink withdrawnLink;
    @FXML
    private Hyperlink runsLink;
    @FXML
    private Label overviewMessage;

    @Inject
    public OverviewView(OverviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Map.of(Link.NAMES, namesLink, Link.MAJORS, majorsLink, Link.INSTANCES, instancesLink, Link.FROZEN, frozenLink, Link.WITHDRAWN, withdrawnLink,
                Link.RUNS, runsLink).forEach((link, hyperlink) -> {
                    hyperlink.textProperty().bind(viewModel.text(link));
                    hyperlink.disableProperty().bind(viewModel.loadedProperty().not());
                    hyperlink.setOnAction(e -> {
                        hyperlink.setVisited(false);
                        viewModel.open(link);
                    });
                });
        overviewMessage.textProperty().bind(viewModel.messageProperty());
        overviewMessage.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        overviewMessage.managedProperty().bind(overviewMessage.visibleProperty());
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }
}
