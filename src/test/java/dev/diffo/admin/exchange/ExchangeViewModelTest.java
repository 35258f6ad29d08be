package dev.diffo.admin.exchange;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.SemanticVersion;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.FakeCatalogueRepository;
import dev.diffo.admin.repository.FakeVersioningRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeViewModelTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";

    final FakeCatalogueRepository catalogue = new FakeCatalogueRepository();
    final FakeVersioningRepository versions = new FakeVersioningRepository();
    final List<String> writes = new ArrayList<>();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ExchangeViewModel model = new ExchangeViewModel(new ExchangeService(catalogue, versions, new SpecificationWrites() {
        @Override
        public Specification create(String name, String uuid, SpecificationType type, SemanticVersion version, String description, String category,
                                    List<CharacteristicRule> rules, String reason) {
            writes.add("create " + name + " " + version);
            return spec(uuid == null ? V1 : uuid, name, version.major());
        }

        @Override
        public Specification recordRules(Specification seen, List<CharacteristicRule> rules, String reason) {
            writes.add("record " + seen.name());
            return seen;
        }

        @Override
        public Specification nextMinor(Specification seen, List<CharacteristicRule> rules, String reason) {
            writes.add("minor " + seen.name());
            return seen;
        }

        @Override
        public Specification freeze(Specification seen, String reason) {
            writes.add("freeze " + seen.name());
            return seen;
        }

        @Override
        public Specification withdraw(Specification seen, String reason) {
            writes.add("withdraw " + seen.name());
            return seen;
        }
    }, new CurrentAccess()), new ImmediateTaskRunner(), dialogs);

    static Specification spec(String uuid, String name, long major) {
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneId.of("Etc/UTC"));
        return new Specification(uuid, name, SpecificationType.SERVICE, major, 0, 0, 4, null, null, at, at, 0, List.of(), null);
    }

    @Test
    void aMalformedFileIsToldWithItsPathAndCannotBeImported(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"router\", \"specCharacteristic\": [{\"name\": 42}]}");

        model.preview(file);

        assertThat(model.errorProperty().get()).contains("$.specCharacteristic[0].name");
        assertThat(model.headingProperty().get()).isEqualTo("bad.json cannot be imported.");
        assertThat(model.stepsProperty()).isEmpty();
        assertThat(model.canImportProperty().get()).isFalse();
        model.importNow();
        assertThat(writes).isEmpty();
    }

    @Test
    void aPreviewWritesNothingUntilImportIsChosen(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("router.json"), "{\"name\": \"router\", \"version\": \"v1.1.0\", \"lifecycleStatus\": \"Retired\"}");

        model.preview(file);

        assertThat(model.stepsProperty()).extracting(ImportPlan.Step::action).containsExactly(ImportPlan.Action.CREATE);
        assertThat(model.stepsProperty().getFirst().detail()).isEqualTo("new at v1.1.0, no allowed values in the document, then frozen (lifecycleStatus Retired)");
        assertThat(writes).isEmpty();
        assertThat(model.canImportProperty().get()).isTrue();

        model.importNow();

        assertThat(writes).containsExactly("create router v1.1.0", "freeze router");
        assertThat(model.importsProperty().get()).isEqualTo(1);
        assertThat(model.canImportProperty().get()).isFalse();
    }

    @Test
    void theExportIsWrittenToTheFileAndToldWithItsNotes(@TempDir Path dir) throws IOException {
        catalogue.specifications.add(spec(V1, "broadband", 1));
        Path file = dir.resolve("out.json");

        model.export(file, TmfVersion.V4);

        assertThat(Files.readString(file)).contains("\"name\" : \"broadband\"", "\"diffoAdminNote\"");
        assertThat(dialogs.errors).isEmpty();
        assertThat(String.join("\n", dialogs.informations)).contains("1 specification version written to " + file);
    }
}
