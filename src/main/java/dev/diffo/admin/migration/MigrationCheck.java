package dev.diffo.admin.migration;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.Relabel;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.StoredValue;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.VersioningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The wizard's first steps: which RSPs stand on a source, the live count of a selection, and the check itself —
 * the selection and a survey of its distinct values judged against what the target allows. The two reads over
 * the selection run side by side on the application's executor; a caller that cancels stops waiting at once and
 * the reads are interrupted (the driver then terminates their connections).
 */
@Singleton
public class MigrationCheck {

    /** At most this many distinct allowed values are passed to each batch (the most common ones). */
    private static final int UNAFFECTED_LIMIT = 1_000;

    /** How often a waiting check looks whether its caller has cancelled. */
    private static final long CANCEL_POLL_MILLIS = 50;

    /** What the distinct values of a selection say: the offences (with the stored values behind each), and the stored values the target allows. */
    record Survey(Map<Offence, Long> offences, Map<Offence, List<StoredValue>> offendingValues, List<StoredValue> unaffected) {
    }

    private final MigrationRepository repository;
    private final CatalogueRepository catalogue;
    private final VersioningRepository versioning;
    private final ExecutorService executor;
    private final CurrentAccess access;

    @Inject
    public MigrationCheck(MigrationRepository repository, CatalogueRepository catalogue, VersioningRepository versioning, ExecutorService executor,
                          CurrentAccess access) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.versioning = versioning;
        this.executor = executor;
        this.access = access;
    }

    /** The access this service enforces, for the screens to disable what it would refuse. */
    public CurrentAccess currentAccess() {
        return access;
    }

    /** The RSPs with instances on the source, with their counts (the wizard's choice): an RSP operator's own only. */
    public List<Rsp.Share> rsps(String sourceUuid) {
        Identifiers.requireUuid4("Source specification", sourceUuid);
        return repository.rsps(sourceUuid).stream().filter(share -> access.covers(share.rsp().key())).toList();
    }

    /** The RSP a selection is of: for an RSP operator its own (another is refused). */
    String scoped(String rsp, String what) {
        return access.scopeRsp(rsp, what);
    }

    /**
     * The RSP that {@code given} names on the source: a party key (any case) or a name prefix; a party's name only
     * when exactly one party on the source has it. An ambiguous name or an RSP without instances there is refused,
     * listing the RSPs present with their counts.
     */
    public Rsp resolveRsp(String sourceUuid, String given) {
        Specification source = spec(sourceUuid, "Source");
        return Rsp.resolve(scoped(given, "Choosing instances to migrate"), rsps(sourceUuid), source.name() + " " + source.version());
    }

    /** How many instances a check with these choices would select (the wizard's live count). */
    public long count(String rsp, String sourceUuid, String nameFilter) {
        Identifiers.requireUuid4("Source specification", sourceUuid);
        return repository.selectionCount(sourceUuid, scoped(rsp, "Counting instances"), filter(nameFilter));
    }

    /** A page of the checked instances carrying an offending value, for per-instance remedies (by name, after {@code after}). */
    public List<MigrationRepository.InstanceRef> carrying(Check check, Offence offence, String contains, String after, int limit) {
        access.requireRsp(check.rsp(), "Reading instances");
        return repository.carrying(check.source().uuid(), check.rsp(), check.nameFilter(), check.offendingValues().getOrDefault(offence, List.of()),
                contains, after, limit);
    }

    /**
     * Refuses a target of another name, an older or same major, or a target that takes no new instances; selects
     * the RSP's instances on the source (those whose name contains {@code nameFilter}, when given) and judges
     * their values against what the target allows. Cancelling {@code progress} abandons it with a
     * {@link CancellationException}; nothing is written either way.
     */
    public Check check(String asked, String sourceUuid, String targetUuid, String nameFilter, Progress progress) {
        String rsp = scoped(asked, "Checking a migration");
        Specification source = spec(sourceUuid, "Source");
        Specification target = spec(targetUuid, "Target");
        requireMigratable(source, target);
        List<CharacteristicRule> rules = versioning.rules(targetUuid);
        String filter = filter(nameFilter);
        // the distinct values from the counts the app keeps, when they serve: then only the selection is read
        Optional<MigrationRepository.KeptValues> kept = filter == null ? repository.keptValues(sourceUuid, rsp) : Optional.empty();
        List<String> selection;
        Survey survey;
        java.time.ZonedDateTime valuesCountedAt = null;
        if (kept.isPresent()) {
            Future<List<String>> selecting = executor.submit(() -> repository.selection(sourceUuid, rsp, filter));
            selection = await(selecting, progress, List.of(selecting));
            if (selection.size() == kept.get().instances()) {
                survey = survey(kept.get().values(), rules);
                valuesCountedAt = kept.get().countedAt();
            } else {
                // the kept counts disagree with the graph for this RSP (written behind the app's back): the values are read
                Future<Survey> surveying = executor.submit(() -> survey(sourceUuid, rsp, filter, rules));
                survey = await(surveying, progress, List.of(surveying));
            }
        } else {
            // the two reads over the selection are independent: side by side, each in its own read transaction
            Future<Survey> surveying = executor.submit(() -> survey(sourceUuid, rsp, filter, rules));
            Future<List<String>> selecting = executor.submit(() -> repository.selection(sourceUuid, rsp, filter));
            List<Future<?>> reads = List.of(surveying, selecting);
            selection = await(selecting, progress, reads);
            survey = await(surveying, progress, reads);
        }
        List<String> sourceLabels = repository.commonLabels(sourceUuid);
        List<String> targetLabels = repository.commonLabels(targetUuid);
        return new Check(source, target, rsp, filter, selection, survey.offences(), survey.offendingValues(), rules, survey.unaffected(),
                sourceLabels, targetLabels, Relabel.between(sourceLabels, targetLabels), valuesCountedAt);
    }

    private static void requireMigratable(Specification source, Specification target) {
        if (!source.name().equals(target.name())) {
            throw new InvalidInputException("Cannot migrate " + source.name() + " instances to " + target.name(),
                    "The target must be a newer major of the same specification.");
        }
        if (target.majorVersion() <= source.majorVersion()) {
            throw new InvalidInputException("The target v" + target.majorVersion() + " is not newer than the source v" + source.majorVersion(),
                    "Choose a newer major as the target.");
        }
        if (target.status() != SpecificationStatus.CURRENT) {
            throw new InvalidInputException(target.name() + " v" + target.majorVersion() + " is " + target.status().stored(),
                    "A frozen or withdrawn major takes no new instances; choose a current one.");
        }
        if (source.type() != target.type()) {
            throw new InvalidInputException("Source and target are of different kinds",
                    "diffo respecifies services to service specifications only (and resources to resource ones).");
        }
    }

    /**
     * Waits for one of the check's reads, looking every {@value #CANCEL_POLL_MILLIS} ms whether the caller has
     * cancelled; on cancellation, interruption or a failed read every read of the check is cancelled.
     */
    private static <T> T await(Future<T> read, Progress progress, List<Future<?>> reads) {
        try {
            while (true) {
                if (progress.isCancelled()) {
                    throw new CancellationException("The check was cancelled; nothing was written");
                }
                try {
                    return read.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // not yet: look at the caller again
                }
            }
        } catch (ExecutionException e) {
            reads.forEach(r -> r.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            reads.forEach(r -> r.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("The check was interrupted; nothing was written");
        } catch (CancellationException e) {
            reads.forEach(r -> r.cancel(true));
            throw e;
        }
    }

    /** Every offending value must be remapped to an allowed value or excluded before anything runs; a relabel must be the one offered. */
    public void validate(MigrationPlan plan, Check check) {
        if (plan.relabel() != null && !plan.relabel().equals(check.relabelOffer())) {
            throw new InvalidInputException("Relabel " + plan.relabel() + " is not what instances on " + check.target().version() + " carry",
                    check.relabelOffer() == null ? "Keep the labels: no consumer-module label of the target is known (no instance stands on it yet, or it carries the same labels)."
                            : "The relabel on offer is " + check.relabelOffer() + ".");
        }
        Map<String, CharacteristicRule> rules = new HashMap<>();
        check.targetRules().forEach(r -> rules.put(r.key(), r));
        for (Offence offence : check.offences().keySet()) {
            String mapped = plan.remap(offence.key(), offence.value());
            if (mapped == null && !plan.excludes(offence.key(), offence.value())) {
                throw new InvalidInputException(check.offences().get(offence) + " instance(s) have " + offence + ", which "
                        + check.target().name() + " v" + check.target().majorVersion() + " does not allow",
                        "Map it to an allowed value (--map " + offence + "→…, e.g. " + offence.key() + "=" + offence.value() + ":"
                                + rules.get(offence.key()).allowedValues().getFirst() + ") or exclude those instances. Nothing was written.");
            }
        }
        plan.perInstance().forEach((uuid, remedy) -> remedy.values().forEach((key, to) -> requireAllowed(rules.get(key), key, to,
                "Instance " + uuid + "'s own remedy " + key + " → " + to + " is a value the target does not allow")));
        plan.mapping().forEach((key, values) -> values.forEach((from, to) -> requireAllowed(rules.get(key), key, to,
                "The mapping " + key + ": " + from + " → " + to + " leads to a value the target does not allow")));
    }

    private static void requireAllowed(CharacteristicRule rule, String key, String to, String refusal) {
        if (rule != null && !rule.allows(to)) {
            throw new InvalidInputException(refusal, "Allowed: " + String.join(", ", rule.allowedValues()) + ".");
        }
    }

    /**
     * What the plan asks of fields the target has no allowed values recorded for: accepted (diffo keeps allowed
     * values in its code, so the operator may know better than our records), applied as asked, and said plainly.
     */
    public List<String> warnings(MigrationPlan plan, Check check) {
        Set<String> ruled = new HashSet<>(check.targetRules().stream().map(CharacteristicRule::key).toList());
        List<String> warnings = new ArrayList<>();
        new TreeMap<>(plan.mapping()).forEach((key, values) -> {
            if (!ruled.contains(key)) {
                new TreeMap<>(values).forEach((from, to) -> warnings.add("No allowed values are recorded for " + key + " on "
                        + check.target().name() + " " + check.target().version() + ": " + key + ": " + from + " → " + to + " is applied as given, unchecked."));
            }
        });
        plan.excluded().stream().filter(o -> !ruled.contains(o.key()))
                .forEach(o -> warnings.add("No allowed values are recorded for " + o.key() + " on " + check.target().version() + ": instances with " + o + " stay on the source as asked."));
        plan.perInstance().forEach((uuid, remedy) -> remedy.values().keySet().stream().filter(key -> !ruled.contains(key))
                .forEach(key -> warnings.add("Instance " + uuid + "'s own " + key + " → " + remedy.values().get(key) + " is unchecked: no allowed values are recorded for " + key + ".")));
        return warnings;
    }

    /** Judges each distinct stored value once (a million instances carry a handful of technologies). */
    Survey survey(String sourceUuid, String rsp, String nameFilter, List<CharacteristicRule> rules) {
        return survey(repository.valueCounts(sourceUuid, rsp, nameFilter), rules);
    }

    private static Survey survey(List<MigrationRepository.ValueCount> valueCounts, List<CharacteristicRule> rules) {
        Map<Offence, Long> offences = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        Map<Offence, List<StoredValue>> offendingValues = new HashMap<>();
        List<StoredValue> unaffected = new ArrayList<>();
        for (MigrationRepository.ValueCount v : valueCounts) {
            StoredValue stored = new StoredValue(v.name(), v.value());
            List<Offence> found = Judge.offences(stored, rules);
            for (Offence o : found) {
                offences.merge(o, v.instances(), Long::sum);
                offendingValues.computeIfAbsent(o, k -> new ArrayList<>()).add(stored);
            }
            if (found.isEmpty() && v.name() != null && v.value() != null && unaffected.size() < UNAFFECTED_LIMIT) {
                unaffected.add(stored);
            }
        }
        return new Survey(offences, offendingValues, unaffected);
    }

    Specification spec(String uuid, String what) {
        Identifiers.requireUuid4(what + " specification", uuid);
        return catalogue.findByUuid(uuid).orElseThrow(() -> new DiffoAdminException(what + " specification " + uuid + " does not exist",
                "Refresh the catalogue."));
    }

    private static String filter(String nameFilter) {
        return nameFilter == null || nameFilter.isBlank() ? null : nameFilter.strip();
    }
}
