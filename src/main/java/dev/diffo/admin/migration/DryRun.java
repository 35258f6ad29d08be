package dev.diffo.admin.migration;

import dev.diffo.admin.domain.ValueRewrite;
import dev.diffo.admin.repository.MigrationRepository;
import java.util.List;

/**
 * What a dry run would do; nothing was written. {@code rewrites} are the values it would rewrite and {@code left} the
 * instances it would leave on the source with the reason (each up to {@link #ROWS_SHOWN}): the dry run's table.
 */
public record DryRun(long selected, long wouldMigrate, long wouldExclude, long skipped, long wouldRelabel, List<ValueRewrite> rewrites,
                     List<MigrationRepository.Left> left, long examined) {

    /** How many rewrites, and how many instances left, a dry run names one by one. */
    public static final int ROWS_SHOWN = 1_000;

    public DryRun {
        rewrites = List.copyOf(rewrites);
        left = List.copyOf(left);
    }

    /** Whether it was stopped before the end: the counts are those of the {@code examined} instances. */
    public boolean stopped() {
        return examined < selected;
    }
}
