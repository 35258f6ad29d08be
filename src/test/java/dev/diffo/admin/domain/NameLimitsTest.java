package dev.diffo.admin.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** diffo's name patterns, plus our own limits: at most 255 characters, one line, never a control character. */
class NameLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme\nbroadband", "acme broadband\n", "acme\r\nb", "tab\there", "acme\u000bx"})
    void instanceNamesWithALineBreakOrAControlCharacterAreRefused(String name) {
        assertThatThrownBy(() -> Identifiers.requireInstanceName(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line break")
                .hasMessageNotContaining("\n");
    }

    @Test
    void namesAboveTheLimitAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> Identifiers.requireInstanceName("a".repeat(10_000)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10000 characters) is too long")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).hasSizeLessThan(120));
        assertThatThrownBy(() -> Identifiers.requireSpecificationName("a".repeat(256))).hasMessageContaining("too long");
    }

    @Test
    void namesAtTheLimitAndDiffosOwnShapesAreAccepted() {
        assertThatCode(() -> Identifiers.requireInstanceName("a".repeat(255))).doesNotThrowAnyException();
        assertThatCode(() -> Identifiers.requireInstanceName("acme broadband-001_v2.x")).doesNotThrowAnyException();
        assertThatCode(() -> Identifiers.requireSpecificationName("broadbandBusiness2")).doesNotThrowAnyException();
    }
}
