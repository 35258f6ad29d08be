package dev.diffo.admin.repository;

import static dev.diffo.admin.repository.VersioningCypher.RULES;
import static dev.diffo.admin.repository.VersioningCypher.LOCK;
import static dev.diffo.admin.repository.VersioningCypher.PATCH;
import static dev.diffo.admin.repository.VersioningCypher.MINOR;
import static dev.diffo.admin.repository.VersioningCypher.DELETE_RULES;
import static dev.diffo.admin.repository.VersioningCypher.CREATE_RULES;
import static dev.diffo.admin.repository.VersioningCypher.SET_STATUS;
import static dev.diffo.admin.repository.VersioningCypher.RECORD_EVENT;
import static dev.diffo.admin.repository.VersioningCypher.FIND_IDENTITY;
import static dev.diffo.admin.repository.VersioningCypher.CREATE_SPECIFICATION;
import static dev.diffo.admin.repository.VersioningCypher.FIND_BY_IDENTITY;
import static dev.diffo.admin.repository.VersioningCypher.UPDATE_FIELDS;
import static dev.diffo.admin.repository.VersioningCypher.LATEST_MAJOR;
import static dev.diffo.admin.repository.VersioningCypher.DELETE_SPECIFICATION;
import static dev.diffo.admin.repository.VersioningCypher.RECORD_DELETION;
import static dev.diffo.admin.repository.VersioningCypher.HISTORY;
import static dev.diffo.admin.repository.VersioningCypher.MAJORS;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.ConcurrentChangeException;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.NewSpecification;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationChange;
import dev.diffo.admin.domain.SpecificationExistsException;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.VersionEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Versioning writes. Our own knowledge (allowed values, status, history) lives in nodes labelled
 * {@code :DiffoAdmin} that diffo ignores; diffo's own Specification node only ever gets the properties diffo
 * defines. Each write first takes the Specification node's write lock, then checks what it read.
 */
@Singleton
public class Neo4jVersioningRepository implements VersioningRepository {

    private final Database database;
    private final CatalogueSettings settings;

    @Inject
    public Neo4jVersioningRepository(Database database, CatalogueSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public List<CharacteristicRule> rules(String specificationUuid) {
        return database.read(tx -> rules(tx, specificationUuid));
    }

    static List<CharacteristicRule> rules(TransactionContext tx, String uuid) {
        return tx.run(RULES, Map.of("uuid", uuid)).list(r -> toRule(r.get("r")));
    }

    private static CharacteristicRule toRule(Value r) {
        return new CharacteristicRule(r.get("characteristic").asString(), r.get("field").isNull() ? null : r.get("field").asString(),
                CharacteristicRule.ValueType.fromStored(r.get("valueType").asString("string")),
                r.get("allowedValues").isNull() ? List.of() : r.get("allowedValues").asList(Value::asString),
                r.get("required").asBoolean(false));
    }

    static void replaceRules(TransactionContext tx, String uuid, List<CharacteristicRule> rules) {
        tx.run(DELETE_RULES, Map.of("uuid", uuid)).consume();
        List<Map<String, Object>> params = rules.stream().map(r -> {
            Map<String, Object> m = new HashMap<>();
            m.put("characteristic", r.characteristic());
            m.put("field", r.field());
            m.put("valueType", r.valueType().stored());
            m.put("allowedValues", r.allowedValues());
            m.put("required", r.required());
            return m;
        }).toList();
        tx.run(CREATE_RULES, Map.of("uuid", uuid, "rules", params)).consume();
    }

    @Override
    public Optional<Specification> latestMajor(String name) {
        return database.read(tx -> tx.run(LATEST_MAJOR, Map.of("name", name)).stream().findFirst().map(DiffoShape::toSpecification));
    }

    @Override
    public Specification apply(String uuid, ZonedDateTime expectedUpdatedAt, SpecificationChange change, EventDraft event) {
        return database.write(tx -> {
            ZonedDateTime now = GraphValues.now();
            List<Record> locked = tx.run(LOCK, Map.of("uuid", uuid)).list();
            if (locked.isEmpty()) {
                throw new DiffoAdminException("Specification " + uuid + " does not exist", "It may have been deleted; refresh the catalogue.");
            }
            Specification before = find(tx, uuid);
            ZonedDateTime actual = GraphValues.dateTime(locked.getFirst().get("updatedAt"));
            if (!(change instanceof SpecificationChange.Status) && !sameInstant(actual, expectedUpdatedAt)) {
                throw new ConcurrentChangeException(before.name() + " v" + before.majorVersion(), before.version());
            }
            SpecificationSnapshot beforeSnapshot = SpecificationSnapshot.of(before, rules(tx, uuid));
            switch (change) {
                case SpecificationChange.Patch patch -> {
                    Map<String, Object> params = new HashMap<>();
                    params.put("uuid", uuid);
                    params.put("now", now);
                    params.put("description", patch.description());
                    params.put("category", patch.category());
                    tx.run(PATCH, params).consume();
                }
                case SpecificationChange.Minor minor -> {
                    tx.run(MINOR, Map.of("uuid", uuid, "now", now)).consume();
                    replaceRules(tx, uuid, minor.rules());
                }
                case SpecificationChange.RecordRules recorded -> replaceRules(tx, uuid, recorded.rules());
                case SpecificationChange.Status status -> tx.run(SET_STATUS,
                        Map.of("uuid", uuid, "status", status.status().stored(), "now", now, "actor", event.actor())).consume();
            }
            Specification after = find(tx, uuid);
            record(tx, uuid, event, before.version(), beforeSnapshot, SpecificationSnapshot.of(after, rules(tx, uuid)), now);
            return after;
        });
    }

    private static boolean sameInstant(ZonedDateTime a, ZonedDateTime b) {
        return a == null || b == null ? Objects.equals(a, b) : a.toInstant().equals(b.toInstant());
    }

    static Specification find(TransactionContext tx, String uuid) {
        return DiffoShape.toSpecification(tx.run(Neo4jCatalogueRepository.FIND_BY_UUID, Map.of("uuid", uuid)).single());
    }

    private static void record(TransactionContext tx, String uuid, EventDraft event, String fromVersion, SpecificationSnapshot before,
                               SpecificationSnapshot after, ZonedDateTime now) {
        Map<String, Object> params = new HashMap<>();
        params.put("uuid", uuid);
        params.put("eventUuid", Identifiers.newUuid4());
        params.put("action", event.action().name());
        params.put("fromVersion", fromVersion);
        params.put("before", SnapshotJson.write(before));
        params.put("after", SnapshotJson.write(after));
        params.put("actor", event.actor());
        params.put("reason", blankToNull(event.reason()));
        params.put("now", now);
        tx.run(RECORD_EVENT, params).consume();
    }

    @Override
    public Optional<Specification> find(String name, long majorVersion) {
        return database.read(tx -> tx.run(FIND_BY_IDENTITY, Map.of("name", name, "majorVersion", majorVersion)).stream().findFirst()
                .map(DiffoShape::toSpecification));
    }

    @Override
    public Specification create(NewSpecification spec, EventDraft event) {
        return database.write(tx -> {
            ZonedDateTime now = GraphValues.now();
            Optional<String> existing = existingIdentity(tx, spec.name(), spec.majorVersion(), null);
            if (existing.isPresent()) {
                throw new SpecificationExistsException(find(tx, existing.get()));
            }
            existingIdentity(tx, spec.name(), spec.majorVersion(), spec.uuid());
            String uuid = spec.uuid() != null ? spec.uuid() : Identifiers.newUuid4();
            Map<String, Object> params = new HashMap<>();
            params.put("description", blankToNull(spec.description()));
            params.put("category", blankToNull(spec.category()));
            params.put("now", now);
            params.put("uuid", uuid);
            params.put("name", spec.name());
            params.put("majorVersion", spec.majorVersion());
            params.put("minorVersion", spec.minorVersion());
            params.put("patchVersion", spec.patchVersion());
            params.put("type", spec.type() == null ? "serviceSpecification" : spec.type().stored());
            tx.run(CREATE_SPECIFICATION, params).consume();
            replaceRules(tx, uuid, spec.rules() == null ? List.of() : spec.rules());
            Specification created = find(tx, uuid);
            record(tx, uuid, event, null, null, SpecificationSnapshot.of(created, rules(tx, uuid)), now);
            return created;
        });
    }

    @Override
    public Specification update(String name, long majorVersion, SpecificationType type, String description, String category, EventDraft event) {
        return database.write(tx -> {
            ZonedDateTime now = GraphValues.now();
            String uuid = existingIdentity(tx, name, majorVersion, null).orElseThrow(() -> new InvalidInputException(
                    "There is no specification " + name + " v" + majorVersion, "Create it first (without --update). Nothing was written."));
            tx.run(LOCK, Map.of("uuid", uuid)).consume();
            Specification before = find(tx, uuid);
            if (before.status() != SpecificationStatus.CURRENT) {
                throw new InvalidInputException(before.name() + " v" + before.majorVersion() + " is " + before.status().stored()
                        + ", so it is not updated", "A frozen or withdrawn major keeps what it says. Nothing was written.");
            }
            SpecificationSnapshot beforeSnapshot = SpecificationSnapshot.of(before, rules(tx, uuid));
            Map<String, Object> params = new HashMap<>();
            params.put("uuid", uuid);
            params.put("type", type == null ? null : type.stored());
            params.put("description", blankToNull(description));
            params.put("category", blankToNull(category));
            params.put("now", now);
            tx.run(UPDATE_FIELDS, params).consume();
            Specification after = find(tx, uuid);
            record(tx, uuid, new EventDraft(VersionEvent.Action.UPDATED, event.actor(), event.reason()), before.version(),
                    beforeSnapshot, SpecificationSnapshot.of(after, rules(tx, uuid)), now);
            return after;
        });
    }

    /**
     * The id of the Specification with diffo's identity {@code {name, majorVersion}}, if there is one; refuses
     * (writing nothing) duplicates, an id that differs from the existing one, and an id another spec owns.
     * A null {@code uuid} accepts whatever id the existing specification has.
     */
    static Optional<String> existingIdentity(TransactionContext tx, String name, long majorVersion, String uuid) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", name);
        params.put("majorVersion", majorVersion);
        params.put("uuid", uuid);
        Record found = tx.run(FIND_IDENTITY, params).single();
        List<Object> identityUuids = found.get("identityUuids").asList();
        List<Object> uuidOwners = found.get("uuidOwners").asList();
        String identity = name + " major " + majorVersion;
        if (identityUuids.size() > 1) {
            throw new DiffoAdminException("The database holds " + identityUuids.size() + " specifications " + identity,
                    "diffo allows one node per {name, majorVersion}; remove the duplicate first. Nothing was written.");
        }
        if (identityUuids.size() == 1) {
            if (uuid != null && !identityUuids.getFirst().equals(uuid)) {
                throw new DiffoAdminException(identity + " already exists with id " + identityUuids.getFirst() + ", not " + uuid,
                        "A specification's id is stable per major and never changes. Nothing was written.");
            }
            return Optional.of((String) identityUuids.getFirst());
        }
        if (!uuidOwners.isEmpty()) {
            throw new DiffoAdminException("Id " + uuid + " already belongs to specification " + uuidOwners.getFirst(),
                    "Each {name, majorVersion} has its own id. Nothing was written.");
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public List<Rsp.Share> instancesPerRsp(String uuid) {
        return database.read(tx -> Neo4jCatalogueRepository.rsps(tx, uuid, settings.rspRole()));
    }

    @Override
    public void delete(String uuid, EventDraft event) {
        database.write(tx -> {
            if (tx.run(LOCK, Map.of("uuid", uuid)).list().isEmpty()) {
                throw new DiffoAdminException("Specification " + uuid + " does not exist", "It may have been deleted already; refresh the catalogue.");
            }
            Specification spec = find(tx, uuid);
            if (spec.instanceCount() > 0) {
                throw new DiffoAdminException("Cannot delete " + spec.name() + " " + spec.version() + ": " + String.format("%,d", spec.instanceCount())
                        + (spec.instanceCount() == 1 ? " instance still stands" : " instances still stand") + " on it",
                        "A specification that any instance points to is never deleted. Migrate its instances to another major first. Nothing was written.");
            }
            SpecificationSnapshot before = SpecificationSnapshot.of(spec, rules(tx, uuid));
            var counters = tx.run(DELETE_SPECIFICATION, Map.of("uuid", uuid)).consume().counters();
            if (counters.nodesDeleted() == 0) {
                throw new DiffoAdminException("Cannot delete " + spec.name() + " " + spec.version(), "An instance was attached to it meanwhile. Nothing was written.");
            }
            Map<String, Object> params = new HashMap<>();
            params.put("eventUuid", Identifiers.newUuid4());
            params.put("name", spec.name());
            params.put("uuid", uuid);
            params.put("majorVersion", spec.majorVersion());
            params.put("version", spec.version());
            params.put("before", SnapshotJson.write(before));
            params.put("actor", event.actor());
            params.put("reason", blankToNull(event.reason()));
            params.put("now", GraphValues.now());
            tx.run(RECORD_DELETION, params).consume();
            return null;
        });
    }

    @Override
    public List<VersionEvent> history(String specificationName) {
        return database.read(tx -> tx.run(HISTORY, Map.of("name", specificationName)).list(r -> {
            Value e = r.get("e");
            return new VersionEvent(e.get("uuid").asString(), e.get("specificationName").asString(), e.get("specificationUuid").asString(),
                    e.get("majorVersion").asLong(), VersionEvent.Action.valueOf(e.get("action").asString()),
                    e.get("fromVersion").asString(null), e.get("toVersion").asString(null),
                    SnapshotJson.read(e.get("before").asString(null)), SnapshotJson.read(e.get("after").asString(null)),
                    e.get("actor").asString(null), e.get("reason").asString(null), GraphValues.dateTime(e.get("at")));
        }));
    }

    @Override
    public List<Specification> majors(String specificationName) {
        return database.read(tx -> tx.run(MAJORS, Map.of("name", specificationName)).list(DiffoShape::toSpecification));
    }

    @Override
    public List<dev.diffo.admin.domain.ValueInUse> valuesInUse(String uuid) {
        Map<List<String>, Long> counts = new java.util.TreeMap<>(java.util.Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        database.read(tx -> tx.run(DiffoShape.VALUES_ON, Map.of("spec", uuid)).list()).forEach(r -> {
            Map<String, String> flat = new java.util.TreeMap<>();
            DiffoShape.flatten(r.get("name").asString(null), r.get("value").asString(null), flat);
            flat.forEach((key, value) -> counts.merge(List.of(key, value), r.get("instances").asLong(), Long::sum));
        });
        return counts.entrySet().stream().map(e -> new dev.diffo.admin.domain.ValueInUse(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    }

    @Override
    public SpecificationSnapshot snapshot(String uuid) {
        return database.read(tx -> SpecificationSnapshot.of(find(tx, uuid), rules(tx, uuid)));
    }
}
