package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link StoreOrder#of}: the selection back in the store's order, and nothing lost or added. */
class SelectionOrderTest {

    @Test
    void elementIdsAreOrderedByTheNumberTheyEndWithNotAsText() {
        assertThat(StoreOrder.of(List.of("4:db:10", "4:db:9", "4:db:100", "4:db:0", "4:db:11")))
                .containsExactly("4:db:0", "4:db:9", "4:db:10", "4:db:11", "4:db:100");
    }

    @Test
    void idsThatDoNotEndWithANumberAreLeftAsTheyCame() {
        List<String> ids = List.of("4:db:10", "4:db:x9", "4:db:2");
        assertThat(StoreOrder.of(ids)).isSameAs(ids);
        List<String> noColon = List.of("12", "3");
        assertThat(StoreOrder.of(noColon)).isSameAs(noColon);
        assertThat(StoreOrder.of(List.of())).isEmpty();
    }
}
