// diffo-admin's own schema, step 1. Only labels of our own (every node we write carries :DiffoAdmin);
// never a constraint on a label diffo writes (Specification, Instance, Characteristic, Party, ...).
// Statements are separated by ';' and each runs in its own transaction (Neo4j does not mix schema and data
// writes in one). Every statement is idempotent: a second application changes nothing.

// Older databases may hold duplicate migration locks (the lock was MERGEd without a constraint): keep one per key.
MATCH (l:DiffoAdmin:MigrationLock)
WITH l.key AS key, collect(l) AS locks
WHERE size(locks) > 1
UNWIND tail(locks) AS extra
DETACH DELETE extra;

// The overlap guard: one lock node per (source specification, RSP); MERGE on it is then atomic.
CREATE CONSTRAINT diffo_admin_migration_lock_key IF NOT EXISTS
FOR (l:MigrationLock) REQUIRE l.key IS UNIQUE;

// Migration runs (and undo runs) are named by their uuid: `migrate resume RUN`.
CREATE CONSTRAINT diffo_admin_migration_run_uuid IF NOT EXISTS
FOR (r:MigrationRun) REQUIRE r.uuid IS UNIQUE;

// The versioning record (created, minor, major, frozen, withdrawn, deleted events) is keyed by uuid.
CREATE CONSTRAINT diffo_admin_version_event_uuid IF NOT EXISTS
FOR (e:VersionEvent) REQUIRE e.uuid IS UNIQUE;

// The record of which step of this schema is applied.
CREATE CONSTRAINT diffo_admin_schema_version_key IF NOT EXISTS
FOR (v:SchemaVersion) REQUIRE v.key IS UNIQUE
