package dev.diffo.admin.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.domain.VersionEvent.Action;
import dev.diffo.admin.exchange.ImportPlan.Step;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.TestGraph;
import dev.diffo.admin.versioning.VersioningService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalogue out as TMF633 JSON and back in, on the real embedded Neo4j, through the versioning service. */
@ExtendWith(Neo4jExtension.class)
class ExchangeServiceIT {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";

    ExchangeService exchange;
    VersioningService versioning;
    CatalogueRepository catalogue;
    DemoService demo;
    TestGraph graph;

    @BeforeEach
    void wire(ExchangeService exchange, VersioningService versioning, CatalogueRepository catalogue, DemoService demo, TestGraph graph) {
        this.exchange = exchange;
        this.versioning = versioning;
        this.catalogue = catalogue;
        this.demo = demo;
        this.graph = graph;
    }

    static ArrayNode json(String text) {
        return (ArrayNode) TmfDocument.parse(text);
    }

    static JsonNode major(ArrayNode document, String version) {
        for (JsonNode spec : document) {
            if (spec.path("version").asText().equals(version)) {
                return spec;
            }
        }
        throw new AssertionError("no " + version + " in " + document);
    }

    static List<String> values(JsonNode characteristic) {
        List<String> values = new ArrayList<>();
        characteristic.path("characteristicValueSpecification").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The document without lastUpdate, which the store sets when a specification is written. */
    static ArrayNode withoutLastUpdate(String text) {
        ArrayNode document = json(text);
        document.forEach(spec -> ((ObjectNode) spec).remove("lastUpdate"));
        return document;
    }

    Specification spec(String uuid) {
        return catalogue.findByUuid(uuid).orElseThrow();
    }

    static CharacteristicRule technology(String... values) {
        return new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of(values), false);
    }

    @Test
    void theDemoExportsEachMajorWithItsAllowedValues() {
        demo.loadDemo();

        ExchangeService.Export export = exchange.export(null, null, TmfVersion.V4);

        ArrayNode document = json(export.json());
        assertThat(export.specifications()).isEqualTo(2);
        assertThat(export.notes()).isEmpty();
        JsonNode v2 = major(document, "v2.0.0");
        assertThat(keys(v2)).containsExactly("@type", "id", "href", "name", "version", "description", "category", "lifecycleStatus", "lastUpdate",
                "specCharacteristic");
        assertThat(v2.path("@type").asText()).isEqualTo("ServiceSpecification");
        assertThat(v2.path("id").asText()).isEqualTo(V2);
        assertThat(v2.path("href").asText()).isEqualTo("serviceCatalogManagement/v4/serviceSpecification/" + V2);
        assertThat(v2.path("name").asText()).isEqualTo("broadband");
        assertThat(v2.path("lifecycleStatus").asText()).isEqualTo("Active");
        JsonNode technology = v2.path("specCharacteristic").get(0);
        assertThat(technology.path("name").asText()).isEqualTo("broadband.technology");
        assertThat(technology.path("valueType").asText()).isEqualTo("string");
        assertThat(values(technology)).containsExactlyInAnyOrder("fttc", "fttn", "fttp", "fw");
        assertThat(values(major(document, "v1.0.0").path("specCharacteristic").get(0))).containsExactlyInAnyOrder("fttc", "fttb", "fttn", "fttp");
        assertThat(new TmfSchema().problems(document)).isEmpty();
    }

    @Test
    void theExportImportedIntoAnEmptyStoreRecreatesBothMajorsAndExportsTheSameDocument() {
        demo.loadDemo();
        String first = exchange.export(null, null, TmfVersion.V4).json();
        graph.wipe();

        ImportPlan plan = exchange.preview(first, "demo.json");
        assertThat(plan.steps()).extracting(Step::action).containsExactly(ImportPlan.Action.CREATE, ImportPlan.Action.CREATE);
        ExchangeService.Result result = exchange.importPlan(plan, null);

        assertThat(result.done()).containsExactly("created broadband v1.0.0", "created broadband v2.0.0");
        assertThat(versioning.rules(spec(V1))).containsExactly(technology("fttc", "fttb", "fttn", "fttp"));
        assertThat(versioning.rules(spec(V2))).containsExactly(technology("fttc", "fttn", "fttp", "fw"));
        List<VersionEvent> history = versioning.history("broadband");
        assertThat(history).extracting(VersionEvent::action).containsExactly(Action.CREATED, Action.CREATED);
        assertThat(history).extracting(VersionEvent::reason).containsOnly("imported from demo.json");
        String second = exchange.export(null, null, TmfVersion.V4).json();
        assertThat(withoutLastUpdate(second)).isEqualTo(withoutLastUpdate(first));
    }

    @Test
    void aMinorAndAFrozenMajorSurviveTheRoundTrip() {
        demo.loadDemo();
        versioning.nextMinor(spec(V1), List.of(technology("fttc", "fttb", "fttn", "fttp", "fw")), "adds fixed wireless");
        versioning.freeze(spec(V1), "retiring v1");
        String first = exchange.export(null, null, TmfVersion.V4).json();
        assertThat(major(json(first), "v1.1.0").path("lifecycleStatus").asText()).isEqualTo("Retired");
        graph.wipe();

        exchange.importPlan(exchange.preview(first, "demo.json"), "from the partner portal");

        assertThat(spec(V1).version()).isEqualTo("v1.1.0");
        assertThat(spec(V1).status()).isEqualTo(SpecificationStatus.FROZEN);
        assertThat(versioning.history("broadband")).extracting(VersionEvent::action).containsExactly(Action.CREATED, Action.FROZEN, Action.CREATED);
        assertThat(withoutLastUpdate(exchange.export(null, null, TmfVersion.V4).json())).isEqualTo(withoutLastUpdate(first));
    }

    @Test
    void anImportThatWouldNarrowV1IsRefusedWithNothingWritten() {
        demo.loadDemo();
        String before = graph.fingerprint();
        String narrowing = """
                {"@type": "ServiceSpecification", "name": "broadband", "version": "v1.0.0",
                 "specCharacteristic": [{"name": "broadband.technology", "valueType": "string",
                   "characteristicValueSpecification": [{"value": "fttc"}, {"value": "fttn"}]}]}
                """;

        ImportPlan plan = exchange.preview(narrowing, "narrowing.json");

        Step step = plan.steps().getFirst();
        assertThat(step.action()).isEqualTo(ImportPlan.Action.REFUSED);
        assertThat(step.detail()).contains("would narrow v1.0.0").contains("fttb").contains("fttp");
        assertThatThrownBy(() -> exchange.importPlan(plan, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Nothing was imported").hasMessageContaining("broadband v1");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void aMalformedDocumentIsRefusedNamingThePathWithNothingWritten() {
        demo.loadDemo();
        String before = graph.fingerprint();
        String malformed = """
                {"@type": "ServiceSpecification", "name": "broadband", "version": "v3.0.0",
                 "specCharacteristic": [{"name": 42, "valueType": "string"}]}
                """;

        assertThatThrownBy(() -> exchange.preview(malformed, "malformed.json")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("$.specCharacteristic[0].name");
        assertThatThrownBy(() -> exchange.preview("[{\"name\": \"router\"}, {\"name\": \"modem\", \"version\": 2}]", "list.json"))
                .hasMessageContaining("$[1].version");
        assertThatThrownBy(() -> exchange.preview("{\"name\": \"router\",", "cut.json")).hasMessageContaining("not JSON");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void newAllowedValuesOnAnExistingMajorAreWrittenAsItsNextMinor() {
        demo.loadDemo();
        String widening = """
                [{"name": "broadband", "version": "v1.0.0",
                  "specCharacteristic": [{"name": "broadband.technology", "valueType": "string",
                    "characteristicValueSpecification": [{"value": "fttc"}, {"value": "fttb"}, {"value": "fttn"}, {"value": "fttp"}, {"value": "fw"}]}]},
                 {"name": "broadband", "version": "v2.0.0",
                  "specCharacteristic": [{"name": "broadband.technology", "valueType": "string",
                    "characteristicValueSpecification": [{"value": "fttc"}, {"value": "fttn"}, {"value": "fttp"}, {"value": "fw"}]}]}]
                """;

        ImportPlan plan = exchange.preview(widening, "widening.json");

        assertThat(plan.steps()).extracting(Step::action).containsExactly(ImportPlan.Action.MINOR, ImportPlan.Action.UNCHANGED);
        assertThat(plan.steps().getFirst().detail()).contains("value broadband.technology = fw").contains("v1.1.0");
        assertThat(exchange.importPlan(plan, null).done()).containsExactly("added to broadband as v1.1.0");
        assertThat(spec(V1).version()).isEqualTo("v1.1.0");
        assertThat(versioning.rules(spec(V1))).containsExactly(technology("fttc", "fttb", "fttn", "fttp", "fw"));
        assertThat(spec(V2).version()).isEqualTo("v2.0.0");
    }

    @Test
    void aCatalogueDiffoWroteExportsWithoutCharacteristicsAndANote() {
        DiffoLivebookCatalogue.write(graph);

        ExchangeService.Export export = exchange.export("broadband", 1L, TmfVersion.V4);

        JsonNode v1 = json(export.json()).get(0);
        assertThat(v1.path("version").asText()).isEqualTo("v1.1.0");
        assertThat(v1.has("specCharacteristic")).isFalse();
        assertThat(v1.path(TmfDocument.NOTE).asText()).contains("No allowed values are recorded for broadband v1.1.0");
        assertThat(export.notes()).singleElement().asString().contains("broadband v1.1.0 has no allowed values recorded");
    }

    @Test
    void importingForACatalogueDiffoWroteRecordsItsAllowedValuesWithoutTouchingItsVersion() {
        DiffoLivebookCatalogue.write(graph);
        String diffoBefore = graph.diffoFingerprint();
        String document = """
                {"@type": "ServiceSpecification", "id": "%s", "name": "broadband", "version": "v1.1.0", "validFor": {"startDateTime": "2025-03-04T09:00:00Z"},
                 "specCharacteristic": [{"name": "broadband.technology", "valueType": "string", "regex": "^ftt",
                   "characteristicValueSpecification": [{"value": "fttc"}, {"value": "fttb"}, {"value": "fttn"}, {"value": "fttp"}, {"value": "fw"}]}]}
                """.formatted(DiffoLivebookCatalogue.V1);

        ImportPlan plan = exchange.preview(document, "partner.json");

        assertThat(plan.steps()).extracting(Step::action).containsExactly(ImportPlan.Action.RECORD);
        assertThat(plan.keptAside()).containsExactly("$.validFor", "$.specCharacteristic[0].regex");
        exchange.importPlan(plan, null);
        Specification v1 = spec(DiffoLivebookCatalogue.V1);
        assertThat(v1.version()).isEqualTo("v1.1.0");
        assertThat(versioning.rules(v1)).containsExactly(technology("fttc", "fttb", "fttn", "fttp", "fw"));
        assertThat(graph.diffoFingerprint()).isEqualTo(diffoBefore);
        assertThat(versioning.history("broadband")).extracting(VersionEvent::action).contains(Action.RULES_RECORDED);
    }

    @Test
    void tmfFiveTypesEveryObject() {
        demo.loadDemo();

        JsonNode v2 = major(json(exchange.export("broadband", 2L, TmfVersion.V5).json()), "v2.0.0");

        JsonNode technology = v2.path("specCharacteristic").get(0);
        assertThat(technology.path("@type").asText()).isEqualTo("CharacteristicSpecification");
        assertThat(technology.path("characteristicValueSpecification").get(0).path("@type").asText()).isEqualTo("CharacteristicValueSpecification");
    }

    @Test
    void aDatabaseThatIsNotADiffoCatalogueTakesNoImport() {
        graph.run("CREATE (:Person {name: 'Keanu'}), (:Movie {title: 'The Matrix'})");
        String before = graph.fingerprint();

        assertThatThrownBy(() -> exchange.preview("{\"name\": \"router\"}", "router.json"))
                .hasMessageContaining("This database is not a diffo catalogue").hasMessageContaining("Person");
        assertThat(graph.fingerprint()).isEqualTo(before);
    }

    @Test
    void aSpecificationTwiceInOneDocumentIsRefused() {
        String twice = "[{\"name\": \"router\", \"version\": \"v1.0.0\"}, {\"name\": \"router\", \"version\": \"v1.2.0\"}]";

        ImportPlan plan = exchange.preview(twice, "twice.json");

        assertThat(plan.steps()).extracting(Step::action).containsExactly(ImportPlan.Action.CREATE, ImportPlan.Action.REFUSED);
        assertThat(plan.steps().get(1).detail()).contains("router v1 is in the document twice ($[0] and $[1])");
        assertThat(graph.count("MATCH (n) RETURN count(n)")).isZero();
    }
}
