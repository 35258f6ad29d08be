package dev.diffo.admin.migration;

import java.util.List;

/** What a dry run would do; nothing was written. */
public record DryRun(long selected, long wouldMigrate, long wouldExclude, long skipped, long wouldRelabel, List<String> sampleBefore,
                     List<String> sampleAfter, long examined) {
    /** Whether it was stopped before the end: the counts are those of the {@code examined} instances. */
    public boolean stopped() {
        return examined < selected;
    }
}
