// diffo-admin's own schema, step 2: what the instances table reads fast at millions of instances.
// Indexes on diffo's labels change nothing diffo reads or writes (no property is added to diffo's nodes); the
// kept counts are nodes of our own (:DiffoAdmin, never :Provider). Index creation returns at once: the database
// populates them in the background (SHOW INDEXES YIELD state, populationPercent), and a screen uses the slower
// way until they are ONLINE. Applied when a user who may write connects (the window, in the background; the
// instances commands), or before the first migration, whichever comes first.

// Pages in each order the table offers, read in index order and stopped once full: the sort key, then the id
// (ties broken by id, keyset paging on the pair).
CREATE RANGE INDEX diffo_admin_instance_uuid IF NOT EXISTS FOR (i:Instance) ON (i.uuid);
CREATE RANGE INDEX diffo_admin_instance_name_uuid IF NOT EXISTS FOR (i:Instance) ON (i.name, i.uuid);
CREATE RANGE INDEX diffo_admin_instance_state_uuid IF NOT EXISTS FOR (i:Instance) ON (i.state, i.uuid);
CREATE RANGE INDEX diffo_admin_instance_created_uuid IF NOT EXISTS FOR (i:Instance) ON (i.createdAt, i.uuid);

// The single-property name index of earlier versions (created on a first read): the composite one above serves.
DROP INDEX diffo_admin_instance_name IF EXISTS;

// Kept counts: one node per (specification, RSP, characteristic value), found by key and by specification.
CREATE CONSTRAINT diffo_admin_instance_count_key IF NOT EXISTS
FOR (k:InstanceCount) REQUIRE k.key IS UNIQUE;
CREATE RANGE INDEX diffo_admin_instance_count_spec IF NOT EXISTS FOR (k:InstanceCount) ON (k.spec);
CREATE CONSTRAINT diffo_admin_instance_count_set_spec IF NOT EXISTS
FOR (s:InstanceCountSet) REQUIRE s.spec IS UNIQUE
