package dev.diffo.admin.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.ConcurrentChangeException;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.Scenario;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationExistsException;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.domain.VersionEvent.Action;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.ScenarioRepository;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Record;

/** Every versioning rule of the seed story, on the real embedded Neo4j. */
@ExtendWith(Neo4jExtension.class)
class VersioningServiceIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    /** The properties diffo defines on a Specification; nothing else may be written there. */
    static final Set<String> DIFFO_PROPERTIES = Set.of("uuid", "type", "name", "majorVersion", "minorVersion", "patchVersion",
            "tmfVersion", "description", "category", "createdAt", "updatedAt");

    VersioningService versioning;
    CatalogueRepository catalogue;
    TestGraph graph;

    @BeforeEach
    void seed(DemoService demo, VersioningService versioning, CatalogueRepository catalogue, TestGraph graph) {
        demo.loadDemo();
        this.versioning = versioning;
        this.catalogue = catalogue;
        this.graph = graph;
    }

    Specification spec(String uuid) {
        return catalogue.findByUuid(uuid).orElseThrow();
    }

    static CharacteristicRule technology(String... values) {
        return new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of(values), false);
    }

    /** Reads the node back with only diffo's properties, as diffo would, and checks its version fields. */
    void assertDiffoShape(String uuid, long major, long minor, long patch) {
        Record r = graph.query("MATCH (s:Specification {uuid: $uuid}) RETURN labels(s) AS labels, properties(s) AS p", Map.of("uuid", uuid)).getFirst();
        Map<String, Object> p = r.get("p").asMap();
        assertThat(r.get("labels").asList()).contains("Provider", "Specification");
        assertThat(p.keySet()).isSubsetOf(DIFFO_PROPERTIES);
        assertThat(p).containsEntry("majorVersion", major).containsEntry("minorVersion", minor).containsEntry("patchVersion", patch);
        assertThat(spec(uuid).version()).isEqualTo("v" + major + "." + minor + "." + patch);
    }

    @Test
    void theDemoRecordsWhatEachMajorAllows() {
        assertThat(versioning.rules(spec(V1))).containsExactly(technology("fttc", "fttb", "fttn", "fttp"));
        assertThat(versioning.rules(spec(V2))).containsExactly(technology("fttc", "fttn", "fttp", "fw"));
        assertThat(versioning.history("broadband")).extracting(VersionEvent::action).containsExactly(Action.CREATED, Action.CREATED);
    }

    @Test
    void aPatchCorrectsMetadataInPlace() {
        Specification patched = versioning.nextPatch(spec(V1), "A broadband access service (NBN)", "Access", "typo");

        assertThat(patched.uuid()).isEqualTo(V1);
        assertThat(patched.description()).isEqualTo("A broadband access service (NBN)");
        assertDiffoShape(V1, 1, 0, 1);
    }

    @Test
    void aMinorBumpAddsAValueAndResetsThePatch() {
        versioning.nextPatch(spec(V1), "Broadband access", null, null);

        Specification minor = versioning.nextMinor(spec(V1), List.of(technology("fttc", "fttb", "fttn", "fttp", "fw")), "adds fixed wireless");

        assertThat(minor.version()).isEqualTo("v1.1.0");
        assertThat(versioning.rules(minor)).containsExactly(technology("fttc", "fttb", "fttn", "fttp", "fw"));
        assertDiffoShape(V1, 1, 1, 0);
    }

    @Test
    void aMinorThatRemovesAValueIsRefusedAndSaysWhichChangeMakesItMajor() {
        String before = graph.fingerprint();

        assertThatThrownBy(() -> versioning.nextMinor(spec(V1), List.of(technology("fttc", "fttn", "fttp", "fw")), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a minor change")
                .hasMessageContaining("removes the value fttb from broadband.technology")
                .satisfies(e -> assertThat(((InvalidInputException) e).hint()).contains("Publish a new major"));
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void aMinorThatAddsARequiredCharacteristicIsRefused() {
        var speed = new CharacteristicRule("speed", null, ValueType.INTEGER, List.of(), true);

        assertThatThrownBy(() -> versioning.nextMinor(spec(V1), List.of(technology("fttc", "fttb", "fttn", "fttp"), speed), null))
                .hasMessageContaining("adds the required characteristic speed");
    }

    @Test
    void aNewMajorIsANewNodeWithANewUuid4AndTheSameName() {
        Specification v3 = versioning.publishMajor("broadband", null, null, List.of(technology("fttn", "fttp", "fw")), "fttc retired");

        assertThat(v3.uuid()).isNotIn(V1, V2).satisfies(id -> assertThat(Identifiers.isUuid4(id)).isTrue());
        assertThat(v3.name()).isEqualTo("broadband");
        assertThat(v3.majorVersion()).isEqualTo(3);
        assertThat(v3.description()).isEqualTo(spec(V2).description());
        assertDiffoShape(v3.uuid(), 3, 0, 0);
        assertThat(catalogue.findSpecifications("broadband")).extracting(Specification::version).containsExactly("v3.0.0", "v2.0.0", "v1.0.0");
        assertThat(versioning.diffAgainstLatest("broadband", List.of(technology("fttn", "fttp")))
                .removedValues()).extracting(Object::toString).containsExactly("broadband.technology = fw");
    }

    @Test
    void creatingAnExistingNameAndMajorIsRefusedAndWritesNothing() {
        versioning.nextMinor(spec(V1), List.of(technology("fttc", "fttb", "fttn", "fttp", "fw")), "adds fw");
        versioning.freeze(spec(V1), null);
        String before = graph.fingerprint();

        assertThatThrownBy(() -> versioning.create("broadband", null, SpecificationType.SERVICE, 1, "oops", null, List.of(), null))
                .isInstanceOf(SpecificationExistsException.class)
                .hasMessage("broadband v1 exists (v1.1.0): use Next patch/Next minor, or Publish major");

        assertThat(graph.fingerprint()).isEqualTo(before);
        assertThat(spec(V1).description()).isNotEqualTo("oops");
        assertThat(versioning.rules(spec(V1))).containsExactly(technology("fttc", "fttb", "fttn", "fttp", "fw"));
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGivenAndNeverTheRules() {
        Specification first = versioning.create("router", null, SpecificationType.RESOURCE, 1, "Home router", "Equipment",
                List.of(new CharacteristicRule("router", "model", ValueType.STRING, List.of("a", "b"), false)), null);

        Specification again = versioning.update("router", 1, null, "Home router, managed", null, "wording");

        assertThat(again.uuid()).isEqualTo(first.uuid());
        assertThat(again.description()).isEqualTo("Home router, managed");
        assertThat(again.category()).isEqualTo("Equipment");
        assertThat(again.type()).isEqualTo(SpecificationType.RESOURCE);
        assertThat(versioning.rules(again)).extracting(CharacteristicRule::allowedValues).containsExactly(List.of("a", "b"));
        assertThat(versioning.history("router")).extracting(VersionEvent::action).containsExactly(Action.CREATED, Action.UPDATED);
        assertDiffoShape(first.uuid(), 1, 0, 0);
    }

    @Test
    void anUpdateOfAFrozenOrWithdrawnVersionIsRefused() {
        versioning.freeze(spec(V1), null);
        versioning.withdraw(spec(V2), null);
        String before = graph.fingerprint();

        assertThatThrownBy(() -> versioning.update("broadband", 1, null, "oops", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("broadband v1 is frozen");
        assertThatThrownBy(() -> versioning.update("broadband", 2, null, null, "oops", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("broadband v2 is withdrawn");
        assertThatThrownBy(() -> versioning.update("broadband", 7, null, "oops", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no specification broadband v7");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void publishingAMajorWithAnOlderMajorSelectedStartsFromTheLatest() {
        Specification selected = spec(V1);

        var draft = versioning.draftNextMajor(selected.name());
        Specification v3 = versioning.publishMajor(selected.name(), null, null, null, "from the latest");

        assertThat(draft.version()).isEqualTo("v2.0.0");
        assertThat(draft.rules()).containsExactly(technology("fttc", "fttn", "fttp", "fw"));
        assertThat(v3.version()).isEqualTo("v3.0.0");
        assertThat(versioning.rules(v3)).containsExactly(technology("fttc", "fttn", "fttp", "fw"));
        assertThat(versioning.rules(v3)).flatExtracting(CharacteristicRule::allowedValues).doesNotContain("fttb");
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        String before = graph.fingerprint();

        assertThatThrownBy(() -> versioning.create("Router", null, SpecificationType.SERVICE, 1, null, null, List.of(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> versioning.create("router", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", SpecificationType.SERVICE, 1, null, null, List.of(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a UUID version 4");
        assertThatThrownBy(() -> versioning.create(" ", null, SpecificationType.SERVICE, 1, null, null, List.of(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Name is required");
        assertThatThrownBy(() -> versioning.create("broadband", "11111111-2222-4333-8444-555555555555", SpecificationType.SERVICE, 1, null, null, null, null))
                .isInstanceOf(SpecificationExistsException.class).hasMessageContaining("broadband v1 exists (v1.0.0)");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void aSecondSaveOfTheSameVersionIsToldTheSpecChangedUnderneathIt() {
        Specification seenByBoth = spec(V1);
        versioning.nextPatch(seenByBoth, "first editor's description", null, null);
        String afterFirst = graph.fingerprint();

        assertThatThrownBy(() -> versioning.nextMinor(seenByBoth, List.of(technology("fttc", "fttb", "fttn", "fttp", "fw")), null))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessage("broadband v1 changed underneath you since you opened it: it is now v1.0.1");
        assertThat(graph.fingerprint()).isEqualTo(afterFirst);
    }

    @Test
    void deleteIsRefusedWhileInstancesStandOnItAndAllowedOnceNoneDo() {
        String before = graph.fingerprint();
        assertThatThrownBy(() -> versioning.delete(spec(V1), null))
                .isInstanceOf(DiffoAdminException.class)
                .hasMessage("Cannot delete broadband v1.0.0: 2 instances still stand on it");
        assertThat(graph.fingerprint()).isEqualTo(before);

        graph.run("MATCH (i:Instance)-[r:SPECIFIED_BY]->(:Specification {uuid: $v1}) MATCH (v2:Specification {uuid: $v2}) DELETE r CREATE (i)-[:SPECIFIED_BY]->(v2)",
                Map.of("v1", V1, "v2", V2));
        versioning.delete(spec(V1), "all migrated");

        assertThat(catalogue.findByUuid(V1)).isEmpty();
        assertThat(graph.count("MATCH (r:CharacteristicRule) RETURN count(r)")).as("v1's own nodes go with it").isEqualTo(1);
        assertThat(versioning.history("broadband")).extracting(VersionEvent::action).last().isEqualTo(Action.DELETED);
    }

    @Test
    void aFrozenMajorRefusesANewInstanceAndKeepsItsInstances(ScenarioRepository scenarios) {
        versioning.freeze(spec(V1), "V2 is out");
        var instance = new Scenario.InstanceDraft(Identifiers.newUuid4(), "acme-broadband-003", List.of("Nbn", "Broadband", "Instance", "Provider"),
                V1, "service", "actual", "initial", List.of());

        assertThatThrownBy(() -> scenarios.load(new Scenario("one more", List.of(), List.of(instance))))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("broadband v1 is frozen");
        assertThat(spec(V1).status()).isEqualTo(SpecificationStatus.FROZEN);
        assertThat(spec(V1).instanceCount()).isEqualTo(2);

        versioning.unfreeze(spec(V1), null);
        assertThat(scenarios.load(new Scenario("one more", List.of(), List.of(instance))).instancesCreated()).isEqualTo(1);
    }

    @Test
    void withdrawShowsTheImpactPerRspAndTheMajorKeepsItsInstances() {
        assertThat(versioning.withdrawalImpact(spec(V1))).containsExactly(Map.entry("acme (by name prefix)", 2L));

        Specification withdrawn = versioning.withdraw(versioning.freeze(spec(V1), null), "end of life");

        assertThat(withdrawn.status()).isEqualTo(SpecificationStatus.WITHDRAWN);
        assertThat(withdrawn.instanceCount()).isEqualTo(2);
        assertThatThrownBy(() -> versioning.unfreeze(withdrawn, null)).hasMessageContaining("is withdrawn");
        assertDiffoShape(V1, 1, 0, 0);
    }

    @Test
    void historyRecordsTheSeedTimelineWithWhoWhenWhyAndBeforeAfter() {
        versioning.nextMinor(spec(V1), List.of(technology("fttc", "fttb", "fttn", "fttp", "fw")), "adds fw");
        versioning.publishMajor("broadband", null, null, List.of(technology("fttc", "fttn", "fttp", "fw")), null);
        versioning.freeze(spec(V1), null);
        versioning.withdraw(spec(V1), "all RSPs moved");

        List<VersionEvent> history = versioning.history("broadband");

        assertThat(history).extracting(VersionEvent::headline)
                .containsExactly("v1.0.0 created", "v2.0.0 created", "v1.0.0 → v1.1.0 minor", "v3.0.0 published", "v1 frozen", "v1 withdrawn");
        VersionEvent minor = history.get(2);
        assertThat(minor.actor()).isNotBlank();
        assertThat(minor.reason()).isEqualTo("adds fw");
        assertThat(minor.at()).isNotNull();
        assertThat(minor.before().rules()).containsExactly(technology("fttc", "fttb", "fttn", "fttp"));
        assertThat(minor.after().rules()).containsExactly(technology("fttc", "fttb", "fttn", "fttp", "fw"));
        assertThat(history.get(5).after().status()).isEqualTo(SpecificationStatus.WITHDRAWN);
        assertThat(history.get(5).reason()).isEqualTo("all RSPs moved");
    }
}
