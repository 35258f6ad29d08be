package dev.diffo.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.domain.CharacteristicFields.Change;
import dev.diffo.admin.domain.CharacteristicFields.Field;
import org.junit.jupiter.api.Test;

class CharacteristicFieldsTest {

    private static final String FTTB = "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttb\"}}}";
    private static final String FTTN = "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttn\"}}}";

    @Test
    void aDynamicValueIsItsFields() {
        assertThat(CharacteristicFields.flatten("broadband", FTTB)).containsExactly(new Field("technology", "fttb"));
        assertThat(CharacteristicFields.text("broadband", FTTB)).isEqualTo("technology: fttb");
    }

    @Test
    void aDynamicValueWithoutItsTypedEnvelopeIsReadToo() {
        assertThat(CharacteristicFields.flatten("broadband", "{\"type\":\"dynamic\",\"value\":{\"technology\":\"fw\"}}"))
                .containsExactly(new Field("technology", "fw"));
    }

    @Test
    void aPrimitiveIsNamedByItsCharacteristicAndNumbersKeepTheirText() {
        assertThat(CharacteristicFields.flatten("speed", "{\"type\":\"integer\",\"value\":{\"integer\":100,\"type\":\"integer\"}}"))
                .containsExactly(new Field("speed", "100"));
        assertThat(CharacteristicFields.flatten("price", "{\"type\":\"float\",\"value\":{\"float\":1.50,\"type\":\"float\"}}"))
                .containsExactly(new Field("price", "1.50"));
        assertThat(CharacteristicFields.flatten("managed", "{\"type\":\"string\",\"value\":{\"string\":\"managed\",\"type\":\"string\"}}"))
                .containsExactly(new Field("managed", "managed"));
    }

    @Test
    void nestedObjectsGiveDottedNamesArraysIndexedOnesAndNullReadsNull() {
        String json = "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.X\",\"value\":{\"speed\":{\"down\":100,\"up\":40},"
                + "\"tags\":[\"a\",\"b\"],\"note\":null,\"on\":true,\"empty\":[]}}}";
        assertThat(CharacteristicFields.flatten("x", json)).containsExactly(new Field("speed.down", "100"), new Field("speed.up", "40"),
                new Field("tags[0]", "a"), new Field("tags[1]", "b"), new Field("note", "null"), new Field("on", "true"), new Field("empty", "[]"));
    }

    @Test
    void textThatIsNotJsonIsOneFieldHoldingIt() {
        assertThat(CharacteristicFields.flatten("broadband", "{not json")).containsExactly(new Field("broadband", "{not json"));
        assertThat(CharacteristicFields.flatten("broadband", null)).isEmpty();
    }

    @Test
    void escapesAreRead() {
        assertThat(CharacteristicFields.flatten("n", "{\"type\":\"dynamic\",\"value\":{\"type\":\"E\",\"value\":{\"q\":\"a\\\"b\\u00e9\"}}}"))
                .containsExactly(new Field("q", "a\"bé"));
    }

    @Test
    void theDiffIsTheFieldsThatChanged() {
        assertThat(CharacteristicFields.diff("broadband", FTTB, FTTN)).containsExactly(new Change("technology", "fttb", "fttn"));
        assertThat(CharacteristicFields.diff("broadband", FTTB, FTTN).getFirst().text()).isEqualTo("technology: fttb → fttn");
        assertThat(CharacteristicFields.diff("broadband", FTTB, FTTB)).isEmpty();
    }

    @Test
    void aFieldAddedOrRemovedReadsNoneOnItsAbsentSide() {
        String two = "{\"type\":\"dynamic\",\"value\":{\"type\":\"E\",\"value\":{\"speed\":50,\"technology\":\"fttb\"}}}";
        assertThat(CharacteristicFields.diff("broadband", FTTB, two)).containsExactly(new Change("speed", null, "50"));
        assertThat(CharacteristicFields.diff("broadband", two, FTTN)).containsExactly(new Change("speed", "50", null), new Change("technology", "fttb", "fttn"));
        assertThat(new Change("speed", "50", null).text()).isEqualTo("speed: 50 → (none)");
    }
}
