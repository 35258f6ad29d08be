package dev.diffo.admin.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.SemanticVersion;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TmfDocumentTest {

    static final TmfSchema SCHEMA = new TmfSchema();

    static TmfDocument.Read read(String json) {
        var root = TmfDocument.parse(json);
        SCHEMA.check(root);
        return TmfDocument.read(root);
    }

    @Test
    void r185NamesAndTypedValuesAreRead() {
        TmfDocument.Incoming in = read("""
                {"name": "router", "version": "2.1", "href": "resourceCatalogManagement/v4/resourceSpecification/x",
                 "serviceSpecCharacteristic": [
                   {"name": "ports", "valueType": "integer", "minCardinality": 1, "serviceSpecCharacteristicValue": [{"value": 4}, {"value": 8}]},
                   {"name": "managed", "valueType": "boolean", "serviceSpecCharacteristicValue": [{"value": true}]},
                   {"name": "speed", "valueType": "number", "serviceSpecCharacteristicValue": [{"value": 1.50}]}]}
                """).specifications().getFirst();

        assertThat(in.problem()).isNull();
        assertThat(in.type()).isEqualTo(SpecificationType.RESOURCE);
        assertThat(in.version()).isEqualTo(SemanticVersion.of(2, 1, 0));
        assertThat(in.rules()).containsExactly(
                new CharacteristicRule("ports", null, ValueType.INTEGER, List.of("4", "8"), true),
                new CharacteristicRule("managed", null, ValueType.BOOLEAN, List.of("true"), false),
                new CharacteristicRule("speed", null, ValueType.FLOAT, List.of("1.50"), false));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            CURRENT,   Active
            FROZEN,    Retired
            WITHDRAWN, Obsolete
            """)
    void ourStatusIsTmfsLifecycleStatusAndBack(SpecificationStatus status, String lifecycleStatus) {
        assertThat(TmfDocument.lifecycleStatus(status)).isEqualTo(lifecycleStatus);
        assertThat(TmfDocument.status(lifecycleStatus)).isEqualTo(status);
    }

    @Test
    void anotherLifecycleStatusIsCurrent() {
        assertThat(TmfDocument.status("In design")).isEqualTo(SpecificationStatus.CURRENT);
        assertThat(TmfDocument.status(null)).isEqualTo(SpecificationStatus.CURRENT);
    }

    @Test
    void aVersionThatIsNotANumberOrANameDiffoRefusesIsTheSpecificationsProblem() {
        List<TmfDocument.Incoming> specs = read("""
                [{"name": "router", "version": "draft"}, {"name": "router2", "specCharacteristic": [{"name": "Wi-Fi"}]}]
                """).specifications();

        assertThat(specs.get(0).problem()).startsWith("$[0].version 'draft' is not a version");
        assertThat(specs.get(1).problem()).startsWith("$[1].specCharacteristic[0]: Characteristic name 'Wi-Fi' is not valid");
        assertThat(specs.get(1).version()).isEqualTo(SemanticVersion.of(1, 0, 0));
        assertThat(specs.get(1).versionGiven()).isFalse();
    }

    @Test
    void whatIsNotASpecificationIsRefusedWithItsPath() {
        assertThatThrownBy(() -> read("42")).isInstanceOf(InvalidInputException.class).hasMessageContaining("$: a number");
        assertThatThrownBy(() -> read("[{\"name\": \"a\"}, \"b\"]")).hasMessageContaining("$[1]: a string");
        assertThatThrownBy(() -> read("{\"version\": \"v1\"}")).hasMessageContaining("$: ").hasMessageContaining("name");
        assertThatThrownBy(() -> read("{\"name\": \"a\", \"specCharacteristic\": [{\"name\": \"b\", \"minCardinality\": -1}]}"))
                .hasMessageContaining("$.specCharacteristic[0].minCardinality");
    }

    @Test
    void aWrittenSpecificationReadsBackAsTheSameRules() {
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneId.of("Etc/UTC"));
        Specification spec = new Specification("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5", "broadband", SpecificationType.RESOURCE, 1, 1, 0, 4,
                "A broadband access service", "Access", at, at, 0, List.of(), SpecificationStatus.FROZEN);
        List<CharacteristicRule> rules = List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fw"), false),
                new CharacteristicRule("speed", null, ValueType.INTEGER, List.of("100", "1000"), true),
                new CharacteristicRule("ratio", null, ValueType.FLOAT, List.of("1.50", "2"), false));

        for (TmfVersion tmf : TmfVersion.values()) {
            var written = TmfDocument.write(spec, rules, tmf);
            assertThat(written.has(tmf.characteristics(SpecificationType.RESOURCE))).isTrue();
            assertThat(written.path("resourceSpecCharacteristic").get(0).has(tmf.values(SpecificationType.RESOURCE))).isTrue();
            TmfDocument.Incoming in = read(TmfDocument.text(written)).specifications().getFirst();
            assertThat(in.rules()).as("%s", tmf).isEqualTo(rules);
            assertThat(in.version()).isEqualTo(SemanticVersion.of(1, 1, 0));
            assertThat(in.type()).isEqualTo(SpecificationType.RESOURCE);
            assertThat(TmfDocument.status(in.lifecycleStatus())).isEqualTo(SpecificationStatus.FROZEN);
        }
    }
}
