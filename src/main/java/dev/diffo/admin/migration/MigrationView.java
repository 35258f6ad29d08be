package dev.diffo.admin.migration;

import jakarta.inject.Inject;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** The migration wizard's screen: its three steps are included views; this one only marks the step the operator is on. */
public class MigrationView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final MigrationViewModel viewModel;

    @FXML
    private Label chooseStep;
    @FXML
    private Label remedyStep;
    @FXML
    private Label runStep;

    @Inject
    public MigrationView(MigrationViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        viewModel.stepProperty().subscribe(step -> {
            chooseStep.pseudoClassStateChanged(CURRENT, step == MigrationViewModel.Step.CHOOSE);
            remedyStep.pseudoClassStateChanged(CURRENT, step == MigrationViewModel.Step.REMEDY);
            runStep.pseudoClassStateChanged(CURRENT, step == MigrationViewModel.Step.RUN);
        });
    }
}
