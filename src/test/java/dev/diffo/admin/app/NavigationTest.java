package dev.diffo.admin.app;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.app.Navigation.Screen;
import dev.diffo.admin.catalogue.CatalogueEntry;
import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.catalogue.CatalogueViewModel;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.catalogue.InstanceService;
import dev.diffo.admin.catalogue.InstancesViewModel;
import dev.diffo.admin.catalogue.OverviewViewModel;
import dev.diffo.admin.domain.CatalogueOverview;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.exchange.ExchangeService;
import dev.diffo.admin.exchange.ExchangeViewModel;
import dev.diffo.admin.graph.GraphService;
import dev.diffo.admin.graph.GraphViewModel;
import dev.diffo.admin.migration.MigrationService;
import dev.diffo.admin.migration.MigrationViewModel;
import dev.diffo.admin.repository.FakeCatalogueRepository;
import dev.diffo.admin.repository.FakeMigrationRepository;
import dev.diffo.admin.repository.FakeVersioningRepository;
import dev.diffo.admin.repository.GraphRepository;
import dev.diffo.admin.repository.InstanceRepository;
import dev.diffo.admin.versioning.HistoryViewModel;
import dev.diffo.admin.versioning.VersioningService;
import dev.diffo.admin.versioning.VersioningViewModel;
import dev.diffo.admin.readiness.ReadinessService;
import dev.diffo.admin.readiness.ReadinessViewModel;
import dev.diffo.admin.repository.ReadinessRepository;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the screens meet, without a toolkit or a database: the real ViewModels over in-memory repositories, each
 * task run at once. Broadband v1 and v2 and router v1 are in the catalogue; Acme's broadband instances stand on v1.
 */
class NavigationTest {

    static final String V1 = "47c890ba-0bdd-44ac-93f6-d8fa3645dcd8";
    static final String V2 = "7ae0e213-52e9-4298-8cd8-ada08104839e";
    static final String ROUTER = "c3a1f5de-7b2e-4d8a-9f61-0e5b7c2d4a18";
    static final String INSTANCE = "0b7c1e52-3f4d-4a8e-9c2b-6d1e8f0a2b34";

    static Specification spec(String uuid, String name, long major) {
        return new Specification(uuid, name, SpecificationType.SERVICE, major, 0, 0, 4, "d", "Access", null, null, 0, List.of(), SpecificationStatus.CURRENT);
    }

    static String broadband(String technology) {
        return "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"" + technology + "\"}}}";
    }

    /** A repository that answers every read with nothing and records what it was asked ("method firstArgument"). */
    static <T> T recording(Class<T> type, List<String> calls) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            calls.add(method.getName() + (args == null || args.length == 0 ? "" : " " + args[0]));
            Class<?> returns = method.getReturnType();
            if (returns == GraphSlice.class) {
                return GraphSlice.empty();
            } else if (returns == InstanceQuery.Page.class) {
                return new InstanceQuery.Page(List.of(), false);
            } else if (returns == long.class) {
                return 0L;
            } else if (returns == dev.diffo.admin.domain.InstanceTotal.class) {
                return dev.diffo.admin.domain.InstanceTotal.exact(0);
            } else if (returns == List.class) {
                return List.of();
            } else if (returns == Optional.class) {
                return Optional.empty();
            }
            return null;
        }));
    }

    final FakeCatalogueRepository catalogueRepository = new FakeCatalogueRepository();
    final FakeVersioningRepository versioningRepository = new FakeVersioningRepository();
    final FakeMigrationRepository migrationRepository = new FakeMigrationRepository(catalogueRepository);
    final List<String> graphCalls = new ArrayList<>();
    final List<String> instanceCalls = new ArrayList<>();
    final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ConnectionState connection = new ConnectionState();
    final Operator operator = new Operator("ops");
    final CurrentAccess access = new CurrentAccess();
    final VersioningService versioningService = new VersioningService(versioningRepository, operator, access);

    final CatalogueViewModel catalogue = new CatalogueViewModel(new CatalogueService(catalogueRepository),
            new DemoService(scenario -> null, catalogueRepository, access), tasks, dialogs, connection);
    final VersioningViewModel versioning = new VersioningViewModel(versioningService, tasks, dialogs);
    final HistoryViewModel history = new HistoryViewModel(versioningService, tasks);
    final MigrationViewModel migration = new MigrationViewModel(
            new MigrationService(migrationRepository, catalogueRepository, versioningRepository, operator, access), catalogueRepository, tasks, dialogs);
    final InstancesViewModel instances = new InstancesViewModel(
            new InstanceService(recording(InstanceRepository.class, instanceCalls), catalogueRepository, versioningRepository, access), catalogueRepository, tasks, dialogs);
    final GraphViewModel graph = new GraphViewModel(new GraphService(recording(GraphRepository.class, graphCalls), access), tasks, dialogs);

    final ExchangeViewModel exchange = new ExchangeViewModel(new ExchangeService(catalogueRepository, versioningRepository,
            new VersioningWrites(versioningService), access), tasks, dialogs);

    final List<String> overviewReads = new ArrayList<>();
    final OverviewViewModel overview = new OverviewViewModel(rsp -> {
        overviewReads.add("overview");
        return new CatalogueOverview(2, catalogueRepository.specifications.size(), 3, 0, 0, 0);
    }, tasks, connection);

    final List<String> readinessCalls = new ArrayList<>();
    final ReadinessViewModel readiness = new ReadinessViewModel(new ReadinessService(recording(ReadinessRepository.class, readinessCalls)), tasks);

    final Navigation navigation = new Navigation(catalogue, versioning, history, migration, instances, graph, exchange, overview, readiness);

    @BeforeEach
    void connected() {
        catalogueRepository.specifications.addAll(List.of(spec(V2, "broadband", 2), spec(V1, "broadband", 1), spec(ROUTER, "router", 1)));
        versioningRepository.rules.put(V1, List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttb", "fttn", "fttp"), false)));
        versioningRepository.rules.put(V2, List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttn", "fttp"), false)));
        migrationRepository.add(V1, "acme-1", Map.of("broadband", broadband("fttp")), "Broadband", "Instance", "Provider");
        migrationRepository.add(V1, "acme-2", Map.of("broadband", broadband("fttn")), "Broadband", "Instance", "Provider");
        connection.connected(new ConnectionInfo(true, "bolt://127.0.0.1:1", "neo4j", "2026.08.1", "community", "neo4j"));
    }

    Specification listed(String uuid) {
        return catalogue.groupsProperty().stream().flatMap(g -> g.majors().stream()).filter(s -> s.uuid().equals(uuid)).findFirst().orElseThrow();
    }

    List<String> catalogued() {
        return catalogue.groupsProperty().stream().flatMap(g -> g.majors().stream()).map(Specification::uuid).toList();
    }

    @Test
    void withdrawalReadinessFromTheCatalogueOpensTheReadinessScreenForThatName() {
        catalogue.refresh();

        catalogue.showReadiness(new dev.diffo.admin.catalogue.CatalogueEntry.Version(listed(V1)));

        assertThat(navigation.screenProperty().get()).isEqualTo(Screen.READINESS);
        assertThat(readiness.nameProperty().get()).isEqualTo("broadband");
        assertThat(readinessCalls).contains("shares broadband", "majors broadband");
    }

    @Test
    void theCatalogueIsTheFirstScreen() {
        assertThat(navigation.screenProperty().get()).isEqualTo(Screen.CATALOGUE);
    }

    @Test
    void theOverviewsLinksLeadToTheScreensThatShowWhatWasCounted() {
        overview.open(OverviewViewModel.Link.INSTANCES);
        assertThat(navigation.screenProperty().get()).isEqualTo(Screen.INSTANCES);
        overview.open(OverviewViewModel.Link.RUNS);
        assertThat(navigation.screenProperty().get()).isEqualTo(Screen.MIGRATION);
        overview.open(OverviewViewModel.Link.WITHDRAWN);
        assertThat(navigation.screenProperty().get()).isEqualTo(Screen.CATALOGUE);
    }

    @Test
    void theOverviewIsCountedAgainEachTimeItIsShown() {
        int before = overviewReads.size();
        navigation.show(Screen.OVERVIEW);
        assertThat(overviewReads).hasSize(before + 1);
        assertThat(overview.text(OverviewViewModel.Link.MAJORS).get()).isEqualTo("3 majors");
        assertThat(overview.text(OverviewViewModel.Link.NAMES).get()).isEqualTo("2 specification names");
    }

    @Test
    void versioningAndTheHistoryFollowTheCatalogueSelection() {
        catalogue.selectedProperty().set(listed(V2));

        assertThat(versioning.specificationProperty().get().uuid()).isEqualTo(V2);
        assertThat(history.nameProperty().get()).isEqualTo("broadband");
    }

    @Test
    void showInGraphFromTheCatalogueOpensTheGraphScreenOnTheNamesLineage() {
        assertThat(catalogue.canShowInGraphProperty().get()).isTrue();

        catalogue.showInGraph(new CatalogueEntry.Version(listed(ROUTER)));

        assertThat(navigation.screenProperty().get()).isEqualTo(Screen.GRAPH);
        assertThat(graph.startProperty().get()).isEqualTo(GraphService.Start.SPECIFICATION_NAME);
        assertThat(graph.startTextProperty().get()).isEqualTo("router");
        assertThat(graphCalls).contains("lineage router");
    }

    @Test
    void showInGraphFromTheInstancesTableOpensTheGraphScreenAtTheInstance() {
        instances.selectedProperty().set(new InstanceRow(INSTANCE, "acme-1", new Rsp("acme", "acme", Rsp.FoundBy.values()[0]), "active", "", null,
                List.of(), Map.of()));

        instances.showSelectedInGraph();

        assertThat(navigation.screenProperty().get()).isEqualTo(Screen.GRAPH);
        assertThat(graph.startProperty().get()).isEqualTo(GraphService.Start.INSTANCE);
        assertThat(graphCalls).contains("instance " + INSTANCE);
    }

    @Test
    void theInstancesScreenOpensOnTheCatalogueSelection() {
        catalogue.selectedProperty().set(listed(V1));
        assertThat(instances.specificationProperty().get()).isNull();

        navigation.show(Screen.INSTANCES);

        assertThat(instances.specificationProperty().get().uuid()).isEqualTo(V1);
        assertThat(instances.specificationsProperty()).extracting(Specification::uuid).contains(V1, V2, ROUTER);
    }

    @Test
    void theMigrationScreenReadsTheCatalogueWhenItOpens() {
        assertThat(migration.selection().sourcesProperty()).isEmpty();

        navigation.show(Screen.MIGRATION);

        assertThat(migration.selection().sourcesProperty()).extracting(Specification::uuid).contains(V1, V2);
    }

    @Test
    void aSavedVersionIsSelectedInTheCatalogueAndReadAgainElsewhere() {
        navigation.show(Screen.INSTANCES);
        Specification v3 = spec("40d9f61a-ab4a-41a5-bc94-db52d23f4078", "broadband", 3);
        catalogueRepository.specifications.add(v3);

        versioning.saved(v3);

        assertThat(catalogue.selectedProperty().get().uuid()).isEqualTo(v3.uuid());
        assertThat(instances.specificationsProperty()).extracting(Specification::uuid).contains(v3.uuid());
    }

    @Test
    void aFinishedRunReloadsTheCatalogueAndTheInstances() {
        navigation.show(Screen.MIGRATION);
        migration.selection().sourceProperty().set(migration.selection().sourcesProperty().stream().filter(s -> s.uuid().equals(V1)).findFirst().orElseThrow());
        migration.selection().targetProperty().set(migration.selection().targetsProperty().stream().filter(s -> s.uuid().equals(V2)).findFirst().orElseThrow());
        migration.selection().rspProperty().set("acme");
        migration.remedies().check();
        String added = "713e3395-c4f0-4447-871d-6d8a04c469e3";
        catalogueRepository.specifications.add(spec(added, "modem", 1));
        assertThat(catalogued()).doesNotContain(added);

        migration.execution().run();

        assertThat(migration.finishedRunsProperty().get()).isEqualTo(1);
        assertThat(catalogued()).contains(added);
        assertThat(instances.specificationsProperty()).extracting(Specification::uuid).contains(added);
    }

    @Test
    void anImportReadsTheCatalogueAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path document = java.nio.file.Files.writeString(dir.resolve("modem.json"),
                "{\"@type\": \"ServiceSpecification\", \"name\": \"modem\", \"version\": \"v1.0.0\"}");
        exchange.preview(document);
        assertThat(exchange.canImportProperty().get()).isTrue();
        String added = "5d0f7a8e-2b1c-4e3d-9f6a-7b8c9d0e1f2a";
        catalogueRepository.specifications.add(spec(added, "modem", 1));
        assertThat(catalogued()).doesNotContain(added);

        exchange.importNow();

        assertThat(exchange.importsProperty().get()).isEqualTo(1);
        assertThat(exchange.outcomeProperty().get()).isEqualTo("Imported: created modem v1.0.0.");
        assertThat(catalogued()).contains(added);
    }

    @Test
    void theWizardsTargetWithoutRecordedValuesIsRecordedByVersioning() {
        catalogueRepository.specifications.add(spec("713e3395-c4f0-4447-871d-6d8a04c469e3", "broadband", 4));
        navigation.show(Screen.MIGRATION);
        migration.selection().sourceProperty().set(migration.selection().sourcesProperty().stream().filter(s -> s.uuid().equals(V1)).findFirst().orElseThrow());
        migration.selection().targetProperty().set(migration.selection().targetsProperty().stream().filter(s -> s.majorVersion() == 4).findFirst().orElseThrow());
        migration.selection().rspProperty().set("acme");
        migration.remedies().check();
        assertThat(migration.remedies().canRecordTargetRulesProperty().get()).isTrue();

        migration.remedies().recordTargetRules();

        assertThat(versioning.recordRequestProperty().get()).isNotNull();
        assertThat(versioning.recordRequestProperty().get().specification().majorVersion()).isEqualTo(4);
    }

    @Test
    void aChangedRspRoleReadsTheMigrationAndInstancesScreensAgain() {
        String added = "713e3395-c4f0-4447-871d-6d8a04c469e3";
        catalogueRepository.specifications.add(spec(added, "modem", 1));

        navigation.rspRoleChanged();

        assertThat(migration.selection().sourcesProperty()).extracting(Specification::uuid).contains(added);
        assertThat(instances.specificationsProperty()).extracting(Specification::uuid).contains(added);
    }
}
