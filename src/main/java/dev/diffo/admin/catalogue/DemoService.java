package dev.diffo.admin.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.GraphShape;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.Scenario;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.ScenarioRepository;
import dev.diffo.admin.common.CurrentAccess;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Loads the shipped demo catalogue (data under {@code resources/demo}) into the connected database. */
@Singleton
public class DemoService {

    public static final String DEMO_RESOURCE = "/demo/broadband-versioning.json";

    private final ScenarioRepository scenarios;
    private final CatalogueRepository catalogue;
    private final CurrentAccess access;

    @Inject
    public DemoService(ScenarioRepository scenarios, CatalogueRepository catalogue, CurrentAccess access) {
        this.scenarios = scenarios;
        this.catalogue = catalogue;
        this.access = access;
    }

    /** The access this service enforces, for the screens to disable what it would refuse. */
    public CurrentAccess currentAccess() {
        return access;
    }

    /** Writes the demo; refuses a database that holds something other than diffo's graph. */
    public Scenario.LoadResult loadDemo() {
        access.requireSpecificationChanges("Loading the demo catalogue");
        GraphShape shape = catalogue.inspectShape();
        if (shape.isForeign()) {
            throw new DiffoAdminException("This database is not a diffo catalogue: it has " + shape.nodeCount()
                    + " nodes but no :Specification. Found: " + shape.describeLabels(8) + ".",
                    "The demo is only written into an empty database or a diffo catalogue. Connect to another database (File → Connect…). Nothing was written.");
        }
        return scenarios.load(demoScenario());
    }

    public Scenario demoScenario() {
        try (InputStream in = DemoService.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo data " + DEMO_RESOURCE + " is missing from the build");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("demo data " + DEMO_RESOURCE + " is unreadable", e);
        }
    }

    static Scenario parse(JsonNode root) {
        List<Scenario.SpecificationDraft> specs = new ArrayList<>();
        for (JsonNode s : root.path("specifications")) {
            specs.add(new Scenario.SpecificationDraft(
                    text(s, "uuid"), text(s, "name"),
                    SpecificationType.parse(s.path("type").asText("serviceSpecification"))
                            .orElseThrow(() -> new InvalidInputException("Unknown specification type " + s.path("type"), "Use serviceSpecification or resourceSpecification.")),
                    s.path("majorVersion").asLong(1), s.path("minorVersion").asLong(0), s.path("patchVersion").asLong(0),
                    s.path("tmfVersion").asLong(4), s.path("description").asText(null), s.path("category").asText(null), rules(s.path("rules"))));
        }
        List<Scenario.InstanceDraft> instances = new ArrayList<>();
        for (JsonNode i : root.path("instances")) {
            List<String> labels = new ArrayList<>();
            i.path("labels").forEach(l -> labels.add(l.asText()));
            List<Scenario.CharacteristicDraft> characteristics = new ArrayList<>();
            for (JsonNode c : i.path("characteristics")) {
                characteristics.add(new Scenario.CharacteristicDraft(text(c, "uuid"), text(c, "name"), CanonicalJson.write(c.path("value"))));
            }
            instances.add(new Scenario.InstanceDraft(text(i, "uuid"), text(i, "name"), labels, text(i, "specification"),
                    i.path("type").asText("service"), i.path("which").asText("actual"), i.path("state").asText(null), characteristics));
        }
        return new Scenario(root.path("title").asText("scenario"), specs, instances);
    }

    private static List<CharacteristicRule> rules(JsonNode rules) {
        List<CharacteristicRule> list = new ArrayList<>();
        for (JsonNode r : rules) {
            List<String> values = new ArrayList<>();
            r.path("allowedValues").forEach(v -> values.add(v.asText()));
            list.add(new CharacteristicRule(text(r, "characteristic"), text(r, "field"),
                    CharacteristicRule.ValueType.fromStored(r.path("valueType").asText("string")), values, r.path("required").asBoolean(false)));
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
