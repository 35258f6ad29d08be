package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.Relabel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

/** A batch's ledger JSON, written and read in one place: what a batch wrote, the undo and the CSV read back. */
class LedgerCodecTest {

    static final String MOVED = "{\"chars\":[{\"id\":\"4:c:7\",\"updatedAt\":\"2026-01-02T03:04:05Z[Etc/UTC]\","
            + "\"value\":\"{\\\"technology\\\":\\\"fttb\\\"}\"}],\"id\":\"4:i:1\",\"relabel\":{\"add\":[\"BroadbandV2\"],\"remove\":[\"Broadband\"]},"
            + "\"updatedAt\":\"2026-01-01T00:00Z[Etc/UTC]\",\"uuid\":\"u-1\"}";

    @Test
    void anEntryIsWrittenAsCanonicalJsonInTheLedgersFormat() {
        var entry = new LedgerCodec.Entry("4:i:1", "u-1", "2026-01-01T00:00Z[Etc/UTC]",
                List.of(new LedgerCodec.PriorValue("4:c:7", "{\"technology\":\"fttb\"}", "2026-01-02T03:04:05Z[Etc/UTC]")), null)
                .relabelled(new Relabel(List.of("Broadband"), List.of("BroadbandV2")));

        assertThat(LedgerCodec.write(entry)).isEqualTo(MOVED);
        assertThat(LedgerCodec.read(MOVED)).isEqualTo(entry);
    }

    @Test
    void absentFieldsReadAsNullNotAsEmptyText() {
        var entry = new LedgerCodec.Entry("4:i:2", "u-2", null, List.of(new LedgerCodec.PriorValue("4:c:8", null, null)), null);

        String json = LedgerCodec.write(entry);

        assertThat(json).isEqualTo("{\"chars\":[{\"id\":\"4:c:8\"}],\"id\":\"4:i:2\",\"uuid\":\"u-2\"}");
        assertThat(LedgerCodec.read(json)).isEqualTo(entry);
    }

    @Test
    void anInstanceLeftOnTheSourceKeepsItsReason() {
        var left = new MigrationRepository.Left("u-3", "acme-3", "excluded", "broadband.technology=fttb is excluded by the plan");
        var gone = new MigrationRepository.Left(null, null, "skipped", "2 instance(s) no longer exist");

        assertThat(LedgerCodec.readLeft(LedgerCodec.write(left))).isEqualTo(left);
        assertThat(LedgerCodec.write(gone)).isEqualTo("{\"outcome\":\"skipped\",\"reason\":\"2 instance(s) no longer exist\"}");
        assertThat(LedgerCodec.readLeft(LedgerCodec.write(gone))).isEqualTo(gone);
    }

    @Test
    void theDirectWriterWritesTheSameBytesAsCanonicalJson() {
        for (LedgerCodec.Entry entry : ENTRIES) {
            assertThat(LedgerCodec.write(entry)).isEqualTo(LedgerCodec.canonical(entry));
            assertThat(LedgerCodec.read(LedgerCodec.write(entry))).isEqualTo(entry);
        }
    }

    @Test
    void aBatchsEntriesPackedReadBackTextForTextWhateverTheyHold() {
        List<String> texts = ENTRIES.stream().map(LedgerCodec::write).toList();

        byte[] packed = LedgerCodec.pack(texts);

        assertThat(packed).startsWith(0x1f, 0x8b); // gzip: any tool reads it
        assertThat(LedgerCodec.unpack(packed)).containsExactlyElementsOf(texts);
        assertThat(LedgerCodec.unpack(LedgerCodec.pack(List.of()))).isEmpty();
        assertThat(LedgerCodec.unpack(LedgerCodec.pack(List.of(MOVED)))).containsExactly(MOVED);
    }

    @Test
    void aLedgerNodeIsReadInTheFormItWasWrittenIn() {
        List<String> texts = ENTRIES.stream().map(LedgerCodec::write).toList();

        assertThat(LedgerCodec.entries(Values.NULL, Values.value(LedgerCodec.pack(texts)))).as("packed (since the packed form)")
                .containsExactlyElementsOf(texts);
        assertThat(LedgerCodec.entries(Values.value(texts), Values.NULL)).as("a list of texts (batches written before it)")
                .containsExactlyElementsOf(texts);
        assertThat(LedgerCodec.entries(Values.NULL, Values.NULL)).as("neither: a batch that moved nothing").isEmpty();
    }

    @Test
    void aPackedLedgerThatIsNotGzipIsRefusedWithWhatWentWrong() {
        assertThatThrownBy(() -> LedgerCodec.unpack("not gzip".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageContaining("ledger entries could not be read back");
    }

    private static final List<LedgerCodec.Entry> ENTRIES = List.of(
                new LedgerCodec.Entry("4:db:1", "u-1", "2026-01-01T00:00Z[Etc/UTC]", List.of(), null),
                new LedgerCodec.Entry(null, null, null, List.of(new LedgerCodec.PriorValue(null, null, null)), null),
                new LedgerCodec.Entry("4:db:2", "u-2", null, List.of(new LedgerCodec.PriorValue("4:db:3", "{\"a\":\"q\\\"uote\\\\back\"}", null),
                        new LedgerCodec.PriorValue("4:db:4", "ünïcödé ✓ / \u2028 \u007f 𝄞", "2026-02-03T04:05:06.789Z[Etc/UTC]")), null),
                new LedgerCodec.Entry("4:db:5", "u-5", "t", List.of(), new Relabel(List.of("Broadband"), List.of("BroadbandV2", "Fibre"))),
                new LedgerCodec.Entry("4:db:6", "u-6", "t", List.of(new LedgerCodec.PriorValue("4:db:7", "line\nbreak\ttab\u0001", "t")),
                        new Relabel(List.of("A", "B"), List.of("C"))),
                new LedgerCodec.Entry("4:db:8", "u-8", "t", List.of(new LedgerCodec.PriorValue("4:db:9", "{\"technology\":\"fttb\"}", "t", "broadband",
                        "{\"technology\":\"fttn\"}")), new Relabel(List.of("A"), List.of("B")), "acme-broadband-001"),
                new LedgerCodec.Entry("4:db:10", "u-10", "t", List.of(new LedgerCodec.PriorValue("4:db:11", "v", "t", "na\u0002me", null)), null, "n"));
}
