package dev.diffo.admin.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndDropsNulls() {
        String written = CanonicalJson.write(CanonicalJson.read(
                "{\"value\":{\"value\":{\"technology\":\"fttb\",\"speed\":null},\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\"},\"type\":\"dynamic\"}"));

        assertThat(written).isEqualTo("{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"fttb\"}}}");
    }

    @Test
    void keepsArrayOrder() {
        assertThat(CanonicalJson.write(CanonicalJson.read("{\"b\":[3,1,{\"z\":1,\"a\":2}],\"a\":true}")))
                .isEqualTo("{\"a\":true,\"b\":[3,1,{\"a\":2,\"z\":1}]}");
    }
}
