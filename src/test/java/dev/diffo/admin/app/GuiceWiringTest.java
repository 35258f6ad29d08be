package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Scopes;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.common.Views;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.repository.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S13: the injector the desktop app builds ({@link DesktopApp#createInjector}: AppModule + FxModule) resolves
 * every View and ViewModel of the code base, found by scanning, so a new feature is covered without editing
 * this test. Nothing connects: the settings name a server that is never reached (connecting is a later,
 * explicit step), so no database is needed. A ViewModel that more than one class injects ({@link Navigation} wires
 * the features together through them) must be one application-wide instance; a ViewModel only its own View injects
 * (a dialog's) and every View (an FXML controller) are new each time.
 */
class GuiceWiringTest {

    static final JavaClasses CODE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.diffo.admin");

    final Injector injector = DesktopApp.createInjector(
            new ConnectionSettings("bolt://127.0.0.1:1", "neo4j", null, null, Path.of("never-started")), EmbeddedNeo4j.Options.defaults());

    static List<Class<?>> named(String suffix) {
        return CODE.stream()
                .filter(c -> c.getSimpleName().endsWith(suffix) && c.isTopLevelClass() && !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::reflect)
                .sorted(java.util.Comparator.comparing(Class::getName))
                .collect(Collectors.toList());
    }

    static List<Class<?>> views() {
        return named("View");
    }

    static List<Class<?>> viewModels() {
        return named("ViewModel");
    }

    /** How many classes of the code base take each type in their injected constructor. */
    static Map<String, Long> injections() {
        return CODE.stream()
                .flatMap(c -> c.getConstructors().stream())
                .filter(constructor -> constructor.isAnnotatedWith(jakarta.inject.Inject.class) || constructor.isAnnotatedWith(com.google.inject.Inject.class))
                .flatMap(GuiceWiringTest::distinctParameterTypes)
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
    }

    private static java.util.stream.Stream<String> distinctParameterTypes(JavaConstructor constructor) {
        return constructor.getRawParameterTypes().stream().map(JavaClass::getName).distinct();
    }

    static List<Class<?>> sharedViewModels() {
        Map<String, Long> injections = injections();
        return viewModels().stream().filter(type -> injections.getOrDefault(type.getName(), 0L) > 1).toList();
    }

    static List<Class<?>> ownViewModels() {
        Map<String, Long> injections = injections();
        return viewModels().stream().filter(type -> injections.getOrDefault(type.getName(), 0L) <= 1).toList();
    }

    @Test
    void theScanFindsTheViewsAndViewModelsOfEveryFeature() {
        assertThat(views()).contains(MainView.class, dev.diffo.admin.catalogue.CatalogueView.class, dev.diffo.admin.migration.MigrationView.class,
                dev.diffo.admin.versioning.VersioningView.class, dev.diffo.admin.graph.GraphView.class, dev.diffo.admin.connection.ConnectionView.class);
        assertThat(viewModels()).contains(MainViewModel.class, dev.diffo.admin.migration.MigrationViewModel.class);
        assertThat(sharedViewModels()).isNotEmpty();
        assertThat(ownViewModels()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"views", "viewModels"})
    void everyViewAndViewModelResolves(Class<?> type) {
        assertThat(injector.getInstance(type)).isInstanceOf(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void everyViewHasItsFxmlBesideIt(Class<?> view) {
        assertThat(view.getResource(view.getSimpleName() + ".fxml")).as("%s.fxml", view.getSimpleName()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void everyViewIsANewControllerForEachLoad(Class<?> view) {
        assertThat(injector.getInstance(view)).isNotSameAs(injector.getInstance(view));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedViewModels")
    void aViewModelSeveralClassesShareIsApplicationWide(Class<?> viewModel) {
        assertThat(Scopes.isSingleton(injector.getBinding(viewModel))).as("%s is a singleton", viewModel.getSimpleName()).isTrue();
        assertThat(injector.getInstance(viewModel)).isSameAs(injector.getInstance(viewModel));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownViewModels")
    void aViewModelOnlyItsViewUsesStartsAfreshWithEachView(Class<?> viewModel) {
        assertThat(injector.getInstance(viewModel)).isNotSameAs(injector.getInstance(viewModel));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationWide")
    void theApplicationWideObjectsAreSingletons(Class<?> type) {
        assertThat(Scopes.isSingleton(injector.getBinding(type))).as("%s is a singleton", type.getSimpleName()).isTrue();
        assertThat(injector.getInstance(type)).isSameAs(injector.getInstance(type));
    }

    /**
     * The one store, its one driver holder, the connection every screen follows, the task runner, dialogs, view loader, navigation and the
     * one executor the services fan work out to (S12).
     */
    static List<Class<?>> applicationWide() {
        return List.of(Database.class, Connector.class, Store.class, ConnectionState.class, TaskRunner.class, DialogService.class, Views.class,
                Navigation.class, java.util.concurrent.ExecutorService.class, WorkerPool.class);
    }

    /** Every Guice module of a feature package (S10), found by scanning like the Views. */
    static List<Class<?>> featureModules() {
        return CODE.stream()
                .filter(c -> c.isAssignableTo(com.google.inject.AbstractModule.class) && c.isTopLevelClass())
                .filter(c -> !c.getPackageName().equals("dev.diffo.admin.app"))
                .map(JavaClass::reflect)
                .sorted(java.util.Comparator.comparing(Class::getName))
                .collect(Collectors.toList());
    }

    /** The modules whose bindings the injector holds, by class name, as Guice recorded where each binding came from. */
    private java.util.Set<String> installedModules() {
        return injector.getAllBindings().values().stream()
                .map(com.google.inject.Binding::getSource)
                .filter(com.google.inject.spi.ElementSource.class::isInstance)
                .flatMap(source -> ((com.google.inject.spi.ElementSource) source).getModuleClassNames().stream())
                .collect(Collectors.toSet());
    }

    @Test
    void theScanFindsAModuleForEachFeatureWithServices() {
        assertThat(featureModules()).contains(dev.diffo.admin.catalogue.CatalogueModule.class, dev.diffo.admin.versioning.VersioningModule.class,
                dev.diffo.admin.migration.MigrationModule.class, dev.diffo.admin.graph.GraphModule.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("featureModules")
    void theAppModuleInstallsEveryFeatureModule(Class<?> module) {
        assertThat(installedModules()).contains(module.getName(), AppModule.class.getName(), RepositoryModule.class.getName());
    }

    @Test
    void theFeatureServicesAreBoundByTheirFeatureModule() {
        assertThat(moduleOf(dev.diffo.admin.catalogue.CatalogueService.class)).isEqualTo(dev.diffo.admin.catalogue.CatalogueModule.class.getName());
        assertThat(moduleOf(dev.diffo.admin.versioning.VersioningService.class)).isEqualTo(dev.diffo.admin.versioning.VersioningModule.class.getName());
        assertThat(moduleOf(dev.diffo.admin.migration.MigrationService.class)).isEqualTo(dev.diffo.admin.migration.MigrationModule.class.getName());
        assertThat(moduleOf(dev.diffo.admin.graph.GraphService.class)).isEqualTo(dev.diffo.admin.graph.GraphModule.class.getName());
        assertThat(moduleOf(dev.diffo.admin.repository.CatalogueRepository.class)).isEqualTo(RepositoryModule.class.getName());
    }

    private String moduleOf(Class<?> type) {
        Object source = injector.getBinding(type).getSource();
        assertThat(source).as("%s is bound explicitly", type.getSimpleName()).isInstanceOf(com.google.inject.spi.ElementSource.class);
        return ((com.google.inject.spi.ElementSource) source).getModuleClassNames().get(0);
    }

    @Test
    void theViewModelsTaskRunnerIsTheOneTheStatusBarWatches() {
        assertThat(injector.getInstance(TaskRunner.class)).isSameAs(injector.getInstance(FxTaskRunner.class));
    }

    @Test
    void theConnectorIsTheStoreTheAppClosesOnExit() {
        assertThat(injector.getInstance(Connector.class)).isSameAs(injector.getInstance(Store.class));
    }
}
