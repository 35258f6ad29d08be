package dev.diffo.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            broadband,         true
            broadbandBusiness, true
            nbn2,              true
            Broadband,         false
            broad-band,        false
            broad band,        false
            2broadband,        false
            '',                false
            """)
    void specificationNamesFollowDiffosRule(String name, boolean valid) {
        assertThat(Identifiers.SPECIFICATION_NAME.matcher(name).matches()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5, true
            f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c, true
            a1b2c3d4-e5f6-1a7b-8c9d-e0f1a2b3c4d5, false
            a1b2c3d4-e5f6-4a7b-7c9d-e0f1a2b3c4d5, false
            A1B2C3D4-E5F6-4A7B-8C9D-E0F1A2B3C4D5, false
            not-a-uuid,                           false
            """)
    void onlyLowerCaseUuidVersion4IsAccepted(String id, boolean valid) {
        assertThat(Identifiers.isUuid4(id)).isEqualTo(valid);
    }

    @Test
    void generatedIdsAreUuid4() {
        assertThat(Identifiers.newUuid4()).satisfies(id -> assertThat(Identifiers.isUuid4(id)).isTrue());
    }

    @Test
    void anInvalidNameSaysHowToFixIt() {
        assertThatThrownBy(() -> Identifiers.requireSpecificationName("Broad band"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).hint()).contains("lowerCamelCase"));
    }
}
