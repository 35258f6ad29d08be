package dev.diffo.admin.migration;

import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.ValueRewrite;
import dev.diffo.admin.repository.MigrationRepository;
import java.util.List;
import java.util.Map;

/**
 * The verify step: what is left of the RSP on the source, and why the run left the instances it did not move
 * (said in words by {@link MigrationText#describe(Verification)}), with the values the run rewrote (the first
 * {@link MigrationReport#VERIFY_ROWS}) for the verify table.
 */
public record Verification(MigrationRun run, long remaining, Map<String, Long> reasons, List<MigrationRepository.Left> sample,
                           List<ValueRewrite> rewrites) {

    public Verification {
        sample = List.copyOf(sample);
        rewrites = List.copyOf(rewrites);
    }

    /** A verification without the rewritten values (an undo's). */
    public Verification(MigrationRun run, long remaining, Map<String, Long> reasons, List<MigrationRepository.Left> sample) {
        this(run, remaining, reasons, sample, List.of());
    }
}
