package dev.diffo.admin.app;

import dev.diffo.admin.catalogue.CatalogueViewModel;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.TaskProgressView;
import org.controlsfx.control.action.Action;

/**
 * The main window's status bar and background tasks: where the app is connected and as whom, a busy bar while
 * anything runs, the "n running" button that opens the list of tasks, and a notification when a long task ends
 * (with a link to its result). A thin view helper of {@link MainView}.
 */
final class TaskPanel {

    private final FxTaskRunner tasks;
    private final Navigation navigation;
    private final StatusBar statusBar;
    private final Button tasksButton;
    /** Every background task while it runs (the panel drops each as it ends), opened from the status bar. */
    private final TaskProgressView<Task<?>> panel = new TaskProgressView<>();
    private PopOver popOver;

    TaskPanel(FxTaskRunner tasks, Navigation navigation, StatusBar statusBar, Button tasksButton) {
        this.tasks = tasks;
        this.navigation = navigation;
        this.statusBar = statusBar;
        this.tasksButton = tasksButton;
    }

    /** Binds the status bar to the connection and the tasks, and lists each task as it starts. */
    void install(MainViewModel viewModel, CatalogueViewModel catalogue, MenuItem tasksMenuItem) {
        statusBar.textProperty().bind(viewModel.connectionSummaryProperty());
        statusBar.progressProperty().bind(tasks.runningProperty().greaterThan(0).map(running -> running ? ProgressIndicator.INDETERMINATE_PROGRESS : 0.0));
        Label role = new Label();
        role.setId("roleLabel");
        role.textProperty().bind(catalogue.roleProperty().map(r -> "Role: " + r));
        role.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the role is always read whole; the readiness note gives way
        statusBar.getRightItems().add(role);
        Label readIndexes = new Label(); // the read indexes and kept counts being prepared, or what is missing
        readIndexes.setId("readinessLabel");
        readIndexes.textProperty().bind(viewModel.readinessProperty());
        statusBar.getRightItems().add(0, readIndexes);
        tasksButton.textProperty().bind(tasks.runningProperty().asString("%d running"));
        tasksButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ActionsMenu.tooltip(tasksButton, tasksMenuItem);
        panel.setId("taskPanel");
        panel.setPrefSize(420, 260);
        tasks.activeProperty().addListener((ListChangeListener<Task<?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(task -> {
                    if (!task.isDone()) {
                        panel.getTasks().add(task);
                    }
                });
            }
        });
        tasks.setOnFinished(finished -> TaskNotices.of(finished).ifPresent(this::notify));
    }

    /** Opens the list of background tasks above the status bar's button, or closes it. */
    void toggle() {
        if (popOver == null) {
            popOver = new PopOver(panel);
            popOver.setTitle("Background tasks");
            popOver.setHeaderAlwaysVisible(true);
            popOver.setDetachable(false);
            popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        }
        if (popOver.isShowing()) {
            popOver.hide();
        } else if (tasksButton.getScene() != null && tasksButton.getScene().getWindow() != null && tasksButton.getScene().getWindow().isShowing()) {
            popOver.show(tasksButton);
        }
    }

    /** A toast at the window's corner, with a link to the result; nothing without a window to own it (a test's view alone). */
    private void notify(TaskNotices.Notice notice) {
        Window owner = statusBar.getScene() == null ? null : statusBar.getScene().getWindow();
        if (owner == null || !owner.isShowing()) {
            return;
        }
        Notifications toast = Notifications.create().owner(owner).title(notice.title()).text(notice.text()).hideAfter(Duration.seconds(20));
        if (notice.screen() != null) {
            toast.action(new Action("Show", e -> navigation.show(notice.screen())));
        }
        if (notice.failed()) {
            toast.showError();
        } else {
            toast.showInformation();
        }
    }
}
