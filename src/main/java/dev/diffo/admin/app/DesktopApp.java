package dev.diffo.admin.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.diffo.admin.domain.ConnectionSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop application. It is started with the settings the launcher resolved (so a prompted password
 * is asked once), and on exit it closes the driver and stops the embedded store before the JVM ends.
 */
public class DesktopApp extends Application {

    private static final Logger LOG = Logger.getLogger(DesktopApp.class.getName());

    private final ConnectionSettings settings;
    private final String rspRole;
    private final Runnable onClosed;
    private final Path logFile;
    private Injector injector;
    private boolean showingFault;

    public DesktopApp(ConnectionSettings settings, Runnable onClosed) {
        this(settings, null, onClosed);
    }

    /** {@code rspRole}: the role given on the command line, a profile or the environment; null for the user's preference. */
    public DesktopApp(ConnectionSettings settings, String rspRole, Runnable onClosed) {
        this(settings, rspRole, onClosed, null);
    }

    /** {@code logFile}: where the launcher sends the log (shown when something fails unexpectedly); null for none. */
    DesktopApp(ConnectionSettings settings, String rspRole, Runnable onClosed, Path logFile) {
        this(settings, rspRole, onClosed, logFile, null);
    }

    /** {@code injector}: the services already built (the store's start begun); null to build them in {@link #start}. */
    private DesktopApp(ConnectionSettings settings, String rspRole, Runnable onClosed, Path logFile, Injector injector) {
        this.injector = injector;
        this.settings = settings;
        this.rspRole = rspRole;
        this.onClosed = onClosed;
        this.logFile = logFile;
    }

    static void run(ConnectionSettings settings, String rspRole, Path logFile) {
        CountDownLatch closed = new CountDownLatch(1);
        DesktopApp[] app = new DesktopApp[1];
        Platform.setImplicitExit(false);
        // the services first (the RSP role set before anything reads), and, on more than two cores, the embedded store's
        // start begun at once: it runs while JavaFX starts and the window is built (a store another process holds is
        // attached to over Bolt, as the window's connect would; a server is connected to by the window, as before)
        Injector injector = createInjector(settings, EmbeddedNeo4j.Options.defaults());
        Preferences.rspRole(injector.getInstance(dev.diffo.admin.common.CatalogueSettings.class), rspRole);
        if (startStoreEarly()) {
            injector.getInstance(Store.class).connectEarly();
        }
        Platform.startup(() -> {
            app[0] = new DesktopApp(settings, rspRole, closed::countDown, logFile, injector);
            app[0].start(new Stage());
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long closing = System.nanoTime();
        app[0].stop();
        Platform.exit();
        LOG.info(String.format("shutdown: driver closed and store stopped %.2f s after the window closed", (System.nanoTime() - closing) / 1e9));
    }

    /** Seconds since this JVM started (the launch, as the user saw it). */
    private static double sinceLaunch() {
        return (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    }

    /** The injector for the desktop: the shared services plus FX task runner and dialogs. */
    public static Injector createInjector(ConnectionSettings settings, EmbeddedNeo4j.Options options) {
        return Guice.createInjector(new AppModule(settings, options), new FxModule());
    }

    /**
     * Whether the embedded store starts beside the window's build: on more than two cores. Measured on two (quiet, the
     * demo store, three runs each): the window showed 2 s later (6.9–7.0 s against 4.7–5.6 s) and was connected no
     * sooner (14.1–15.3 s against 14.6–16.8 s), the two starts sharing the cores; {@code -Ddiffo.startStoreEarly=true|false}
     * decides it either way.
     */
    static boolean startStoreEarly() {
        String asked = System.getProperty("diffo.startStoreEarly");
        return asked != null ? Boolean.parseBoolean(asked) : Runtime.getRuntime().availableProcessors() > 2;
    }

    @Override
    public void start(Stage stage) {
        if (injector == null) {
            injector = createInjector(settings, EmbeddedNeo4j.Options.defaults());
            Preferences.rspRole(injector.getInstance(dev.diffo.admin.common.CatalogueSettings.class), rspRole);
        }
        // a terminated process (Ctrl-C, SIGTERM) still closes the driver and stops the embedded store cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "diffo-admin-shutdown"));
        // an error nobody handled: logged with its stack trace, and told in a dialog that names the log
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.SEVERE, "Unexpected error on " + thread.getName(), error);
            Platform.runLater(() -> showFault(stage, error));
        });
        long building = System.nanoTime();
        MainView.applyRememberedTheme();
        ViewLoader.Loaded<MainView> main = injector.getInstance(ViewLoader.class).load(MainView.class);
        LOG.info(String.format("startup: the window's views loaded in %.2f s (%.2f s after launch)", (System.nanoTime() - building) / 1e9, sinceLaunch()));
        Scene scene = new Scene(main.root(), 1280, 800);
        stage.setScene(scene);
        stage.setTitle("diffo-admin");
        Navigation navigation = injector.getInstance(Navigation.class);
        Optional<Preferences.WindowState> was = Preferences.window();
        was.filter(w -> !Screen.getScreensForRectangle(w.x(), w.y(), w.width(), w.height()).isEmpty()).ifPresent(w -> {
            stage.setX(w.x());
            stage.setY(w.y());
            stage.setWidth(w.width());
            stage.setHeight(w.height());
            stage.setMaximized(w.maximized());
        });
        // the tab it last showed; the overview the first time
        was.flatMap(w -> Arrays.stream(Navigation.Screen.values()).filter(screen -> screen.name().equals(w.screen())).findFirst())
                .ifPresentOrElse(navigation::show, () -> navigation.show(Navigation.Screen.OVERVIEW));
        stage.setOnHidden(e -> {
            Preferences.rememberWindow(new Preferences.WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                    navigation.screenProperty().get().name()));
            onClosed.run();
        });
        stage.setOnShown(e -> LOG.info(String.format("startup: window shown %.2f s after launch", sinceLaunch())));
        stage.show();
        main.controller().start();
    }

    /** One dialog at a time: what failed, and where its details are. */
    private void showFault(Stage owner, Throwable error) {
        if (showingFault) {
            return;
        }
        showingFault = true;
        Alert fault = new Alert(Alert.AlertType.ERROR, (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()) + "\n\n"
                + (logFile == null ? "This is a fault in diffo-admin; please report it with what you were doing."
                        : "This is a fault in diffo-admin. The details are in\n" + logFile + "\nPlease report it with that file."));
        fault.setHeaderText("Something went wrong");
        fault.getDialogPane().getStylesheets().add(MainView.THEME);
        if (owner.isShowing()) {
            fault.initOwner(owner);
        }
        fault.setOnHidden(e -> showingFault = false);
        fault.show();
    }

    @Override
    public void stop() {
        if (injector != null) {
            injector.getInstance(FxTaskRunner.class).close();
            injector.getInstance(WorkerPool.class).close();
            injector.getInstance(Store.class).close();
        }
    }
}
