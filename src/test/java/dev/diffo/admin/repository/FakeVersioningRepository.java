package dev.diffo.admin.repository;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.ConcurrentChangeException;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.NewSpecification;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationChange;
import dev.diffo.admin.domain.SpecificationExistsException;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.VersionEvent;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The versioning repository in memory, for ViewModel tests: specifications with their rules, the instances
 * standing on each (per RSP), changes applied in place with the history they leave, and a delete refused while
 * instances stand. Creating refuses an existing {name, major} as the real one does. Kept in step with the real
 * repository by {@link VersioningRepositoryContract}.
 */
public class FakeVersioningRepository implements VersioningRepository {
    public final Map<String, Specification> specifications = new LinkedHashMap<>();
    public final Map<String, List<CharacteristicRule>> rules = new HashMap<>();
    public final Map<String, Map<String, Long>> instancesPerRsp = new HashMap<>();
    public final List<VersionEvent> events = new ArrayList<>();
    private ZonedDateTime clock = ZonedDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    /** Puts a specification with its rules in. */
    public synchronized void put(Specification specification, List<CharacteristicRule> allowed) {
        specifications.put(specification.uuid(), specification);
        rules.put(specification.uuid(), List.copyOf(allowed));
    }

    @Override
    public synchronized List<CharacteristicRule> rules(String specificationUuid) {
        // as the real one reads them: by characteristic, then field
        return rules.getOrDefault(specificationUuid, List.of()).stream()
                .sorted(Comparator.comparing(CharacteristicRule::characteristic).thenComparing(r -> r.field() == null ? "" : r.field())).toList();
    }

    /** An instance standing on the specification, found by name prefix, carrying this characteristic's stored JSON (or none). */
    public synchronized void instance(String specificationUuid, String name, String characteristic, String json) {
        Map<String, Long> perRsp = new HashMap<>(instancesPerRsp.getOrDefault(specificationUuid, Map.of()));
        perRsp.merge(name.contains("-") ? name.substring(0, name.indexOf('-')) : name, 1L, Long::sum);
        instancesPerRsp.put(specificationUuid, perRsp);
        if (characteristic != null) {
            Map<String, String> flat = new java.util.TreeMap<>();
            DiffoShape.flatten(characteristic, json, flat);
            Map<List<String>, Long> counts = new LinkedHashMap<>();
            valuesInUse.getOrDefault(specificationUuid, List.of()).forEach(v -> counts.put(List.of(v.key(), v.value()), v.instances()));
            flat.forEach((key, value) -> counts.merge(List.of(key, value), 1L, Long::sum));
            valuesInUse.put(specificationUuid, counts.entrySet().stream()
                    .sorted(Map.Entry.<List<String>, Long>comparingByKey(Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1))))
                    .map(e -> new dev.diffo.admin.domain.ValueInUse(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A patch's text: null leaves the field, blank removes it. */
    private static String patched(String given, String current) {
        return given == null ? current : blankToNull(given);
    }

    private static boolean sameInstant(ZonedDateTime a, ZonedDateTime b) {
        return a == null || b == null ? Objects.equals(a, b) : a.toInstant().equals(b.toInstant());
    }

    @Override
    public synchronized Optional<Specification> latestMajor(String name) {
        return specifications.values().stream().filter(s -> s.name().equals(name)).max(Comparator.comparingLong(Specification::majorVersion));
    }

    private Specification existing(String uuid) {
        Specification spec = specifications.get(uuid);
        if (spec == null) {
            throw new DiffoAdminException("Specification " + uuid + " does not exist", "It may have been deleted; refresh the catalogue.");
        }
        return spec;
    }

    @Override
    public synchronized Specification apply(String uuid, ZonedDateTime expectedUpdatedAt, SpecificationChange change, EventDraft event) {
        Specification s = existing(uuid);
        if (!(change instanceof SpecificationChange.Status) && !sameInstant(s.updatedAt(), expectedUpdatedAt)) {
            throw new ConcurrentChangeException(s.name() + " v" + s.majorVersion(), s.version());
        }
        clock = clock.plusMinutes(1);
        // a status and recorded rules live in diffo-admin's own nodes: diffo's node, its version and updatedAt stay as they are
        Specification after = switch (change) {
            case SpecificationChange.Patch p -> new Specification(s.uuid(), s.name(), s.type(), s.majorVersion(), s.minorVersion(), s.patchVersion() + 1,
                    s.tmfVersion(), patched(p.description(), s.description()), patched(p.category(), s.category()), s.createdAt(), clock,
                    s.instanceCount(), s.labels(), s.status());
            case SpecificationChange.Minor m -> new Specification(s.uuid(), s.name(), s.type(), s.majorVersion(), s.minorVersion() + 1, 0,
                    s.tmfVersion(), s.description(), s.category(), s.createdAt(), clock, s.instanceCount(), s.labels(), s.status());
            case SpecificationChange.RecordRules r -> s;
            case SpecificationChange.Status st -> new Specification(s.uuid(), s.name(), s.type(), s.majorVersion(), s.minorVersion(), s.patchVersion(),
                    s.tmfVersion(), s.description(), s.category(), s.createdAt(), s.updatedAt(), s.instanceCount(), s.labels(), st.status());
        };
        SpecificationSnapshot before = SpecificationSnapshot.of(s, rules(uuid));
        if (change instanceof SpecificationChange.Minor m) {
            rules.put(uuid, m.rules());
        }
        if (change instanceof SpecificationChange.RecordRules r) {
            rules.put(uuid, r.rules());
        }
        specifications.put(uuid, after);
        events.add(new VersionEvent(Identifiers.newUuid4(), s.name(), uuid, s.majorVersion(), event.action(), s.version(), after.version(), before,
                SpecificationSnapshot.of(after, rules(uuid)), event.actor(), blankToNull(event.reason()), clock));
        return after;
    }

    @Override
    public synchronized Optional<Specification> find(String name, long majorVersion) {
        return specifications.values().stream().filter(s -> s.name().equals(name) && s.majorVersion() == majorVersion).findFirst();
    }

    /** Refuses an existing {name, major}, as the real one does; otherwise keeps the new specification and its rules. */
    @Override
    public synchronized Specification create(NewSpecification specification, EventDraft event) {
        Optional<Specification> existing = find(specification.name(), specification.majorVersion());
        if (existing.isPresent()) {
            throw new SpecificationExistsException(existing.get());
        }
        Specification owner = specification.uuid() == null ? null : specifications.get(specification.uuid());
        if (owner != null) {
            throw new DiffoAdminException("Id " + specification.uuid() + " already belongs to specification " + owner.name() + " major " + owner.majorVersion(),
                    "Each {name, majorVersion} has its own id. Nothing was written.");
        }
        clock = clock.plusMinutes(1);
        Specification created = new Specification(specification.uuid() == null ? Identifiers.newUuid4() : specification.uuid(), specification.name(),
                specification.type() == null ? SpecificationType.SERVICE : specification.type(), specification.majorVersion(), specification.minorVersion(), specification.patchVersion(), 4,
                blankToNull(specification.description()), blankToNull(specification.category()), clock, clock, 0, List.of("Provider", "Specification"), null);
        put(created, specification.rules() == null ? List.of() : specification.rules());
        events.add(new VersionEvent(Identifiers.newUuid4(), created.name(), created.uuid(), created.majorVersion(), event.action(), null,
                created.version(), null, SpecificationSnapshot.of(created, rules(created.uuid())), event.actor(), blankToNull(event.reason()), clock));
        return created;
    }

    @Override
    public synchronized Specification update(String name, long majorVersion, SpecificationType type, String description, String category, EventDraft event) {
        Specification s = find(name, majorVersion).orElseThrow(() -> new dev.diffo.admin.domain.InvalidInputException(
                "There is no specification " + name + " v" + majorVersion, "Create it first (without --update). Nothing was written."));
        if (s.status() != dev.diffo.admin.domain.SpecificationStatus.CURRENT) {
            throw new dev.diffo.admin.domain.InvalidInputException(s.name() + " v" + s.majorVersion() + " is " + s.status().stored()
                    + ", so it is not updated", "A frozen or withdrawn major keeps what it says. Nothing was written.");
        }
        clock = clock.plusMinutes(1);
        String newDescription = blankToNull(description);
        String newCategory = blankToNull(category);
        Specification after = new Specification(s.uuid(), s.name(), type == null ? s.type() : type, s.majorVersion(), s.minorVersion(), s.patchVersion(),
                s.tmfVersion(), newDescription == null ? s.description() : newDescription, newCategory == null ? s.category() : newCategory,
                s.createdAt(), clock, s.instanceCount(), s.labels(), s.status());
        specifications.put(s.uuid(), after);
        events.add(new VersionEvent(Identifiers.newUuid4(), s.name(), s.uuid(), s.majorVersion(), VersionEvent.Action.UPDATED, s.version(), after.version(),
                SpecificationSnapshot.of(s, rules(s.uuid())), SpecificationSnapshot.of(after, rules(s.uuid())), event.actor(), blankToNull(event.reason()), clock));
        return after;
    }

    @Override
    public synchronized List<dev.diffo.admin.domain.Rsp.Share> instancesPerRsp(String uuid) {
        // most instances first, then by RSP, as the real one
        return instancesPerRsp.getOrDefault(uuid, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new dev.diffo.admin.domain.Rsp.Share(new dev.diffo.admin.domain.Rsp(e.getKey(), null, dev.diffo.admin.domain.Rsp.FoundBy.NAME_PREFIX), e.getValue()))
                .toList();
    }

    @Override
    public synchronized void delete(String uuid, EventDraft event) {
        Specification s = existing(uuid);
        long standing = instancesPerRsp(uuid).stream().mapToLong(dev.diffo.admin.domain.Rsp.Share::instances).sum();
        if (standing > 0) {
            throw new DiffoAdminException("Cannot delete " + s.name() + " " + s.version() + ": " + standing + " instance(s) still stand on it",
                    "Migrate its instances to another major first. Nothing was written.");
        }
        specifications.remove(uuid);
        clock = clock.plusMinutes(1);
        SpecificationSnapshot before = SpecificationSnapshot.of(s, rules(uuid));
        rules.remove(uuid);
        events.add(new VersionEvent(Identifiers.newUuid4(), s.name(), uuid, s.majorVersion(), VersionEvent.Action.DELETED, s.version(), s.version(),
                before, null, event.actor(), blankToNull(event.reason()), clock));
    }

    @Override
    public synchronized List<VersionEvent> history(String specificationName) {
        return events.stream().filter(e -> e.specificationName().equals(specificationName)).toList();
    }

    @Override
    public synchronized SpecificationSnapshot snapshot(String uuid) {
        return SpecificationSnapshot.of(existing(uuid), rules(uuid));
    }

    public final Map<String, List<dev.diffo.admin.domain.ValueInUse>> valuesInUse = new HashMap<>();

    @Override
    public synchronized List<Specification> majors(String specificationName) {
        return specifications.values().stream().filter(s -> s.name().equals(specificationName))
                .sorted(java.util.Comparator.comparingLong(Specification::majorVersion)).toList();
    }

    @Override
    public synchronized List<dev.diffo.admin.domain.ValueInUse> valuesInUse(String uuid) {
        return valuesInUse.getOrDefault(uuid, List.of());
    }
}
