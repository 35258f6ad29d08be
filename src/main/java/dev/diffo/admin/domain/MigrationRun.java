package dev.diffo.admin.domain;

import java.time.ZonedDateTime;

/** One recorded run (or undo) of a migration plan: the ledger's head node. */
public record MigrationRun(String uuid, Kind kind, String undoOf, String rsp, String sourceUuid, String targetUuid,
                           String sourceVersion, String targetVersion, String mapping, Status status, long total, long migrated,
                           long excluded, long skipped, int batches, String actor, ZonedDateTime startedAt, ZonedDateTime finishedAt,
                           String error) {

    public enum Kind { RUN, UNDO }

    public enum Status {
        RUNNING, PAUSED, INTERRUPTED, COMPLETED, UNDONE;

        public boolean resumable() {
            return this == RUNNING || this == PAUSED || this == INTERRUPTED;
        }
    }
}
