package dev.diffo.admin.versioning;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.repository.FakeVersioningRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's checks as you type, without a toolkit (over the fake repository). */
class SpecEditorViewModelTest {

    static final Specification V1 = new Specification("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5", "broadband", SpecificationType.SERVICE, 1, 0, 0, 4,
            "A broadband access service", "Access", null, null, 2, List.of(), null);
    static final List<CharacteristicRule> RULES = List.of(
            new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fttb", "fttn", "fttp"), false));

    final FakeVersioningRepository repository = new FakeVersioningRepository();
    final SpecEditorViewModel editor = new SpecEditorViewModel(new VersioningService(repository, new Operator("ops"), new CurrentAccess()), new ImmediateTaskRunner());

    @Test
    void aMinorThatRemovesAValueCannotBeSavedAndSaysWhy() {
        editor.start(SpecEditorViewModel.Mode.MINOR, V1, RULES);

        editor.rulesProperty().set("broadband.technology: string = fttc, fttn, fttp, fw");

        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.validationProperty().get()).contains("removes the value fttb from broadband.technology", "Publish a new major");
        assertThat(editor.diffProperty().get()).contains("+ value broadband.technology = fw", "− value broadband.technology = fttb");
    }

    @Test
    void aMinorThatAddsAValueCanBeSaved() {
        editor.start(SpecEditorViewModel.Mode.MINOR, V1, RULES);

        editor.rulesProperty().set("broadband.technology: string = fttc, fttb, fttn, fttp, fw");

        assertThat(editor.validationProperty().get()).isEmpty();
        assertThat(editor.canSaveProperty().get()).isTrue();
    }

    @Test
    void anUnchangedPatchCannotBeSaved() {
        editor.start(SpecEditorViewModel.Mode.PATCH, V1, RULES);
        assertThat(editor.canSaveProperty().get()).isFalse();

        editor.descriptionProperty().set("A broadband access service (NBN)");

        assertThat(editor.canSaveProperty().get()).isTrue();
        assertThat(editor.rulesEditableProperty().get()).isFalse();
    }

    @Test
    void aNewSpecificationNeedsAValidNameAndAUuid4IfAnIdIsGiven() {
        editor.start(SpecEditorViewModel.Mode.CREATE, null, List.of());
        assertThat(editor.validationProperty().get()).contains("A name is required");

        editor.nameProperty().set("Broad band");
        assertThat(editor.validationProperty().get()).contains("not valid", "lowerCamelCase");

        editor.nameProperty().set("router");
        editor.uuidProperty().set("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        assertThat(editor.validationProperty().get()).contains("not a UUID version 4");

        editor.uuidProperty().set("");
        assertThat(editor.canSaveProperty().get()).isTrue();
    }

    @Test
    void aNewSpecificationWithAnExistingNameIsRefusedAsYouType() {
        repository.put(new Specification(V1.uuid(), "broadband", SpecificationType.SERVICE, 1, 1, 0, 4, null, null, null, null, 2, List.of(), null), RULES);
        editor.start(SpecEditorViewModel.Mode.CREATE, null, List.of());

        editor.nameProperty().set("broadband");

        assertThat(editor.validationProperty().get()).isEqualTo("broadband v1 exists (v1.1.0): use Next patch/Next minor, or Publish major");
        assertThat(editor.canSaveProperty().get()).isFalse();

        editor.nameProperty().set("broadbandBusiness");

        assertThat(editor.validationProperty().get()).isEmpty();
        assertThat(editor.canSaveProperty().get()).isTrue();
    }

    @Test
    void aNewMajorSaysWhichVersionItStartsFrom() {
        editor.start(SpecEditorViewModel.Mode.MAJOR, V1, RULES);

        assertThat(editor.headingProperty().get()).startsWith("broadband v2.0.0, from v1.0.0's allowed values");
    }
}
