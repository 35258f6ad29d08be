package dev.diffo.admin.repository;

/** The Cypher of the versioning repository: our rule, status and event nodes beside diffo's specification nodes. */
final class VersioningCypher {

    private VersioningCypher() {
    }

    static final String RULES = """
            MATCH (:Specification {uuid: $uuid})-[:ALLOWS]->(r:CharacteristicRule)
            RETURN r ORDER BY r.characteristic, coalesce(r.field, '')
            """;

    /** Setting and removing a property takes the node's write lock; what is read after it is current. */
    static final String LOCK = """
            MATCH (s:Specification {uuid: $uuid})
            SET s.diffoAdminLock = true
            REMOVE s.diffoAdminLock
            RETURN s.updatedAt AS updatedAt
            """;

    static final String PATCH = """
            MATCH (s:Specification {uuid: $uuid})
            SET s.patchVersion = coalesce(s.patchVersion, 0) + 1, s.updatedAt = $now
            SET s.description = CASE WHEN $description IS NULL THEN s.description WHEN trim($description) = '' THEN null ELSE $description END
            SET s.category = CASE WHEN $category IS NULL THEN s.category WHEN trim($category) = '' THEN null ELSE $category END
            """;

    static final String MINOR = """
            MATCH (s:Specification {uuid: $uuid})
            SET s.minorVersion = coalesce(s.minorVersion, 0) + 1, s.patchVersion = 0, s.updatedAt = $now
            """;

    static final String DELETE_RULES = """
            MATCH (:Specification {uuid: $uuid})-[:ALLOWS]->(r:CharacteristicRule)
            DETACH DELETE r
            """;

    static final String CREATE_RULES = """
            MATCH (s:Specification {uuid: $uuid})
            UNWIND $rules AS rule
            CREATE (s)-[:ALLOWS]->(:DiffoAdmin:CharacteristicRule {
              characteristic: rule.characteristic, field: rule.field, valueType: rule.valueType,
              allowedValues: rule.allowedValues, required: rule.required})
            """;

    static final String SET_STATUS = """
            MATCH (s:Specification {uuid: $uuid})
            MERGE (s)-[:HAS_STATUS]->(st:DiffoAdmin:SpecificationStatus)
            SET st.status = $status, st.since = $now, st.by = $actor
            """;

    static final String RECORD_EVENT = """
            MATCH (s:Specification {uuid: $uuid})
            CREATE (e:DiffoAdmin:VersionEvent {
              uuid: $eventUuid, specificationName: s.name, specificationUuid: s.uuid, majorVersion: s.majorVersion,
              action: $action, fromVersion: $fromVersion,
              toVersion: 'v' + toString(s.majorVersion) + '.' + toString(coalesce(s.minorVersion, 0)) + '.' + toString(coalesce(s.patchVersion, 0)),
              before: $before, after: $after, actor: $actor, reason: $reason, at: $now})
            CREATE (e)-[:CHANGED]->(s)
            """;

    static final String FIND_IDENTITY = """
            OPTIONAL MATCH (byIdentity:Specification {name: $name, majorVersion: $majorVersion})
            OPTIONAL MATCH (byUuid:Specification {uuid: $uuid})
            RETURN collect(DISTINCT byIdentity.uuid) AS identityUuids,
                   collect(DISTINCT byUuid.name + ' major ' + toString(byUuid.majorVersion)) AS uuidOwners
            """;

    static final String CREATE_SPECIFICATION = """
            CREATE (s:Provider:Specification {
              uuid: $uuid, type: $type, name: $name, majorVersion: $majorVersion, minorVersion: $minorVersion, patchVersion: $patchVersion,
              tmfVersion: 4, createdAt: $now, updatedAt: $now})
            SET s.description = $description, s.category = $category
            """;

    static final String FIND_BY_IDENTITY = """
            MATCH (s:Specification {name: $name, majorVersion: $majorVersion})
            RETURN %s
            LIMIT 1
            """.formatted(DiffoShape.SPECIFICATION_COLUMNS);

    /** Only the fields given; rules are never touched here. */
    static final String UPDATE_FIELDS = """
            MATCH (s:Specification {uuid: $uuid})
            SET s.type = coalesce($type, s.type), s.description = coalesce($description, s.description),
                s.category = coalesce($category, s.category), s.updatedAt = $now
            """;

    static final String LATEST_MAJOR = """
            MATCH (s:Specification {name: $name})
            RETURN %s
            ORDER BY s.majorVersion DESC LIMIT 1
            """.formatted(DiffoShape.SPECIFICATION_COLUMNS);

    static final String DELETE_SPECIFICATION = """
            MATCH (s:Specification {uuid: $uuid})
            WHERE NOT EXISTS { (s)<-[:SPECIFIED_BY]-() }
            OPTIONAL MATCH (s)-[:ALLOWS|HAS_STATUS]->(own:DiffoAdmin)
            DETACH DELETE own
            WITH DISTINCT s
            DETACH DELETE s
            """;

    static final String RECORD_DELETION = """
            CREATE (:DiffoAdmin:VersionEvent {
              uuid: $eventUuid, specificationName: $name, specificationUuid: $uuid, majorVersion: $majorVersion,
              action: 'DELETED', fromVersion: $version, toVersion: $version, before: $before, actor: $actor, reason: $reason, at: $now})
            """;

    static final String HISTORY = """
            MATCH (e:VersionEvent {specificationName: $name})
            RETURN e ORDER BY e.at, e.majorVersion, e.uuid
            """;

    static final String MAJORS = """
            MATCH (s:Specification {name: $name})
            RETURN %s
            ORDER BY s.majorVersion
            """.formatted(DiffoShape.SPECIFICATION_COLUMNS);
}
