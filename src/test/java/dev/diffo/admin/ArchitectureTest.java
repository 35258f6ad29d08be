package dev.diffo.admin;

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

    @ArchTest
    static final ArchRule domainDependsOnNothingOfTheApp = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.diffo.admin.app..", "dev.diffo.admin.common..",
                    "dev.diffo.admin.repository..", "dev.diffo.admin.catalogue..", "dev.diffo.admin.connection..", "dev.diffo.admin.cli..",
                    "javafx..", "org.neo4j..", "com.google.inject..");

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
