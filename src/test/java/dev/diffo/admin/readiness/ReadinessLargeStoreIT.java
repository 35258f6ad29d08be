package dev.diffo.admin.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.diffo.admin.app.AppModule;
import dev.diffo.admin.app.EmbeddedNeo4j;
import dev.diffo.admin.app.FxModule;
import dev.diffo.admin.app.MainView;
import dev.diffo.admin.app.Store;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.repository.Database;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Snapshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The readiness screen on a store a {@code readiness-benchmark} left behind (a million instances, three resellers, one
 * of them migrated): run only when asked, {@code -Dit.test=ReadinessLargeStoreIT -Dreadiness.dataDir=DIR}; it reads the
 * store and saves what the screen shows (readiness-1m.png, and readiness-1m-dark.png), writing nothing.
 */
@ExtendWith(FxScreenExtension.class)
@EnabledIfSystemProperty(named = "readiness.dataDir", matches = ".+")
class ReadinessLargeStoreIT {

    @Test
    void theReadinessOfAMillionInstancesWithThreeResellers() throws Exception {
        ConnectionSettings settings = ConnectionSettings.embedded(Path.of(System.getProperty("readiness.dataDir")));
        Database database = new Database();
        try (Store store = new Store(database, settings, new EmbeddedNeo4j.Options(512L * 1024 * 1024))) {
            ConnectionInfo info = store.connect(settings);
            Injector injector = Guice.createInjector(Modules.override(new AppModule(settings, new EmbeddedNeo4j.Options(0)), new FxModule())
                    .with(binder -> {
                        binder.bind(Database.class).toInstance(database);
                        binder.bind(Store.class).toInstance(store);
                    }));
            injector.getInstance(ConnectionState.class).connected(info);
            ReadinessViewModel readiness = injector.getInstance(ReadinessViewModel.class);
            FxRobot robot = new FxRobot();
            FxScreenExtension.show(() -> {
                Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
                root.setPrefSize(1280, 800);
                return root;
            });
            FxScreenExtension.selectTab(robot, "readinessTab");
            WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> readiness.readinessProperty().get() != null && !readiness.busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(readiness.rows()).isNotEmpty();
            Snapshots.save(robot.lookup("#tabs").query(), "readiness-1m");
            // and in dark: View → Theme → Dark restyles the open window (the readiness view draws fresh in it)
            FxScreenExtension.chooseMenuItem(robot, "darkThemeItem");
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.save(robot.lookup("#tabs").query(), "readiness-1m-dark");
            FxScreenExtension.chooseMenuItem(robot, "lightThemeItem");
        }
    }
}
