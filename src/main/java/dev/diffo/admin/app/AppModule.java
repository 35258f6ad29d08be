package dev.diffo.admin.app;

import com.google.inject.AbstractModule;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.GraphRepository;
import dev.diffo.admin.repository.InstanceRepository;
import dev.diffo.admin.repository.Neo4jGraphRepository;
import dev.diffo.admin.repository.Neo4jInstanceRepository;
import dev.diffo.admin.repository.Neo4jCatalogueRepository;
import dev.diffo.admin.repository.Neo4jScenarioRepository;
import dev.diffo.admin.repository.ScenarioRepository;
import dev.diffo.admin.repository.Neo4jVersioningRepository;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.Neo4jMigrationRepository;
import dev.diffo.admin.repository.VersioningRepository;
import dev.diffo.admin.domain.Operator;

/** The application's services and repositories; shared by the GUI and the command line. */
public class AppModule extends AbstractModule {

    private final ConnectionSettings startup;
    private final EmbeddedNeo4j.Options embeddedOptions;

    public AppModule(ConnectionSettings startup, EmbeddedNeo4j.Options embeddedOptions) {
        this.startup = startup;
        this.embeddedOptions = embeddedOptions;
    }

    @Override
    protected void configure() {
        bind(ConnectionSettings.class).toInstance(startup);
        bind(EmbeddedNeo4j.Options.class).toInstance(embeddedOptions);
        install(new Neo4jModule());
        bind(CatalogueRepository.class).to(Neo4jCatalogueRepository.class);
        bind(ScenarioRepository.class).to(Neo4jScenarioRepository.class);
        bind(VersioningRepository.class).to(Neo4jVersioningRepository.class);
        bind(MigrationRepository.class).to(Neo4jMigrationRepository.class);
        bind(InstanceRepository.class).to(Neo4jInstanceRepository.class);
        bind(GraphRepository.class).to(Neo4jGraphRepository.class);
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
