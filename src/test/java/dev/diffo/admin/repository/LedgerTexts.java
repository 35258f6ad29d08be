package dev.diffo.admin.repository;

import java.util.List;
import org.neo4j.driver.Record;

/** For tests that look into a run's ledger nodes: a {@code :MigrationBatch}'s entries, in whichever form it was written. */
public final class LedgerTexts {

    /** The columns {@link #of} reads, for a batch node bound to {@code b}. */
    public static final String COLUMNS = "b.entries AS entries, b.entriesGzip AS entriesGzip";

    private LedgerTexts() {
    }

    /** The entries (canonical JSON, one per moved instance) of a row that has {@link #COLUMNS}. */
    public static List<String> of(Record batch) {
        return LedgerCodec.entries(batch.get("entries"), batch.get("entriesGzip"));
    }
}
