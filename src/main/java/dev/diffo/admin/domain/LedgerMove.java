package dev.diffo.admin.domain;

import java.time.ZonedDateTime;

/**
 * One batch of a migration run as the ledger records it: {@code migrated} instances moved from specification
 * {@code sourceUuid} to {@code targetUuid} at {@code at}; {@code undoneAt} is when an undo moved them back (null while
 * it stands).
 */
public record LedgerMove(String sourceUuid, String targetUuid, ZonedDateTime at, long migrated, ZonedDateTime undoneAt) {
}
