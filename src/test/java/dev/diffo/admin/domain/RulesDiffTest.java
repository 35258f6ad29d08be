package dev.diffo.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesDiffTest {

    static CharacteristicRule technology(String... values) {
        return new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of(values), false);
    }

    @Test
    void addingAValueIsBackwardCompatible() {
        RulesDiff diff = RulesDiff.between(List.of(technology("fttc", "fttb")), List.of(technology("fttc", "fttb", "fw")));

        assertThat(diff.isBackwardCompatible()).isTrue();
        assertThat(diff.lines()).containsExactly("+ value broadband.technology = fw");
    }

    @Test
    void removingAValueIsBreakingAndSaysWhich() {
        RulesDiff diff = RulesDiff.between(List.of(technology("fttc", "fttb")), List.of(technology("fttc", "fw")));

        assertThat(diff.breakingChanges()).containsExactly("removes the value fttb from broadband.technology");
        assertThat(diff.lines()).containsExactly("+ value broadband.technology = fw", "− value broadband.technology = fttb");
    }

    @Test
    void optionalCharacteristicsMayBeAddedButNotRemoved() {
        var speed = new CharacteristicRule("speed", null, ValueType.INTEGER, List.of(), false);

        assertThat(RulesDiff.between(List.of(), List.of(speed)).isBackwardCompatible()).isTrue();
        assertThat(RulesDiff.between(List.of(speed), List.of()).breakingChanges()).containsExactly("removes the characteristic speed");
    }

    @Test
    void narrowingTypeRequirednessOrAnyValueIsBreaking() {
        var any = new CharacteristicRule("speed", null, ValueType.INTEGER, List.of(), false);

        assertThat(RulesDiff.between(List.of(any), List.of(new CharacteristicRule("speed", null, ValueType.STRING, List.of(), false))).breakingChanges())
                .containsExactly("changes the type of speed from integer to string");
        assertThat(RulesDiff.between(List.of(any), List.of(new CharacteristicRule("speed", null, ValueType.INTEGER, List.of(), true))).breakingChanges())
                .containsExactly("makes speed required");
        assertThat(RulesDiff.between(List.of(any), List.of(new CharacteristicRule("speed", null, ValueType.INTEGER, List.of("25", "50"), false))).breakingChanges())
                .containsExactly("restricts speed (any value before) to {25, 50}");
    }

    @Test
    void aCharacteristicListedTwiceIsRefused() {
        assertThatThrownBy(() -> RulesDiff.between(List.of(), List.of(technology("a"), technology("b"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("listed twice");
    }
}
