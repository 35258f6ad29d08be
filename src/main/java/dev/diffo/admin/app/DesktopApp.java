package dev.diffo.admin.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.diffo.admin.domain.ConnectionSettings;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application. It is started with the settings the launcher resolved (so a prompted password
 * is asked once), and on exit it closes the driver and stops the embedded store before the JVM ends.
 */
public class DesktopApp extends Application {

    private final ConnectionSettings settings;
    private final String rspRole;
    private final Runnable onClosed;
    private Injector injector;

    public DesktopApp(ConnectionSettings settings, Runnable onClosed) {
        this(settings, null, onClosed);
    }

    /** {@code rspRole}: the role given on the command line, a profile or the environment; null for the user's preference. */
    public DesktopApp(ConnectionSettings settings, String rspRole, Runnable onClosed) {
        this.settings = settings;
        this.rspRole = rspRole;
        this.onClosed = onClosed;
    }

    static void run(ConnectionSettings settings, String rspRole) {
        CountDownLatch closed = new CountDownLatch(1);
        DesktopApp[] app = new DesktopApp[1];
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            app[0] = new DesktopApp(settings, rspRole, closed::countDown);
            app[0].start(new Stage());
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app[0].stop();
        Platform.exit();
    }

    /** The injector for the desktop: the shared services plus FX task runner and dialogs. */
    public static Injector createInjector(ConnectionSettings settings, EmbeddedNeo4j.Options options) {
        return Guice.createInjector(new AppModule(settings, options), new FxModule());
    }

    @Override
    public void start(Stage stage) {
        injector = createInjector(settings, EmbeddedNeo4j.Options.defaults());
        Preferences.rspRole(injector.getInstance(dev.diffo.admin.common.CatalogueSettings.class), rspRole);
        // a terminated process (Ctrl-C, SIGTERM) still closes the driver and stops the embedded store cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "diffo-admin-shutdown"));
        ViewLoader.Loaded<MainView> main = injector.getInstance(ViewLoader.class).load(MainView.class);
        Scene scene = new Scene(main.root(), 1280, 800);
        stage.setScene(scene);
        stage.setTitle("diffo-admin");
        stage.setOnHidden(e -> onClosed.run());
        stage.show();
        main.controller().start();
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
