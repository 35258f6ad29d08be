package dev.diffo.admin.app;

import com.google.inject.AbstractModule;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.PasswordVault;
import dev.diffo.admin.common.Profiles;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.catalogue.CatalogueModule;
import dev.diffo.admin.exchange.ExchangeModule;
import dev.diffo.admin.exchange.SpecificationWrites;
import dev.diffo.admin.graph.GraphModule;
import dev.diffo.admin.migration.MigrationModule;
import dev.diffo.admin.readiness.ReadinessModule;
import dev.diffo.admin.versioning.VersioningModule;
import dev.diffo.admin.domain.Operator;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;

/**
 * The application's services and repositories, shared by the GUI and the command line: the store, the repositories,
 * and one module per feature (S10).
 */
public class AppModule extends AbstractModule {

    private final Provider<ConnectionSettings> startup;
    private final EmbeddedNeo4j.Options embeddedOptions;

    public AppModule(ConnectionSettings startup, EmbeddedNeo4j.Options embeddedOptions) {
        this(() -> startup, embeddedOptions);
    }

    /**
     * Settings known only later: the command line's, read from its parsed options when the store is first made
     * (the launcher builds the injector, and the commands through it, before it parses).
     */
    public AppModule(Provider<ConnectionSettings> startup, EmbeddedNeo4j.Options embeddedOptions) {
        this.startup = startup;
        this.embeddedOptions = embeddedOptions;
    }

    @Override
    protected void configure() {
        bind(ConnectionSettings.class).toProvider(startup);
        bind(EmbeddedNeo4j.Options.class).toInstance(embeddedOptions);
        // the one executor the services fan work out to, shut down with the app or the command line
        bind(ExecutorService.class).toProvider(WorkerPool.class).in(Singleton.class);
        install(new Neo4jModule());
        install(new RepositoryModule());
        // one module per feature (S10)
        install(new CatalogueModule());
        install(new VersioningModule());
        install(new MigrationModule());
        install(new GraphModule());
        install(new ExchangeModule());
        install(new ReadinessModule());
        // the exchange feature writes through the versioning feature's service; the two meet here
        bind(SpecificationWrites.class).to(VersioningWrites.class);
        // the user's connection profiles (no passwords) and the OS keyring that may keep their passwords
        bind(Profiles.class).toInstance(new ProfileFile(DataDirectories.configFor(System.getenv())));
        bind(PasswordVault.class).to(KeyringVault.class).in(Singleton.class);
        String operator = System.getenv("DIFFO_ADMIN_OPERATOR");
        bind(Operator.class).toInstance(new Operator(operator != null && !operator.isBlank() ? operator : System.getProperty("user.name")));
    }

    /** The store: one {@code Database} (driver holder) and the {@code Store} that opens it. */
    static final class Neo4jModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(Connector.class).to(Store.class);
        }
    }
}
