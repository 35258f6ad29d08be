package dev.diffo.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.diffo.admin.common.RunsAdministrativeCypher;
import java.util.Set;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The layers of STYLE.md, enforced (S2, S3, S12, S17, S27). */
@AnalyzeClasses(packages = "dev.diffo.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] UI_TOOLKIT = {"javafx.scene..", "javafx.stage..", "javafx.fxml..", "javafx.application.."};

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKIT);

    @ArchTest
    static final ArchRule lowerLayersDoNotTouchTheSceneGraph = noClasses()
            .that().resideInAnyPackage("..repository..", "..domain..", "..common..", "..cli..")
            .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKIT);

    @ArchTest
    static final ArchRule featureServicesDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("Service").and().resideOutsideOfPackage("..app..")
            .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKIT);

    /** How the features meet is decided without the scene graph, so it is tested like a ViewModel (the main window only follows it). */
    @ArchTest
    static final ArchRule navigationDoesNotTouchTheSceneGraph = noClasses().that().haveFullyQualifiedName("dev.diffo.admin.app.Navigation")
            .or().haveNameMatching("dev\\.diffo\\.admin\\.app\\.Navigation\\$.*")
            .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKIT);

    @ArchTest
    static final ArchRule onlyRepositoriesAndBootstrapUseTheDriver = noClasses()
            .that().resideOutsideOfPackages("..repository..", "..app..")
            .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..");

    @ArchTest
    static final ArchRule onlyTheBootstrapEmbedsNeo4j = noClasses()
            .that().resideOutsideOfPackage("..app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.dbms..", "org.neo4j.graphdb..", "org.neo4j.configuration..", "org.neo4j.kernel..");

    /** An allow-list, not a deny-list: a new package of the app is outside the domain's reach without anyone remembering to add it. */
    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdk = classes().that().resideInAPackage("dev.diffo.admin.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.diffo.admin.domain..");

    /** common: the seams every layer shares (task runner, dialogs, settings, JSON); observable values but no scene, no driver, no feature. */
    @ArchTest
    static final ArchRule commonDependsOnlyOnTheDomainAndItsLibraries = classes().that().resideInAPackage("dev.diffo.admin.common..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.diffo.admin.common..", "dev.diffo.admin.domain..",
                    "javafx.beans..", "javafx.collections..", "com.fasterxml.jackson..", "jakarta.inject..");

    private static final String[] FEATURES = {"catalogue", "versioning", "migration", "graph", "connection", "exchange", "readiness"};

    /** Features meet only in app/ (navigation, reload after a change): none imports another. */
    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOther = featuresIndependent();

    private static ArchRule featuresIndependent() {
        ArchRule rule = null;
        for (String feature : FEATURES) {
            String[] others = java.util.Arrays.stream(FEATURES).filter(f -> !f.equals(feature)).map(f -> "dev.diffo.admin." + f + "..").toArray(String[]::new);
            ArchRule one = noClasses().that().resideInAPackage("dev.diffo.admin." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others);
            rule = rule == null ? one : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(one);
        }
        return rule;
    }

    /** A call that sends Cypher: the driver's run/execute methods, or the embedded API's. */
    private static final DescribedPredicate<JavaMethodCall> RUNS_CYPHER = new DescribedPredicate<>("run Cypher") {
        @Override
        public boolean test(JavaMethodCall call) {
            String owner = call.getTarget().getOwner().getPackageName();
            return (owner.startsWith("org.neo4j.driver") || owner.startsWith("org.neo4j.graphdb") || owner.startsWith("org.neo4j.dbms"))
                    && Set.of("run", "execute", "executeTransactionally", "executeQuery").contains(call.getTarget().getName());
        }
    };

    @ArchTest
    static final ArchRule cypherOnlyInRepositories = noClasses()
            .that().resideOutsideOfPackage("..repository..").and().areNotAnnotatedWith(RunsAdministrativeCypher.class)
            .should().callMethodWhere(RUNS_CYPHER);

    @ArchTest
    static final ArchRule slicesAreFreeOfCycles = slices().matching("dev.diffo.admin.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
