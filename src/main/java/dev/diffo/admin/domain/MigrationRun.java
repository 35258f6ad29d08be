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

    /** A run built by name: {@code MigrationRun.builder().uuid(…).kind(RUN)…build()}, or a copy changed in a few fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this run's fields, to change a few by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.uuid = uuid;
        b.kind = kind;
        b.undoOf = undoOf;
        b.rsp = rsp;
        b.sourceUuid = sourceUuid;
        b.targetUuid = targetUuid;
        b.sourceVersion = sourceVersion;
        b.targetVersion = targetVersion;
        b.mapping = mapping;
        b.status = status;
        b.total = total;
        b.migrated = migrated;
        b.excluded = excluded;
        b.skipped = skipped;
        b.batches = batches;
        b.actor = actor;
        b.startedAt = startedAt;
        b.finishedAt = finishedAt;
        b.error = error;
        b.batchSize = batchSize;
        b.nameFilter = nameFilter;
        b.perInstance = perInstance;
        b.relabel = relabel;
        return b;
    }

    /** Fills a run by name; what is not set is null, zero, or the default batch size. */
    public static final class Builder {
        private String uuid;
        private Kind kind;
        private String undoOf;
        private String rsp;
        private String sourceUuid;
        private String targetUuid;
        private String sourceVersion;
        private String targetVersion;
        private String mapping;
        private Status status;
        private long total;
        private long migrated;
        private long excluded;
        private long skipped;
        private int batches;
        private String actor;
        private ZonedDateTime startedAt;
        private ZonedDateTime finishedAt;
        private String error;
        private int batchSize = MigrationPlan.DEFAULT_BATCH_SIZE;
        private String nameFilter;
        private String perInstance;
        private Relabel relabel;

        public Builder uuid(String uuid) {
            this.uuid = uuid;
            return this;
        }

        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        public Builder undoOf(String undoOf) {
            this.undoOf = undoOf;
            return this;
        }

        public Builder rsp(String rsp) {
            this.rsp = rsp;
            return this;
        }

        public Builder sourceUuid(String sourceUuid) {
            this.sourceUuid = sourceUuid;
            return this;
        }

        public Builder targetUuid(String targetUuid) {
            this.targetUuid = targetUuid;
            return this;
        }

        public Builder sourceVersion(String sourceVersion) {
            this.sourceVersion = sourceVersion;
            return this;
        }

        public Builder targetVersion(String targetVersion) {
            this.targetVersion = targetVersion;
            return this;
        }

        public Builder mapping(String mapping) {
            this.mapping = mapping;
            return this;
        }

        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        public Builder total(long total) {
            this.total = total;
            return this;
        }

        public Builder migrated(long migrated) {
            this.migrated = migrated;
            return this;
        }

        public Builder excluded(long excluded) {
            this.excluded = excluded;
            return this;
        }

        public Builder skipped(long skipped) {
            this.skipped = skipped;
            return this;
        }

        public Builder batches(int batches) {
            this.batches = batches;
            return this;
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder startedAt(ZonedDateTime startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder finishedAt(ZonedDateTime finishedAt) {
            this.finishedAt = finishedAt;
            return this;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder nameFilter(String nameFilter) {
            this.nameFilter = nameFilter;
            return this;
        }

        public Builder perInstance(String perInstance) {
            this.perInstance = perInstance;
            return this;
        }

        public Builder relabel(Relabel relabel) {
            this.relabel = relabel;
            return this;
        }

        public MigrationRun build() {
            return new MigrationRun(uuid, kind, undoOf, rsp, sourceUuid, targetUuid, sourceVersion, targetVersion, mapping, status, total, migrated, excluded, skipped, batches, actor, startedAt, finishedAt, error, batchSize, nameFilter, perInstance, relabel);
        }
    }
}
