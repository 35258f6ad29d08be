package dev.diffo.admin.repository;

import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.Scenario;
import dev.diffo.admin.domain.Scenario.CharacteristicDraft;
import dev.diffo.admin.domain.Scenario.InstanceDraft;
import dev.diffo.admin.domain.Scenario.SpecificationDraft;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Writes specifications and instances exactly as diffo would (labels, camelCase properties, {@code uuid}
 * key, zone-id DATETIMEs, JSON characteristic values), matching existing nodes by diffo's identities so that
 * loading twice creates nothing new. The whole scenario is one transaction.
 */
@Singleton
public class Neo4jScenarioRepository implements ScenarioRepository {

    static final String CREATE_SPECIFICATION = """
            CREATE (s:Provider:Specification {
              uuid: $uuid, type: $type, name: $name,
              majorVersion: $majorVersion, minorVersion: $minorVersion, patchVersion: $patchVersion,
              tmfVersion: $tmfVersion, createdAt: $now, updatedAt: $now})
            SET s.description = $description, s.category = $category
            """;

    static final String FIND_INSTANCE = """
            OPTIONAL MATCH (byName:Instance {name: $name})
            OPTIONAL MATCH (byUuid:Instance {uuid: $uuid})
            RETURN collect(DISTINCT byName.uuid) AS nameUuids, collect(DISTINCT byUuid.name) AS uuidOwners
            """;

    static final String CREATE_INSTANCE = """
            MATCH (s:Specification {uuid: $specificationUuid})
            CREATE (i:$($labels) {
              uuid: $uuid, which: $which, type: $type, name: $name, createdAt: $now, updatedAt: $now})
            SET i.state = $state
            CREATE (i)-[:SPECIFIED_BY]->(s)
            WITH i
            UNWIND $characteristics AS ch
            CREATE (c:Provider:Characteristic {
              uuid: ch.uuid, name: ch.name, type: 'instance', isArray: false, value: ch.value,
              createdAt: $now, updatedAt: $now})
            CREATE (i)-[:HAS]->(c)
            RETURN count(c) AS characteristics
            """;

    /**
     * Relates a new instance to its RSP's party the way diffo does ({@code Diffo.Provider.create_party_ref} with
     * {@code instance_id}, {@code role}, {@code party_id}; {@code party_ref.ex}): one {@code :Provider:PartyRef {uuid,
     * role, createdAt, updatedAt}} between them, {@code (instance)-[:RELATES]->(ref)-[:RELATES]->(party)}, the role the
     * app reads RSPs by. One party by key (diffo's identity); none found leaves the count at 0 and the caller refuses.
     */
    static final String RELATE_RSP_PARTY = """
            MATCH (i:Instance {uuid: $uuid})
            MATCH (p:Party {key: $party})
            WITH i, p LIMIT 1
            CREATE (i)-[:RELATES]->(:Provider:PartyRef {uuid: $refUuid, role: $role, createdAt: $now, updatedAt: $now})-[:RELATES]->(p)
            RETURN count(*) AS related
            """;

    static final String SPECIFICATION_KIND = """
            MATCH (s:Specification {uuid: $uuid})
            RETURN s.type AS type, s.name AS name, s.majorVersion AS major,
                   COLLECT { MATCH (s)-[:HAS_STATUS]->(st:SpecificationStatus) RETURN st.status } AS status
            """;

    static final String RECORD_CREATION = """
            MATCH (s:Specification {uuid: $uuid})
            CREATE (e:DiffoAdmin:VersionEvent {
              uuid: $eventUuid, specificationName: s.name, specificationUuid: s.uuid, majorVersion: s.majorVersion,
              action: 'CREATED', toVersion: 'v' + toString(s.majorVersion) + '.' + toString(s.minorVersion) + '.' + toString(s.patchVersion),
              after: $after, actor: $actor, reason: $reason, at: $now})
            CREATE (e)-[:CHANGED]->(s)
            """;

    private final Database database;
    private final String actor;

    @Inject
    public Neo4jScenarioRepository(Database database, Operator operator) {
        this.database = database;
        this.actor = operator.name();
    }

    @Override
    public Scenario.LoadResult load(Scenario scenario) {
        return database.write(tx -> {
            ZonedDateTime now = GraphValues.now();
            int specsCreated = 0;
            int specsKept = 0;
            for (SpecificationDraft spec : scenario.specifications()) {
                if (upsertSpecification(tx, spec, now, scenario.title())) {
                    specsCreated++;
                } else {
                    specsKept++;
                }
            }
            int instancesCreated = 0;
            int instancesKept = 0;
            for (InstanceDraft instance : scenario.instances()) {
                if (createInstanceIfAbsent(tx, instance, now)) {
                    instancesCreated++;
                } else {
                    instancesKept++;
                }
            }
            return new Scenario.LoadResult(specsCreated, specsKept, instancesCreated, instancesKept);
        });
    }

    /** @return true when created; false when a node with the same identity and uuid is already there. */
    private boolean upsertSpecification(TransactionContext tx, SpecificationDraft spec, ZonedDateTime now, String title) {
        if (Neo4jVersioningRepository.existingIdentity(tx, spec.name(), spec.majorVersion(), spec.uuid()).isPresent()) {
            return false;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("uuid", spec.uuid());
        params.put("type", spec.type().stored());
        params.put("name", spec.name());
        params.put("majorVersion", spec.majorVersion());
        params.put("minorVersion", spec.minorVersion());
        params.put("patchVersion", spec.patchVersion());
        params.put("tmfVersion", spec.tmfVersion());
        params.put("description", spec.description());
        params.put("category", spec.category());
        params.put("now", now);
        tx.run(CREATE_SPECIFICATION, params).consume();
        Neo4jVersioningRepository.replaceRules(tx, spec.uuid(), spec.rules());
        var created = Neo4jVersioningRepository.find(tx, spec.uuid());
        tx.run(RECORD_CREATION, Map.of("uuid", spec.uuid(), "eventUuid", Identifiers.newUuid4(),
                "after", SnapshotJson.write(SpecificationSnapshot.of(created, spec.rules())), "actor", actor,
                "reason", "loaded from " + title, "now", now)).consume();
        return true;
    }

    static boolean createInstanceIfAbsent(TransactionContext tx, InstanceDraft instance, ZonedDateTime now) {
        return createInstanceIfAbsent(tx, instance, now, null);
    }

    /** As above; an instance with an RSP party is related to it in role {@code rspRole}, before the kept counts are adjusted. */
    static boolean createInstanceIfAbsent(TransactionContext tx, InstanceDraft instance, ZonedDateTime now, String rspRole) {
        if (instance.rspParty() != null && rspRole == null) {
            throw new IllegalArgumentException("An instance related to party " + instance.rspParty() + " needs the RSP role to relate it in");
        }
        // the specification's write lock first, as delete, freeze and withdraw take it: none of them can slip between
        // the checks below and the SPECIFIED_BY edge (a delete would otherwise leave an orphan, or this write nothing)
        tx.run(VersioningCypher.LOCK, Map.of("uuid", instance.specificationUuid())).consume();
        Record found = tx.run(FIND_INSTANCE, Map.of("name", instance.name(), "uuid", instance.uuid())).single();
        List<Object> nameUuids = found.get("nameUuids").asList();
        List<Object> uuidOwners = found.get("uuidOwners").asList();
        if (!nameUuids.isEmpty()) {
            if (!nameUuids.contains(instance.uuid())) {
                throw new DiffoAdminException("Instance " + instance.name() + " already exists with another id (" + nameUuids.getFirst() + ")",
                        "Instance names are unique in diffo. Nothing was written.");
            }
            return false;
        }
        if (!uuidOwners.isEmpty()) {
            throw new DiffoAdminException("Instance id " + instance.uuid() + " already belongs to " + uuidOwners.getFirst(),
                    "Nothing was written.");
        }
        requireTakesInstance(tx, instance);
        KeptCounts.Tally kept = KeptCounts.beforeCreating(tx, List.of(instance.uuid()));
        Map<String, Object> params = new HashMap<>();
        params.put("specificationUuid", instance.specificationUuid());
        params.put("labels", instance.labels());
        params.put("uuid", instance.uuid());
        params.put("which", instance.which());
        params.put("type", instance.type());
        params.put("name", instance.name());
        params.put("state", instance.state());
        params.put("now", now);
        params.put("characteristics", characteristics(instance.characteristics()));
        tx.run(CREATE_INSTANCE, params).consume();
        Record written = tx.run(WRITTEN_INSTANCE, Map.of("uuid", instance.uuid(), "spec", instance.specificationUuid())).single();
        if (written.get("instances").asLong() != 1 || written.get("specifiedBy").asLong() != 1 || written.get("onSpec").asLong() != 1) {
            // thrown inside the transaction: it is rolled back, so nothing half-written stays
            throw new DiffoAdminException("Instance " + instance.name() + " was not created: its specification "
                    + instance.specificationUuid() + " disappeared while it was being written",
                    "Refresh the catalogue and create it on a specification that exists. Nothing was written.");
        }
        if (instance.rspParty() != null && tx.run(RELATE_RSP_PARTY, Map.of("uuid", instance.uuid(), "party", instance.rspParty(), "role", rspRole,
                "refUuid", dev.diffo.admin.domain.Identifiers.newUuid4(), "now", now)).single().get("related").asLong() != 1) {
            throw new DiffoAdminException("Instance " + instance.name() + " was not created: there is no party " + instance.rspParty()
                    + " to relate it to in role " + rspRole, "The RSP's party may have been removed meanwhile. Nothing was written.");
        }
        KeptCounts.afterCreating(tx, kept);
        return true;
    }

    /** The instance's specification exists, takes new instances and is of the instance's kind (service or resource). */
    private static void requireTakesInstance(TransactionContext tx, InstanceDraft instance) {
        var kind = tx.run(SPECIFICATION_KIND, Map.of("uuid", instance.specificationUuid())).list();
        if (kind.isEmpty()) {
            throw new DiffoAdminException("Instance " + instance.name() + " names specification " + instance.specificationUuid()
                    + ", which does not exist", "Nothing was written.");
        }
        SpecificationStatus status = kind.getFirst().get("status").isEmpty() ? SpecificationStatus.CURRENT
                : SpecificationStatus.fromStored(kind.getFirst().get("status").get(0).asString());
        if (!status.acceptsNewInstances()) {
            throw new DiffoAdminException("Cannot create instance " + instance.name() + ": " + kind.getFirst().get("name").asString()
                    + " v" + kind.getFirst().get("major").asLong() + " is " + status.stored(),
                    "A frozen or withdrawn major takes no new instances; create it on the current major. Nothing was written.");
        }
        String expectedKind = instance.type() + "Specification";
        if (!expectedKind.equals(kind.getFirst().get("type").asString(null))) {
            throw new DiffoAdminException("Instance " + instance.name() + " is a " + instance.type() + " but its specification is a "
                    + kind.getFirst().get("type").asString(null), "A service needs a serviceSpecification, a resource a resourceSpecification. Nothing was written.");
        }
    }

    /** What the create wrote, read back in its own transaction: one instance, with exactly one SPECIFIED_BY, to the live spec. */
    static final String WRITTEN_INSTANCE = """
            OPTIONAL MATCH (i:Instance {uuid: $uuid})
            RETURN count(i) AS instances,
                   sum(COUNT { (i)-[:SPECIFIED_BY]->() }) AS specifiedBy,
                   sum(COUNT { (i)-[:SPECIFIED_BY]->(:Specification {uuid: $spec}) }) AS onSpec
            """;

    private static List<Map<String, Object>> characteristics(List<CharacteristicDraft> drafts) {
        return drafts.stream()
                .map(c -> Map.<String, Object>of("uuid", c.uuid(), "name", c.name(), "value", c.valueJson()))
                .toList();
    }
}
