package dev.diffo.admin.support;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.diffo.admin.app.AppModule;
import dev.diffo.admin.app.EmbeddedNeo4j;
import dev.diffo.admin.app.FxModule;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Scenario;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.FakeCatalogueRepository;
import dev.diffo.admin.repository.FakeGraphRepository;
import dev.diffo.admin.repository.FakeInstanceRepository;
import dev.diffo.admin.repository.FakeMigrationRepository;
import dev.diffo.admin.repository.FakeVersioningRepository;
import dev.diffo.admin.repository.GraphRepository;
import dev.diffo.admin.repository.InstanceRepository;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.OverviewRepository;
import dev.diffo.admin.repository.ScenarioRepository;
import dev.diffo.admin.repository.VersioningRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;

/**
 * The app's own wiring (AppModule + FxModule, as {@code DesktopApp} builds it: real Views, ViewModels, services, FX
 * task runner and dialogs) with every repository replaced by its in-memory fake and a connector that reaches no
 * database: for View tests that need no Neo4j. The catalogue fake lists what the versioning fake holds, as one
 * database would. {@link #connected} tells the app it is connected, as a successful connect does.
 */
public final class FakeBackend {
    public static final ConnectionSettings SERVER = new ConnectionSettings("bolt://127.0.0.1:1", "neo4j", null, null, Path.of("never-started"));
    public static final ConnectionInfo INFO = new ConnectionInfo(false, "bolt://127.0.0.1:1", "neo4j", "2026.08.1", "community", "neo4j");

    public final FakeVersioningRepository versioning = new FakeVersioningRepository();
    public final FakeCatalogueRepository catalogue = new FakeCatalogueRepository(versioning);
    public final FakeInstanceRepository instances = new FakeInstanceRepository();
    public final FakeMigrationRepository migration = new FakeMigrationRepository(catalogue);
    public final FakeGraphRepository graph = new FakeGraphRepository(catalogue);
    public final List<Scenario> loaded = new CopyOnWriteArrayList<>();
    /** The settings each connect was asked for. */
    public final List<ConnectionSettings> connects = new CopyOnWriteArrayList<>();
    public final Injector injector;

    /** A connector that refuses every connection the way an unreachable server is refused, writing nothing anywhere. */
    final class UnreachableConnector implements Connector {
        @Override
        public ConnectionInfo connect(ConnectionSettings settings) {
            connects.add(settings);
            throw new DiffoAdminException("Cannot reach Neo4j at " + settings.uri(), "Check that the server is running and the address is right.");
        }

        @Override
        public Optional<ConnectionInfo> current() {
            return Optional.empty();
        }

        @Override
        public dev.diffo.admin.domain.ConnectionReport test(ConnectionSettings settings) {
            connects.add(settings);
            throw new DiffoAdminException("Cannot reach Neo4j at " + settings.uri(), "Check that the server is running and the address is right.");
        }

        @Override
        public ConnectionSettings startupSettings() {
            return SERVER;
        }
    }

    public final dev.diffo.admin.common.MemoryVault vault = new dev.diffo.admin.common.MemoryVault();

    private static java.nio.file.Path profileDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("diffo-admin-profiles").resolve("config");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public FakeBackend() {
        injector = Guice.createInjector(Modules.override(new AppModule(SERVER, EmbeddedNeo4j.Options.defaults()), new FxModule()).with(binder -> {
            binder.bind(CatalogueRepository.class).toInstance(catalogue);
            binder.bind(VersioningRepository.class).toInstance(versioning);
            binder.bind(InstanceRepository.class).toInstance(instances);
            binder.bind(MigrationRepository.class).toInstance(migration);
            binder.bind(GraphRepository.class).toInstance(graph);
            binder.bind(OverviewRepository.class).toInstance(this::overview);
            binder.bind(ScenarioRepository.class).toInstance(scenario -> {
                loaded.add(scenario);
                return new Scenario.LoadResult(0, 0, 0, 0);
            });
            binder.bind(Connector.class).toInstance(new UnreachableConnector());
            binder.bind(dev.diffo.admin.common.RspKeys.class).toInstance(dev.diffo.admin.common.RspKeys.AS_GIVEN);
            // profiles of their own in a fresh directory, and a keyring that is a map: nothing of the user's is read
            binder.bind(dev.diffo.admin.common.Profiles.class).toInstance(new dev.diffo.admin.app.ProfileFile(profileDirectory()));
            binder.bind(dev.diffo.admin.common.PasswordVault.class).toInstance(vault);
        }));
    }

    /**
     * The overview's counts over what the catalogue and migration fakes hold, as the one aggregate read counts them in
     * Neo4j; for an RSP ({@code rsp}) its share from the fake catalogue's RSP shares and its own runs.
     */
    public dev.diffo.admin.domain.CatalogueOverview overview(String rsp) {
        List<dev.diffo.admin.domain.Specification> all = catalogue.findSpecifications("");
        long frozen = all.stream().filter(s -> s.status() == dev.diffo.admin.domain.SpecificationStatus.FROZEN).count();
        long withdrawn = all.stream().filter(s -> s.status() == dev.diffo.admin.domain.SpecificationStatus.WITHDRAWN).count();
        long names = all.stream().map(dev.diffo.admin.domain.Specification::name).distinct().count();
        if (rsp != null) {
            var own = catalogue.instancesOf(rsp).values();
            return dev.diffo.admin.domain.CatalogueOverview.ofRsp(rsp, names, all.size(), own.contains(null) ? -1 : own.stream().mapToLong(Long::longValue).sum(),
                    frozen, withdrawn, migration.allRuns().stream().filter(r -> r.status().resumable() && rsp.equalsIgnoreCase(r.rsp())).count());
        }
        return new dev.diffo.admin.domain.CatalogueOverview(names, all.size(), all.stream().mapToLong(dev.diffo.admin.domain.Specification::instanceCount).sum(),
                frozen, withdrawn, migration.allRuns().stream().filter(r -> r.status().resumable()).count());
    }

    /** Tells the app it is connected (the catalogue then reads the fakes). */
    public void connected() {
        injector.getInstance(ConnectionState.class).connected(INFO);
    }

    /** The View {@code viewClass} loaded from its FXML by the app's own loader, with controllers built by the injector. */
    public Parent load(Class<?> viewClass) {
        return injector.getInstance(ViewLoader.class).load(viewClass).root();
    }
}
