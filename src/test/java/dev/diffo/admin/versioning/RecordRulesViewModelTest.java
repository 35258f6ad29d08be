package dev.diffo.admin.versioning;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.ValueInUse;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.repository.FakeVersioningRepository;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording what a version allows from the values in use, ticked, plus rules typed; without a toolkit or a database. */
class RecordRulesViewModelTest {

    final FakeVersioningRepository repository = new FakeVersioningRepository();
    final RecordRulesViewModel record = new RecordRulesViewModel(new VersioningService(repository, new Operator("ops"), new CurrentAccess()), new ImmediateTaskRunner());
    Specification v1;

    @BeforeEach
    void open() {
        v1 = VersioningViewModelTest.broadband(SpecificationStatus.CURRENT);
        repository.put(v1, List.of());
        record.start(v1, List.of(), List.of(new ValueInUse("broadband.technology", "fttb", 4), new ValueInUse("broadband.technology", "fttn", 2),
                new ValueInUse("speed", "100", 6)));
    }

    @Test
    void everyValueInUseStartsTickedAndMakesOneRulePerField() {
        assertThat(record.rules()).extracting(CharacteristicRule::describe)
                .containsExactly("broadband.technology ∈ {fttb, fttn}", "speed ∈ {100}");
        assertThat(record.rules().get(1).valueType()).isEqualTo(CharacteristicRule.ValueType.INTEGER);
        assertThat(record.canSaveProperty().get()).isTrue();
    }

    @Test
    void untickingAndTypedRulesChangeWhatIsRecordedMergedByField() {
        record.ticksProperty().getFirst().allowed().set(false);
        record.extraProperty().set("broadband.technology: string = fw");

        assertThat(record.rules()).extracting(CharacteristicRule::describe)
                .containsExactly("broadband.technology ∈ {fttn, fw}", "speed ∈ {100}");
        assertThat(record.previewProperty().get()).contains("allows broadband.technology ∈ {fttn, fw}");
    }

    @Test
    void aRuleThatDoesNotParseIsShownAndNothingCanBeSaved() {
        record.extraProperty().set("broadband.technology: colour = red");

        assertThat(record.validationProperty().get()).isNotEmpty();
        assertThat(record.canSaveProperty().get()).isFalse();
    }

    @Test
    void nothingTickedAndNothingTypedCannotBeSaved() {
        record.ticksProperty().forEach(t -> t.allowed().set(false));

        assertThat(record.canSaveProperty().get()).isFalse();
        assertThat(record.previewProperty().get()).startsWith("Nothing to record");
    }

    @Test
    void savingRecordsTheRulesWithoutAVersionBumpAndSaysSoInTheHistory() {
        record.reasonProperty().set("as diffo's code allows");

        record.save();

        assertThat(record.savedProperty().get().version()).isEqualTo(v1.version());
        assertThat(repository.rules(v1.uuid())).extracting(CharacteristicRule::key).containsExactly("broadband.technology", "speed");
        assertThat(repository.events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(VersionEvent.Action.RULES_RECORDED);
            assertThat(e.reason()).isEqualTo("as diffo's code allows");
        });
    }
}
