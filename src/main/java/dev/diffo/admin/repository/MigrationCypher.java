package dev.diffo.admin.repository;

/**
 * The migration's Cypher, in one holder for {@link Neo4jMigrationRepository} and {@link MigrationBatches}: the
 * selection and its survey, a batch's steps (lock, rewrite, respecify, relabel, record), its undo, and the ledger
 * of runs and batches ({@code :DiffoAdmin:MigrationRun}, {@code :DiffoAdmin:MigrationBatch}). All parameterised.
 */
final class MigrationCypher {

    private MigrationCypher() {
    }

    /** The RSP's instances on the source, optionally only those whose name contains {@code $name} (any case). */
    static final String SELECTED = DiffoShape.INSTANCES_OF_RSP + """
            WITH i WHERE $name IS NULL OR toLower(i.name) CONTAINS toLower($name)
            """;

    /**
     * The selection's element ids in ten lists (by the last digit of the element id, which reads no property) rather than
     * a row each: a million rows cost Bolt and the driver more than the ids themselves. The repository puts them back in
     * the store's order.
     */
    static final String SELECTION = SELECTED + """
            WITH elementId(i) AS id
            WITH right(id, 1) AS part, collect(id) AS ids
            RETURN part, ids
            ORDER BY part
            """;

    static final String SELECTION_COUNT = SELECTED + """
            RETURN count(i) AS n
            """;

    /** A page of the selected instances that carry one of {@code $values} (stored name and value), by name. */
    static final String CARRYING = SELECTED + """
            WITH i WHERE i.name > $after AND ($contains IS NULL OR toLower(i.name) CONTAINS toLower($contains))
              AND EXISTS { MATCH (i)-[:HAS]->(c:Characteristic) WHERE [c.name, c.value] IN $values }
            RETURN i.uuid AS uuid, i.name AS name
            ORDER BY name
            LIMIT $limit
            """;

    static final String VALUE_COUNTS = SELECTED + """
            MATCH (i)-[:HAS]->(c:Characteristic)
            RETURN c.name AS name, c.value AS value, count(*) AS instances
            ORDER BY instances DESC
            """;

    /**
     * The kept counts of RSP {@code $rsp} on {@code $source}, when kept by {@code $rspRole}, every characteristic kept by
     * value and the RSP totals adding up to the source's degree; the RSP as the selection finds it: a party key exactly
     * where a party has it, else a name prefix in any case.
     */
    static final String KEPT_VALUES = """
            MATCH (s:Specification {uuid: $source})
            MATCH (set:DiffoAdmin:InstanceCountSet {spec: $source})
            WHERE set.rspRole = $rspRole AND size(coalesce(set.unkept, [])) = 0
            WITH s, set, EXISTS { MATCH (:Party {key: $rsp}) } AS byParty
            """ + KeptCounts.TOTALS_ADD_UP + """
            CALL (set, byParty) {
              MATCH (k:DiffoAdmin:InstanceCount {spec: $source})
              WHERE CASE WHEN byParty THEN k.rspBy = 'party' AND k.rsp = $rsp ELSE k.rspBy <> 'party' AND toLower(k.rsp) = toLower($rsp) END
              RETURN sum(CASE WHEN k.characteristic IS NULL THEN k.n ELSE 0 END) AS instances,
                     collect(CASE WHEN k.characteristic IS NOT NULL THEN {name: k.characteristic, value: k.value, n: k.n} END) AS values
            }
            RETURN set.countedAt AS countedAt, instances, values
            """;

    /**
     * A characteristic whose stored value is not known to be left alone ({@code $unaffected}: characteristic name → its
     * values left alone): the decision reads it in full. A lookup by name, not a search of [name, value] pairs: in the
     * lock step's read of 10,000 instances it is evaluated twice per characteristic.
     */
    private static final String NEEDS_READING = "c.name IS NULL OR c.value IS NULL OR NOT coalesce(c.value IN $unaffected[c.name], false)";

    /**
     * Takes the instance's write lock and changes nothing: each label it sets is already there (Neo4j locks the node
     * before it looks), so no record, no transaction state and no index is touched, where a property set and removed
     * again cost the lock step a third of its time (10,000 instances: 150 ms against 100 ms without it). An instance
     * without a label (diffo never writes one) is locked by the property pair instead.
     */
    static final String LOCK_INSTANCE = """
            SET i:$(labels(i))
            FOREACH (unlabelled IN CASE WHEN size(labels(i)) = 0 THEN [1] ELSE [] END | SET i.diffoAdminLock = true REMOVE i.diffoAdminLock)
            """;

    /**
     * Locks each instance first, then keeps only those still on the source and still of the run's RSP ({@code $rsp}
     * by role {@code $rspRole}, the rule of {@link DiffoShape#rspOf}: a service that churned to another RSP since the
     * selection is never moved). Of its characteristics only those whose stored value is not known to be left alone
     * are read in full ({@code id} set); with {@code $tally} (counts kept by that role) the others come too, name and
     * value only, so that the batch's kept counts are tallied from this one read.
     */
    static final String LOCK_BATCH = """
            MATCH (src:Specification {uuid: $source})
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
            """ + LOCK_INSTANCE + """
            WITH src, i, EXISTS { (i)-[:SPECIFIED_BY]->(src) } AS onSource
            """ + DiffoShape.rspOf(", onSource", "i.name") + """
            WITH i, onSource, rsp, rspBy, %1$s AS ofRsp
            RETURN elementId(i) AS id, i.uuid AS uuid, i.name AS name, i.updatedAt AS updatedAt, onSource, ofRsp, rsp, rspBy,
                   CASE WHEN onSource AND ofRsp THEN [(i)-[:HAS]->(c:Characteristic)
                            WHERE $tally OR %2$s
                            | CASE WHEN %2$s
                                   THEN {id: elementId(c), name: c.name, value: c.value, updatedAt: c.updatedAt}
                                   ELSE {name: c.name, value: c.value} END] ELSE [] END AS chars
            """.formatted(DiffoShape.IS_RSP, NEEDS_READING);

    static final String RESPECIFY = """
            MATCH (src:Specification {uuid: $source}), (dst:Specification {uuid: $target})
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
            MATCH (i)-[r:SPECIFIED_BY]->(src)
            DELETE r
            CREATE (i)-[:SPECIFIED_BY]->(dst)
            SET i.updatedAt = $now
            """;

    /** Swaps consumer-module labels on the moved instances that carry all labels to remove and none to add; returns those. */
    static final String RELABEL = """
            UNWIND $ids AS id
            MATCH (i) WHERE elementId(i) = id
              AND all(l IN $remove WHERE l IN labels(i)) AND none(l IN $add WHERE l IN labels(i))
            REMOVE i:$($remove)
            SET i:$($add)
            RETURN elementId(i) AS id
            """;

    /** Undoes a relabel on the instances the ledger says were relabelled. */
    static final String RESTORE_LABELS = """
            UNWIND $relabels AS r
            MATCH (i) WHERE elementId(i) = r.id
            REMOVE i:$(r.add)
            SET i:$(r.remove)
            """;

    static final String REWRITE_VALUES = """
            UNWIND $updates AS u
            MATCH (c) WHERE elementId(c) = u.id
            SET c.value = u.value, c.updatedAt = $now
            """;

    /**
     * The batch's ledger entry, written last: the run node's lock is taken only here, for the commit, so that
     * batches can run side by side; a run taken over by another process refuses the entry (and the batch).
     */
    static final String RECORD_BATCH = """
            MATCH (run:MigrationRun {uuid: $run})
            SET run.diffoAdminLock = true
            REMOVE run.diffoAdminLock
            WITH run WHERE run.owner = $owner
            CREATE (run)-[:HAS_BATCH]->(:DiffoAdmin:MigrationBatch {
              index: $index, at: $now, entriesGzip: $entriesGzip, left: $left, migrated: $migrated, excluded: $excluded, skipped: $skipped})
            SET run.migrated = run.migrated + $migrated, run.excluded = run.excluded + $excluded,
                run.skipped = run.skipped + $skipped, run.batches = run.batches + 1, run.heartbeat = $now
            RETURN run.uuid AS recorded
            """;

    /**
     * A batch's writes in one round trip, in this order: {@link #REWRITE_VALUES}, {@link #RESPECIFY}, then
     * {@link #RECORD_BATCH} (which returns no row, and so refuses the batch, when the run was taken over).
     */
    static final String WRITE_BATCH = "CALL () {\n" + REWRITE_VALUES + "}\nCALL () {\n" + RESPECIFY + "}\n" + RECORD_BATCH;

    static final String LOCK_RUN = """
            MATCH (run:MigrationRun {uuid: $run})
            SET run.diffoAdminLock = true
            REMOVE run.diffoAdminLock
            RETURN run
            """;

    /**
     * With the constraint {@code diffo_admin_migration_lock_key} (schema step V0001) two transactions MERGing the same
     * key are serialised: the second waits for the first to commit, then matches its lock and sees its run.
     */
    static final String LOCK_KEY = """
            MERGE (l:DiffoAdmin:MigrationLock {key: $key})
            SET l.touchedAt = $now
            """;

    static final String UNFINISHED = """
            MATCH (other:MigrationRun {lockKey: $key})
            WHERE other.status IN ['RUNNING', 'PAUSED', 'INTERRUPTED']
            RETURN other
            """;

    static final String SPEC_VERSIONS = """
            MATCH (src:Specification {uuid: $source}), (dst:Specification {uuid: $target})
            RETURN 'v' + toString(src.majorVersion) + '.' + toString(coalesce(src.minorVersion, 0)) + '.' + toString(coalesce(src.patchVersion, 0)) AS sourceVersion,
                   'v' + toString(dst.majorVersion) + '.' + toString(coalesce(dst.minorVersion, 0)) + '.' + toString(coalesce(dst.patchVersion, 0)) AS targetVersion
            """;

    /** An undo of the run, whatever its state: a run that is (being) undone is not resumed. */
    static final String UNDO_OF = """
            MATCH (undo:MigrationRun {undoOf: $run})
            RETURN undo.uuid AS undo, undo.status AS status
            LIMIT 1
            """;

    static final String CREATE_RUN = """
            CREATE (run:DiffoAdmin:MigrationRun {
              uuid: $uuid, kind: $kind, undoOf: $undoOf, lockKey: $key, rsp: $rsp, source: $source, target: $target,
              sourceVersion: $sourceVersion, targetVersion: $targetVersion, mapping: $mapping, excludedValues: $excludedValues,
              batchSize: $batchSize, nameFilter: $nameFilter, perInstance: $perInstance, relabelRemove: $relabelRemove, relabelAdd: $relabelAdd,
              status: 'RUNNING', total: $total, migrated: 0, excluded: 0, skipped: 0, batches: 0,
              actor: $actor, owner: $owner, heartbeat: $now, startedAt: $now})
            RETURN run
            """;

    static final String UNDO_ENTRIES = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch {index: $index})
            WHERE b.undoneAt IS NULL
            RETURN b.entries AS entries, b.entriesGzip AS entriesGzip
            """;

    /**
     * Moves the ledger's instances back, each locked first; one no longer on the run's target, or no longer of the run's
     * RSP ({@code $rsp} by role {@code $rspRole}: it churned to another RSP since), is left where it is.
     */
    static final String MOVE_BACK = """
            MATCH (src:Specification {uuid: $source}), (dst:Specification {uuid: $target})
            UNWIND $entries AS e
            MATCH (i) WHERE elementId(i) = e.id
            """ + LOCK_INSTANCE + """
            WITH src, dst, i, e
            """ + DiffoShape.rspOf(", src, dst, e", "i.name") + """
            WITH src, dst, i, e WHERE %s
            MATCH (i)-[r:SPECIFIED_BY]->(dst)
            DELETE r
            CREATE (i)-[:SPECIFIED_BY]->(src)
            SET i.updatedAt = e.updatedAt
            RETURN e.id AS id
            """.formatted(DiffoShape.IS_RSP);

    static final String RESTORE_VALUES = """
            UNWIND $restores AS ch
            MATCH (c) WHERE elementId(c) = ch.id
            SET c.value = ch.value, c.updatedAt = ch.updatedAt
            """;

    static final String MARK_UNDONE = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch {index: $index})
            SET b.undoneAt = $now, b.undoneBy = $undo
            WITH count(b) AS marked
            MATCH (undo:MigrationRun {uuid: $undo})
            SET undo.migrated = undo.migrated + $moved, undo.skipped = undo.skipped + $skipped, undo.batches = undo.batches + 1,
                undo.heartbeat = $now
            """;

    static final String NEXT_INDEX = """
            MATCH (run:MigrationRun {uuid: $run})
            OPTIONAL MATCH (run)-[:HAS_BATCH]->(b)
            RETURN coalesce(max(b.index) + 1, 0) AS next
            """;

    static final String UNDOABLE = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch)
            WHERE b.undoneAt IS NULL
            RETURN b.index AS index ORDER BY index DESC
            """;

    static final String TAKE_OVER = """
            MATCH (run:MigrationRun {uuid: $run})
            SET run.owner = $owner, run.status = 'RUNNING', run.heartbeat = $now, run.error = null
            RETURN run
            """;

    static final String LEFT = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch)
            WHERE b.left IS NOT NULL
            RETURN b.left AS left
            ORDER BY b.index
            """;

    static final String LEDGER = """
            MATCH (:MigrationRun {uuid: $run})-[:HAS_BATCH]->(b:MigrationBatch)
            RETURN b.index AS index, b.entries AS entries, b.entriesGzip AS entriesGzip, b.undoneAt IS NOT NULL AS undone
            ORDER BY index
            """;

    static final String FINISH = """
            MATCH (run:MigrationRun {uuid: $run})
            SET run.status = $status, run.finishedAt = CASE WHEN $status IN ['COMPLETED', 'UNDONE'] THEN $now ELSE null END,
                run.error = $error, run.owner = null, run.heartbeat = $now
            RETURN run
            """;

    static final String RUN = """
            MATCH (run:MigrationRun {uuid: $run}) RETURN run
            """;

    static final String RUNS = """
            MATCH (run:MigrationRun)
            WHERE run.source = $spec OR run.target = $spec
            RETURN run ORDER BY run.startedAt DESC
            """;
}
