package dev.diffo.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every kind of reference reads back from its key, whatever its ids and RSP hold (Neo4j element ids contain ':'). */
class GraphRefTest {

    static final String ELEMENT = "4:0f5b2c2e-4a5b-4c6d-8e7f-90a1b2c3d4e5:17";

    static Stream<GraphRef> everyKind() {
        GraphRef.Aggregate all = new GraphRef.Aggregate(ELEMENT, null);
        GraphRef.Aggregate acme = new GraphRef.Aggregate(ELEMENT, "acme");
        return Stream.of(
                new GraphRef.Specification(ELEMENT),
                new GraphRef.Instance(ELEMENT),
                new GraphRef.Run(ELEMENT),
                new GraphRef.Node(ELEMENT),
                all,
                acme,
                new GraphRef.Aggregate(ELEMENT, ""),
                new GraphRef.Aggregate(ELEMENT, "odd|rsp %7C:with separators"),
                new GraphRef.More(all, 50),
                new GraphRef.More(acme, 100),
                new GraphRef.More(new GraphRef.Aggregate("a|b", "c|d"), 7),
                new GraphRef.More(new GraphRef.Instance(ELEMENT), 0),
                new GraphRef.More(new GraphRef.Node("x|y"), 250));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyKindRoundTripsItsKey(GraphRef ref) {
        assertThat(GraphRef.parse(ref.key())).isEqualTo(ref);
    }

    @Test
    void keysAreDistinctAcrossKindsAndFilters() {
        List<String> keys = everyKind().map(GraphRef::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void moreOfAnAggregateKeepsItsRspFilter() {
        GraphRef.More more = new GraphRef.More(new GraphRef.Aggregate(ELEMENT, "acme"), 50);
        GraphRef read = GraphRef.parse(more.key());
        assertThat(read).isInstanceOfSatisfying(GraphRef.More.class, m -> {
            assertThat(m.offset()).isEqualTo(50);
            assertThat(m.parent()).isEqualTo(new GraphRef.Aggregate(ELEMENT, "acme"));
            assertThat(((GraphRef.Aggregate) m.parent()).rsp()).isEqualTo("acme");
        });
        assertThat(new GraphRef.More(new GraphRef.Aggregate(ELEMENT, null), 50)).isNotEqualTo(more);
    }

    @Test
    void onlyTheWholeAggregateSplitsByRsp() {
        assertThat(new GraphRef.Aggregate(ELEMENT, null).splitsByRsp()).isTrue();
        assertThat(new GraphRef.Aggregate(ELEMENT, "acme").splitsByRsp()).isFalse();
        assertThat(new GraphRef.Specification(ELEMENT).splitsByRsp()).isFalse();
        assertThat(new GraphRef.More(new GraphRef.Aggregate(ELEMENT, null), 1).splitsByRsp()).isFalse();
    }

    @Test
    void aKeyThatNamesNoReferenceIsRefused() {
        assertThatThrownBy(() -> GraphRef.parse("instances")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphRef.parse("more|x|node%7C1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphRef.parse("spec|1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphRef.More(new GraphRef.More(new GraphRef.Node("n"), 1), 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
