package dev.diffo.admin.app;

import com.google.inject.AbstractModule;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.GraphRepository;
import dev.diffo.admin.repository.InstanceRepository;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.OverviewRepository;
import dev.diffo.admin.repository.Neo4jCatalogueRepository;
import dev.diffo.admin.repository.Neo4jGraphRepository;
import dev.diffo.admin.repository.Neo4jInstanceRepository;
import dev.diffo.admin.repository.Neo4jReadSchemaRepository;
import dev.diffo.admin.repository.ReadSchemaRepository;
import dev.diffo.admin.repository.Neo4jMigrationRepository;
import dev.diffo.admin.repository.Neo4jOverviewRepository;
import dev.diffo.admin.repository.Neo4jReadinessRepository;
import dev.diffo.admin.repository.Neo4jScenarioRepository;
import dev.diffo.admin.repository.ReadinessRepository;
import dev.diffo.admin.repository.Neo4jVersioningRepository;
import dev.diffo.admin.repository.ScenarioRepository;
import dev.diffo.admin.repository.VersioningRepository;

/** The repository interfaces the features depend on, bound to their Neo4j implementations (S17). */
public class RepositoryModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CatalogueRepository.class).to(Neo4jCatalogueRepository.class);
        bind(ScenarioRepository.class).to(Neo4jScenarioRepository.class);
        bind(VersioningRepository.class).to(Neo4jVersioningRepository.class);
        bind(MigrationRepository.class).to(Neo4jMigrationRepository.class);
        bind(InstanceRepository.class).to(Neo4jInstanceRepository.class);
        bind(GraphRepository.class).to(Neo4jGraphRepository.class);
        bind(OverviewRepository.class).to(Neo4jOverviewRepository.class);
        bind(ReadinessRepository.class).to(Neo4jReadinessRepository.class);
        bind(ReadSchemaRepository.class).to(Neo4jReadSchemaRepository.class);
        bind(dev.diffo.admin.common.RspKeys.class).to(dev.diffo.admin.repository.Neo4jRspKeys.class);
    }
}
