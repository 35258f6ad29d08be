package dev.diffo.admin.versioning;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.NewSpecification;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.RulesDiff;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationChange;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.ValueInUse;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.repository.VersioningRepository;
import dev.diffo.admin.repository.VersioningRepository.EventDraft;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * diffo's semantic versioning, as a catalogue manager uses it: patch and minor in place, a new major as a new
 * node, freeze and withdraw, a delete that is refused while instances stand on the specification, and a
 * history of every change. Callers pass the specification as they last saw it; a change made meanwhile by
 * someone else is refused rather than overwritten.
 */
@Singleton
public class VersioningService {

    /** Our events that change diffo's own Specification node (and so its updatedAt). */
    private static final java.util.Set<VersionEvent.Action> WRITES_DIFFOS_NODE = java.util.EnumSet.of(VersionEvent.Action.CREATED,
            VersionEvent.Action.UPDATED, VersionEvent.Action.PATCH, VersionEvent.Action.MINOR, VersionEvent.Action.MAJOR_PUBLISHED);

    private final VersioningRepository repository;
    private final Operator operator;
    private final CurrentAccess access;

    @Inject
    public VersioningService(VersioningRepository repository, Operator operator, CurrentAccess access) {
        this.repository = repository;
        this.operator = operator;
        this.access = access;
    }

    /** The access this service enforces, for the screens to disable what it would refuse. */
    public CurrentAccess currentAccess() {
        return access;
    }

    /**
     * Creates a specification (major 1 unless given). An existing {name, major} is refused, naming its version and
     * what to use instead, and nothing is written: a create never overwrites.
     */
    public Specification create(String name, String uuid, SpecificationType type, long majorVersion, String description, String category,
                                List<CharacteristicRule> rules, String reason) {
        access.requireSpecificationChanges("Creating specification " + name);
        requireText("Name", name);
        String id = uuid == null || uuid.isBlank() ? null : uuid.strip();
        return repository.create(new NewSpecification(id, name.strip(), type, majorVersion, description, category, rules),
                event(VersionEvent.Action.CREATED, reason));
    }

    /**
     * Creates a specification at the version it has elsewhere ({@code v1.1.0} from another catalogue): the same checks
     * as {@link #create}, and the history's entry says the version it arrived at.
     */
    public Specification createAt(String name, String uuid, SpecificationType type, dev.diffo.admin.domain.SemanticVersion version, String description,
                                  String category, List<CharacteristicRule> rules, String reason) {
        access.requireSpecificationChanges("Creating specification " + name);
        requireText("Name", name);
        String id = uuid == null || uuid.isBlank() ? null : uuid.strip();
        return repository.create(new NewSpecification(id, name.strip(), type, version.major(), version.minor(), version.patch(), description, category, rules),
                event(VersionEvent.Action.CREATED, reason));
    }

    /** The specification {name, major} if it exists: the editor says so as the name is typed. */
    public java.util.Optional<Specification> find(String name, long majorVersion) {
        return name == null || name.isBlank() ? java.util.Optional.empty() : repository.find(name.strip(), majorVersion);
    }

    /**
     * Changes only the fields given (type, description, category; null keeps) of an existing {name, major}, never
     * what it allows; refused on a frozen or withdrawn version. Recorded as an update.
     */
    public Specification update(String name, long majorVersion, SpecificationType type, String description, String category, String reason) {
        access.requireSpecificationChanges("Updating " + name + " v" + majorVersion);
        requireText("Name", name);
        if (type == null && blankToNull(description) == null && blankToNull(category) == null) {
            throw new InvalidInputException("Nothing to update in " + name.strip() + " v" + majorVersion,
                    "Give --description, --category or --type.");
        }
        return repository.update(name.strip(), majorVersion, type, description, category, event(VersionEvent.Action.UPDATED, reason));
    }

    public List<CharacteristicRule> rules(Specification specification) {
        return repository.rules(specification.uuid());
    }

    /** Metadata corrections only (description, category). */
    public Specification nextPatch(Specification seen, String description, String category, String reason) {
        access.requireSpecificationChanges("A next patch of " + seen.name() + " " + seen.version());
        requireEditable(seen);
        if (Objects.equals(blankToNull(description), seen.description()) && Objects.equals(blankToNull(category), seen.category())) {
            throw new InvalidInputException("Nothing to correct in " + seen.name() + " " + seen.version(),
                    "A patch changes the description or the category; edit one of them first.");
        }
        return repository.apply(seen.uuid(), seen.updatedAt(), new SpecificationChange.Patch(orBlank(description), orBlank(category)),
                event(VersionEvent.Action.PATCH, reason));
    }

    /** Backward-compatible additions; refuses anything that removes or narrows, naming the change that makes it major. */
    public Specification nextMinor(Specification seen, List<CharacteristicRule> rules, String reason) {
        access.requireSpecificationChanges("A next minor of " + seen.name() + " " + seen.version());
        requireEditable(seen);
        RulesDiff diff = RulesDiff.between(repository.rules(seen.uuid()), rules);
        if (!diff.isBackwardCompatible()) {
            throw new InvalidInputException("This is not a minor change to " + seen.name() + " " + seen.version() + ": it "
                    + String.join("; it ", diff.breakingChanges()),
                    "A minor version only adds (new optional characteristics, new allowed values). Publish a new major for this change.");
        }
        if (diff.isEmpty()) {
            throw new InvalidInputException("Nothing added to " + seen.name() + " " + seen.version(),
                    "A minor version adds an optional characteristic or an allowed value.");
        }
        return repository.apply(seen.uuid(), seen.updatedAt(), new SpecificationChange.Minor(rules), event(VersionEvent.Action.MINOR, reason));
    }

    /** What a new major starts from: the latest major's description, category and rules, for the manager to edit. */
    public SpecificationSnapshot draftNextMajor(String name) {
        Specification latest = latest(name);
        return SpecificationSnapshot.of(latest, repository.rules(latest.uuid()));
    }

    /** The latest major of a name: what a new major starts from. */
    public Specification latestMajor(String name) {
        return latest(name);
    }

    /** The new major's difference from the latest major, before it is saved. */
    public RulesDiff diffAgainstLatest(String name, List<CharacteristicRule> rules) {
        return RulesDiff.between(repository.rules(latest(name).uuid()), rules);
    }

    /**
     * A new Specification node: same name, the latest major + 1 (whatever version the caller looked at), a new
     * UUID4, version reset to .0.0; null rules start from the latest major's.
     */
    public Specification publishMajor(String name, String description, String category, List<CharacteristicRule> rules, String reason) {
        access.requireSpecificationChanges("Publishing a new major of " + name);
        Specification latest = latest(name);
        List<CharacteristicRule> allowed = rules == null ? repository.rules(latest.uuid()) : rules;
        return repository.create(new NewSpecification(Identifiers.newUuid4(), latest.name(), latest.type(), latest.majorVersion() + 1,
                description == null ? latest.description() : description, category == null ? latest.category() : category, allowed),
                event(VersionEvent.Action.MAJOR_PUBLISHED, reason));
    }

    public Specification freeze(Specification seen, String reason) {
        access.requireSpecificationChanges("Freezing " + seen.name() + " v" + seen.majorVersion());
        return transition(seen, SpecificationStatus.FROZEN, SpecificationStatus.CURRENT, VersionEvent.Action.FROZEN, reason);
    }

    public Specification unfreeze(Specification seen, String reason) {
        access.requireSpecificationChanges("Unfreezing " + seen.name() + " v" + seen.majorVersion());
        return transition(seen, SpecificationStatus.CURRENT, SpecificationStatus.FROZEN, VersionEvent.Action.UNFROZEN, reason);
    }

    /** Instances still standing on a major, per RSP: shown before a withdrawal is confirmed. */
    public Map<String, Long> withdrawalImpact(Specification specification) {
        Map<String, Long> impact = new java.util.LinkedHashMap<>();
        // each RSP as shown everywhere (key · name), saying which way it was found
        repository.instancesPerRsp(specification.uuid()).stream().filter(share -> access.covers(share.rsp().key())).forEach(share -> impact.put(share.rsp().display() + " (" + share.rsp().how() + ")", share.instances()));
        return impact;
    }

    public Specification withdraw(Specification seen, String reason) {
        access.requireSpecificationChanges("Withdrawing " + seen.name() + " v" + seen.majorVersion());
        if (seen.status() == SpecificationStatus.WITHDRAWN) {
            throw new InvalidInputException(seen.name() + " v" + seen.majorVersion() + " is already withdrawn", "Nothing to do.");
        }
        return repository.apply(seen.uuid(), seen.updatedAt(), new SpecificationChange.Status(SpecificationStatus.WITHDRAWN),
                event(VersionEvent.Action.WITHDRAWN, reason));
    }

    /** Refused, atomically, while any instance points to the specification. */
    public void delete(Specification seen, String reason) {
        access.requireSpecificationChanges("Deleting " + seen.name() + " " + seen.version());
        repository.delete(seen.uuid(), event(VersionEvent.Action.DELETED, reason));
    }

    /** What freezing does, said before it is confirmed (screen and command line). */
    public static String describeFreeze(Specification spec) {
        return String.format("%s %s takes no new instances once frozen. The %s standing on it stay%s as they are. Unfreeze undoes it.",
                spec.name(), spec.version(), plural(spec.instanceCount(), "instance"), spec.instanceCount() == 1 ? "s" : "");
    }

    /** What withdrawing does, with the instances still standing on the major per RSP. */
    public static String describeWithdrawal(Specification spec, Map<String, Long> impact) {
        long total = impact.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "No instance stands on " + spec.name() + " v" + spec.majorVersion() + ". After withdrawal it takes no new instances.";
        }
        return String.format("%,d instance%s still stand%s on %s v%d:%n", total, total == 1 ? "" : "s", total == 1 ? "s" : "", spec.name(), spec.majorVersion())
                + impact.entrySet().stream().map(e -> String.format("  %s: %,d", e.getKey(), e.getValue())).collect(java.util.stream.Collectors.joining("\n"))
                + "\nThey keep working and stay listed under the withdrawn major; it takes no new instances.";
    }

    /** What deleting does, or that it will be refused while instances stand on the specification. */
    public static String describeDelete(Specification spec) {
        String node = spec.name() + " " + spec.version() + " (" + spec.uuid() + ")";
        if (spec.instanceCount() > 0) {
            return String.format("%s has %s standing on it, so the delete will be refused; nothing is deleted while any instance stands on it.",
                    node, plural(spec.instanceCount(), "instance"));
        }
        return node + " and what diffo-admin records about it (its allowed values and status) are deleted. No instance stands on it."
                + " Its history stays. This cannot be undone.";
    }

    private static String plural(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /**
     * Records what an existing version allows, for a catalogue diffo-admin did not write (diffo keeps allowed values
     * in its code): our rule nodes only, so diffo's version numbers and {@code updatedAt} stay as they are; recorded
     * in the history as "allowed values recorded" with who, when and why.
     */
    public Specification recordRules(Specification seen, List<CharacteristicRule> rules, String reason) {
        access.requireSpecificationChanges("Recording the allowed values of " + seen.name() + " " + seen.version());
        if (rules == null || rules.isEmpty()) {
            throw new InvalidInputException("No allowed values given for " + seen.name() + " " + seen.version(),
                    "Tick the values in use that the version allows, or write rules such as broadband.technology: string = fttc, fttn.");
        }
        return repository.apply(seen.uuid(), seen.updatedAt(), new SpecificationChange.RecordRules(rules), event(VersionEvent.Action.RULES_RECORDED, reason));
    }

    /** The values stored on the version's instances, per field, with counts: what a user ticks when recording rules. */
    public List<ValueInUse> valuesInUse(Specification specification) {
        return repository.valuesInUse(specification.uuid());
    }

    /** Rules allowing exactly the ticked values (one rule per field; integer where every value is a whole number). */
    public static List<CharacteristicRule> rulesAllowing(List<ValueInUse> ticked) {
        Map<String, java.util.SortedSet<String>> byKey = new java.util.TreeMap<>();
        ticked.forEach(v -> byKey.computeIfAbsent(v.key(), k -> new java.util.TreeSet<>()).add(v.value()));
        return byKey.entrySet().stream().map(e -> {
            ValueInUse any = ticked.stream().filter(v -> v.key().equals(e.getKey())).findFirst().orElseThrow();
            boolean whole = e.getValue().stream().allMatch(v -> v.matches("-?\\d+"));
            boolean bool = e.getValue().stream().allMatch(v -> v.equals("true") || v.equals("false"));
            CharacteristicRule.ValueType type = whole ? CharacteristicRule.ValueType.INTEGER : bool ? CharacteristicRule.ValueType.BOOLEAN : CharacteristicRule.ValueType.STRING;
            return new CharacteristicRule(any.characteristic(), any.field(), type, List.copyOf(e.getValue()), false);
        }).toList();
    }

    /**
     * The timeline of a name across its majors: our own events, merged with what diffo's nodes say themselves
     * (each major's {@code createdAt}, and its {@code updatedAt} with its current version) where no event of ours
     * covers it, so a catalogue diffo wrote has a history too.
     */
    public List<VersionEvent> history(String name) {
        List<VersionEvent> ours = repository.history(name);
        List<VersionEvent> merged = new java.util.ArrayList<>(ours);
        for (Specification major : repository.majors(name)) {
            List<VersionEvent> mine = ours.stream().filter(e -> major.uuid().equals(e.specificationUuid())).toList();
            SpecificationSnapshot now = SpecificationSnapshot.of(major, repository.rules(major.uuid()));
            boolean changedSince = major.updatedAt() != null && major.createdAt() != null && major.updatedAt().isAfter(major.createdAt());
            boolean createdByUs = mine.stream().anyMatch(e -> e.action() == VersionEvent.Action.CREATED || e.action() == VersionEvent.Action.MAJOR_PUBLISHED);
            if (!createdByUs && major.createdAt() != null) {
                merged.add(new VersionEvent("diffo-created-" + major.uuid(), name, major.uuid(), major.majorVersion(), VersionEvent.Action.DIFFO_CREATED,
                        null, changedSince ? null : major.version(), null, changedSince ? null : now, null, null, major.createdAt()));
            }
            // our own writes to diffo's node set its updatedAt to the event's time: such a change is already in our history
            boolean changedOutsideUs = changedSince && mine.stream().filter(e -> WRITES_DIFFOS_NODE.contains(e.action()))
                    .noneMatch(e -> e.at() != null && !e.at().isBefore(major.updatedAt().minusSeconds(1)));
            if (changedOutsideUs) {
                merged.add(new VersionEvent("diffo-updated-" + major.uuid(), name, major.uuid(), major.majorVersion(), VersionEvent.Action.DIFFO_UPDATED,
                        null, major.version(), null, now, null, null, major.updatedAt()));
            }
        }
        merged.sort(java.util.Comparator.comparing(VersionEvent::at, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparingLong(VersionEvent::majorVersion));
        return merged;
    }

    private Specification transition(Specification seen, SpecificationStatus to, SpecificationStatus from, VersionEvent.Action action, String reason) {
        if (seen.status() != from) {
            throw new InvalidInputException(seen.name() + " v" + seen.majorVersion() + " is " + seen.status().stored()
                    + ", so it cannot be " + action.label(), seen.status() == SpecificationStatus.WITHDRAWN ? "A withdrawn major stays withdrawn." : "Refresh and try again.");
        }
        return repository.apply(seen.uuid(), seen.updatedAt(), new SpecificationChange.Status(to), event(action, reason));
    }

    private Specification latest(String name) {
        return repository.latestMajor(name).orElseThrow(() -> new DiffoAdminException("There is no specification named '" + name + "'",
                "Create it first (major 1)."));
    }

    private static void requireEditable(Specification seen) {
        if (seen.status() == SpecificationStatus.WITHDRAWN) {
            throw new InvalidInputException(seen.name() + " v" + seen.majorVersion() + " is withdrawn", "A withdrawn major is not changed any more.");
        }
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " is required", "Fill it in.");
        }
    }

    private EventDraft event(VersionEvent.Action action, String reason) {
        return new EventDraft(action, operator.name(), reason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** For the repository's patch: blank means "remove", so an emptied field is cleared. */
    private static String orBlank(String s) {
        return s == null ? "" : s.strip();
    }
}
