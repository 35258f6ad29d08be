package dev.diffo.admin.catalogue;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.Scenario;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.FakeCatalogueRepository;
import dev.diffo.admin.repository.ScenarioRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue's behaviour without a toolkit or a database: fakes behind the repository interfaces. */
class CatalogueViewModelTest {

    static Specification spec(String uuid, long major, long instances) {
        return new Specification(uuid, "broadband", SpecificationType.SERVICE, major, 0, 0, 4, "d", "Access", null, null, instances,
                List.of("Provider", "Specification"), null);
    }

    final FakeCatalogueRepository repository = new FakeCatalogueRepository();
    final List<Scenario> loaded = new ArrayList<>();
    final ScenarioRepository scenarios = scenario -> {
        loaded.add(scenario);
        repository.specifications.add(spec("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5", 1, 2));
        return new Scenario.LoadResult(2, 0, 3, 0);
    };
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ConnectionState connection = new ConnectionState();
    final CatalogueViewModel viewModel = new CatalogueViewModel(new CatalogueService(repository), new DemoService(scenarios, repository, new CurrentAccess()),
            new ImmediateTaskRunner(), dialogs, connection);

    void connect() {
        connection.connected(new ConnectionInfo(true, "bolt://127.0.0.1:1", "neo4j", "2026.08.1", "community", "neo4j"));
    }

    @Test
    void notConnectedShowsSoAndCannotLoadTheDemo() {
        assertThat(viewModel.viewStateProperty().get()).isEqualTo(CatalogueViewModel.ViewState.NOT_CONNECTED);
        assertThat(viewModel.canLoadDemoProperty().get()).isFalse();
    }

    @Test
    void connectingLoadsTheCatalogueGroupedByName() {
        repository.specifications.addAll(List.of(spec("v2", 2, 1), spec("v1", 1, 2)));

        connect();

        assertThat(viewModel.viewStateProperty().get()).isEqualTo(CatalogueViewModel.ViewState.CATALOGUE);
        assertThat(viewModel.groupsProperty()).hasSize(1);
        assertThat(viewModel.groupsProperty().getFirst().majors()).extracting(Specification::uuid).containsExactly("v2", "v1");
        assertThat(viewModel.groupsProperty().getFirst().instanceCount()).isEqualTo(3);
    }

    @Test
    void anEmptyDatabaseOffersTheDemoAndLoadingItShowsTheCatalogue() {
        connect();
        assertThat(viewModel.viewStateProperty().get()).isEqualTo(CatalogueViewModel.ViewState.EMPTY_DATABASE);
        assertThat(viewModel.canLoadDemoProperty().get()).isTrue();

        viewModel.loadDemo();

        assertThat(loaded).hasSize(1);
        assertThat(loaded.getFirst().specifications()).hasSize(2);
        assertThat(viewModel.viewStateProperty().get()).isEqualTo(CatalogueViewModel.ViewState.CATALOGUE);
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("Demo loaded. 1 specification version under 1 name · 2 instances in the database");
    }

    @Test
    void aForeignDatabaseSaysWhatWasFoundAndRefusesTheDemo() {
        repository.foreignLabels = Map.of("Person", 120L, "Movie", 38L);

        connect();

        assertThat(viewModel.viewStateProperty().get()).isEqualTo(CatalogueViewModel.ViewState.FOREIGN_DATABASE);
        assertThat(viewModel.stateMessageProperty().get()).contains("not a diffo catalogue", "Person (120), Movie (38)");
        assertThat(viewModel.canLoadDemoProperty().get()).isFalse();
    }

    @Test
    void typingASearchReloadsWithTheTextAsTyped() {
        repository.specifications.add(spec("v1", 1, 2));
        connect();

        viewModel.searchProperty().set("broad");
        viewModel.searchProperty().set("zzz");

        assertThat(repository.searches).containsExactly("", "broad", "zzz");
        assertThat(viewModel.viewStateProperty().get()).isEqualTo(CatalogueViewModel.ViewState.NO_MATCHES);
        assertThat(viewModel.stateMessageProperty().get()).contains("\"zzz\"");
    }

    @Test
    void selectingAVersionFillsTheDetailsAndARefreshKeepsIt() {
        repository.specifications.add(spec("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5", 1, 2));
        connect();
        var details = viewModel.detailUuid();

        viewModel.select(new CatalogueEntry.Version(viewModel.groupsProperty().getFirst().majors().getFirst()));
        viewModel.refresh();

        assertThat(details.get()).isEqualTo("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5");
        assertThat(viewModel.detailHref().get()).isEqualTo("serviceCatalogManagement/v4/serviceSpecification/a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5");
        assertThat(viewModel.detailVersion().get()).isEqualTo("v1.0.0");
        assertThat(viewModel.detailCreated().get()).isEqualTo("—");
    }

    @Test
    void aFailedLoadIsReportedThroughTheDialogService() {
        CatalogueRepository broken = new FakeCatalogueRepository() {
            @Override
            public GraphShape inspectShape() {
                throw new dev.diffo.admin.domain.DiffoAdminException("Lost the connection to Neo4j at bolt://x", "reconnect");
            }
        };
        var vm = new CatalogueViewModel(new CatalogueService(broken), new DemoService(scenarios, broken, new CurrentAccess()), new ImmediateTaskRunner(), dialogs, connection);

        connect();

        assertThat(dialogs.errors).containsExactly("Could not load the catalogue: Lost the connection to Neo4j at bolt://x");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Lost the connection to Neo4j at bolt://x");
    }

    @Test
    void theSelectionIsKeptByIdAcrossAReloadEvenIfSomethingElseSelectsWhileTheListIsReplaced() {
        repository.specifications.addAll(List.of(spec("v3", 3, 0), spec("v2", 2, 1), spec("v1", 1, 2)));
        connect();
        viewModel.selectedProperty().set(viewModel.find("v3").orElseThrow());
        repository.specifications.replaceAll(s -> s.uuid().equals("v3") ? spec("v3", 3, 5) : s);
        // as a tree does while it is rebuilt: its own selection moves to another row
        viewModel.groupsProperty().addListener((javafx.collections.ListChangeListener<dev.diffo.admin.domain.SpecificationGroup>) change ->
                viewModel.selectedProperty().set(viewModel.find("v2").orElse(null)));

        viewModel.refresh();

        assertThat(viewModel.selectedProperty().get().uuid()).isEqualTo("v3");
        assertThat(viewModel.selectedProperty().get().instanceCount()).isEqualTo(5);
    }

    @Test
    void aRefreshAfterAnActionSelectsTheVersionItMade() {
        repository.specifications.addAll(List.of(spec("v2", 2, 1), spec("v1", 1, 2)));
        connect();
        viewModel.selectedProperty().set(viewModel.find("v1").orElseThrow());
        repository.specifications.add(spec("v3", 3, 0));

        viewModel.refreshSelecting("v3");

        assertThat(viewModel.selectedProperty().get().uuid()).isEqualTo("v3");
    }
}
