// diffo-admin's own schema, step 3: the instances table's "name contains" filter at millions of instances.
// A TEXT index of our own on :Instance(name) (changes nothing diffo reads or writes) answers CONTAINS from the index:
// the filter, which ignores case, seeks every case spelling of a few letters of the text and checks the whole text on
// what it finds (Neo4jInstanceRepository). Populated in the background like step 2; until it is ONLINE the filter
// reads the slower way and says so. Applied with step 2 (a store built by an earlier version gets it on connect).
CREATE TEXT INDEX diffo_admin_instance_name_text IF NOT EXISTS FOR (i:Instance) ON (i.name)
