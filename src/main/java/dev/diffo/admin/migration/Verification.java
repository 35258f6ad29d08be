package dev.diffo.admin.migration;

import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.repository.MigrationRepository;
import java.util.List;
import java.util.Map;

/**
 * The verify step: what is left of the RSP on the source, and why the run left the instances it did not move
 * (said in words by {@link MigrationText#describe(Verification)}).
 */
public record Verification(MigrationRun run, long remaining, Map<String, Long> reasons, List<MigrationRepository.Left> sample) {
}
