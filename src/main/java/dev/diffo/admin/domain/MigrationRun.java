package dev.diffo.admin.domain;

import java.time.ZonedDateTime;

/**
 * One recorded run (or undo) of a migration plan: the ledger's head node. {@code mapping} and
 * {@code perInstance} are the plan's remedies as canonical JSON; with {@code batchSize} and {@code nameFilter}
 * they let a resumed run go on exactly as it was started ({@code relabel} too: null when labels are kept).
 */
public record MigrationRun(String uuid, Kind kind, String undoOf, String rsp, String sourceUuid, String targetUuid,
                           String sourceVersion, String targetVersion, String mapping, Status status, long total, long migrated,
                           long excluded, long skipped, int batches, String actor, ZonedDateTime startedAt, ZonedDateTime finishedAt,
                           String error, int batchSize, String nameFilter, String perInstance, Relabel relabel) {

    public enum Kind { RUN, UNDO }

    public enum Status {
        RUNNING, PAUSED, INTERRUPTED, COMPLETED, UNDONE;

        public boolean resumable() {
            return this == RUNNING || this == PAUSED || this == INTERRUPTED;
        }
    }
}
