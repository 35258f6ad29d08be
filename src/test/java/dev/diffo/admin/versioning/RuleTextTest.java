package dev.diffo.admin.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTextTest {

    @Test
    void parsesFieldsTypesValuesAndRequired() {
        List<CharacteristicRule> rules = RuleText.parse("""
                # comment
                broadband.technology: string = fttc, fttb , fttn
                speed: integer required

                """);

        assertThat(rules).containsExactly(
                new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fttb", "fttn"), false),
                new CharacteristicRule("speed", null, ValueType.INTEGER, List.of(), true));
    }

    @Test
    void formatAndParseRoundTrip() {
        var rules = List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fw"), true));

        assertThat(RuleText.parse(RuleText.format(rules))).isEqualTo(rules);
    }

    @Test
    void aBadLineSaysWhichLineAndHowToWriteIt() {
        assertThatThrownBy(() -> RuleText.parse("broadband.technology: string = a\nBroadband technology"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Line 2");
        assertThatThrownBy(() -> RuleText.parse("speed: decimal")).hasMessageContaining("unknown type 'decimal'");
    }
}
