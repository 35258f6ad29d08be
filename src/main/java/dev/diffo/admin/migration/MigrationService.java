package dev.diffo.admin.migration;

import dev.diffo.admin.domain.Candidate;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.Decision;
import dev.diffo.admin.domain.StoredCharacteristic;
import dev.diffo.admin.domain.StoredValue;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Relabel;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.MigrationRepository;
import dev.diffo.admin.repository.VersioningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moves an RSP's instances from one major to a newer major of the same name (diffo's respecify), in batches
 * that each land whole or not at all, remediating values the target no longer allows, with a ledger that
 * lets a run resume after a crash and be undone.
 */
@Singleton
public class MigrationService {

    /**
     * The selection and the values in it that the target does not allow, grouped by value; {@code unaffected}
     * are the stored values the check found the target allows (a run need not read them again).
     */
    public record Check(Specification source, Specification target, String rsp, String nameFilter, List<String> selection,
                        Map<Offence, Long> offences, Map<Offence, List<StoredValue>> offendingValues, List<CharacteristicRule> targetRules,
                        List<StoredValue> unaffected, List<String> sourceLabels, List<String> targetLabels, Relabel relabelOffer) {
        public Check {
            selection = List.copyOf(selection);
            unaffected = List.copyOf(unaffected);
            offendingValues = Map.copyOf(offendingValues);
            sourceLabels = List.copyOf(sourceLabels);
            targetLabels = List.copyOf(targetLabels);
        }

        /** What happens to the labels, said plainly (diffo's respecify keeps them). */
        public String labelNote() {
            if (sourceLabels.isEmpty()) {
                return "";
            }
            String kept = "Moved instances keep their labels (:" + String.join(":", sourceLabels) + "), as diffo's respecify does";
            if (targetLabels.isEmpty()) {
                return kept + "; no instance stands on " + target.version() + " yet to show a label of its own.";
            }
            if (relabelOffer == null) {
                return kept + "; instances on " + target.version() + " carry the same consumer labels.";
            }
            return kept + "; instances built for " + target.version() + " carry :" + String.join(":", targetLabels)
                    + ". Relabelling (" + relabelOffer + ") is optional, recorded and undone with the run.";
        }

        public long selected() {
            return selection.size();
        }

        /** Whether the check could judge anything: a target with no allowed values recorded passes every value. */
        public boolean targetRulesRecorded() {
            return !targetRules.isEmpty();
        }

        /** Said plainly when the target has no allowed values recorded (a catalogue diffo wrote has none). */
        public String rulesNote() {
            return targetRulesRecorded() ? "" : target.name() + " " + target.version() + " has no allowed values recorded (diffo keeps them in its code),"
                    + " so every value passes this check. Record them first (Versioning → Record allowed values…, or spec rules) to find the values it does not allow.";
        }

        public long needingRemediation() {
            return offences.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * What a run of {@code plan} will do, from the check it was planned on, said before it starts: "Move 4 of acme's
     * instances from broadband v1.0.0 to v2.0.0, rewriting 2 values; batches of 5,000."
     */
    public static String describeRun(MigrationPlan plan, Check check) {
        return describeRun(plan, check, plan.rsp());
    }

    /** The same, naming the RSP as the user chose it ({@code ORG000000123456 · organizationId}). */
    public static String describeRun(MigrationPlan plan, Check check, String whose) {
        long excluded = check.offences().entrySet().stream().filter(e -> plan.excludes(e.getKey().key(), e.getKey().value()))
                .mapToLong(Map.Entry::getValue).sum();
        long rewriting = check.offences().entrySet().stream().filter(e -> !plan.excludes(e.getKey().key(), e.getKey().value())
                && plan.remap(e.getKey().key(), e.getKey().value()) != null).mapToLong(Map.Entry::getValue).sum();
        long ownExcluded = plan.perInstance().values().stream().filter(MigrationPlan.InstanceRemedy::exclude).count();
        long ownRemapped = plan.perInstance().size() - ownExcluded;
        long moving = Math.max(0, check.selected() - excluded - ownExcluded);
        StringBuilder text = new StringBuilder(String.format("Move %,d of %s's instances from %s %s to %s, rewriting %,d value%s; batches of %,d.",
                moving, whose, check.source().name(), check.source().version(), check.target().version(), rewriting,
                rewriting == 1 ? "" : "s", plan.batchSize()));
        if (excluded + ownExcluded > 0) {
            text.append(String.format("%n%,d stay%s on %s (excluded by the plan).", excluded + ownExcluded, excluded + ownExcluded == 1 ? "s" : "",
                    check.source().version()));
        }
        if (ownRemapped > 0) {
            text.append(String.format("%n%,d instance%s get%s a value of its own.", ownRemapped, ownRemapped == 1 ? "" : "s", ownRemapped == 1 ? "s" : ""));
        }
        if (plan.relabel() != null) {
            text.append("\nMoved instances are relabelled ").append(plan.relabel()).append('.');
        }
        text.append("\nEach batch is recorded; Undo last run puts them back.");
        return text.toString();
    }

    /** What undoing {@code run} will do, said before it starts. */
    public static String describeUndo(MigrationRun run) {
        return String.format("Undo run %s (%s's instances, %s → %s, started %s by %s): %,d instance%s go%s back to %s with %s original values.",
                run.uuid(), run.rsp(), run.sourceVersion(), run.targetVersion(), dev.diffo.admin.domain.Dates.display(run.startedAt()), run.actor(),
                run.migrated(), run.migrated() == 1 ? "" : "s", run.migrated() == 1 ? "es" : "", run.sourceVersion(),
                run.migrated() == 1 ? "its" : "their");
    }

    /** What a dry run would do; nothing was written. */
    public record DryRun(long selected, long wouldMigrate, long wouldExclude, long skipped, long wouldRelabel, List<String> sampleBefore,
                         List<String> sampleAfter, long examined) {
        /** Whether it was stopped before the end: the counts are those of the {@code examined} instances. */
        public boolean stopped() {
            return examined < selected;
        }
    }

    /** Batch transactions running at once: two keep two cores busy (one batch reads and decides while another commits). */
    static final int BATCHES_IN_FLIGHT = 2;

    /** At most this many distinct allowed values are passed to each batch (the most common ones). */
    private static final int UNAFFECTED_LIMIT = 1_000;

    /** What the distinct values of a selection say: the offences (with the stored values behind each), and the stored values the target allows. */
    private record Survey(Map<Offence, Long> offences, Map<Offence, List<StoredValue>> offendingValues, List<StoredValue> unaffected) {
    }

    private final MigrationRepository repository;
    private final CatalogueRepository catalogue;
    private final VersioningRepository versioning;
    private final Operator operator;

    @Inject
    public MigrationService(MigrationRepository repository, CatalogueRepository catalogue, VersioningRepository versioning, Operator operator) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.versioning = versioning;
        this.operator = operator;
    }

    /** The RSPs with instances on the source, with their counts (the wizard's choice). */
    public List<Rsp.Share> rsps(String sourceUuid) {
        Identifiers.requireUuid4("Source specification", sourceUuid);
        return repository.rsps(sourceUuid);
    }

    /**
     * The RSP that {@code given} names on the source: a party key (any case) or a name prefix; a party's name only
     * when exactly one party on the source has it. An ambiguous name or an RSP without instances there is refused,
     * listing the RSPs present with their counts.
     */
    public Rsp resolveRsp(String sourceUuid, String given) {
        Specification source = spec(sourceUuid, "Source");
        return Rsp.resolve(given, repository.rsps(sourceUuid), source.name() + " " + source.version());
    }

    public Check check(String rsp, String sourceUuid, String targetUuid) {
        return check(rsp, sourceUuid, targetUuid, null);
    }

    /**
     * Refuses a target of another name, an older or same major, or a target that takes no new instances; selects
     * the RSP's instances on the source (those whose name contains {@code nameFilter}, when given) and judges
     * their values against what the target allows.
     */
    public Check check(String rsp, String sourceUuid, String targetUuid, String nameFilter) {
        Specification source = spec(sourceUuid, "Source");
        Specification target = spec(targetUuid, "Target");
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
            throw new InvalidInputException("Source and target are of different kinds", "diffo respecifies services to service specifications only (and resources to resource ones).");
        }
        List<CharacteristicRule> rules = versioning.rules(targetUuid);
        String filter = nameFilter == null || nameFilter.isBlank() ? null : nameFilter.strip();
        // the two reads over the selection are independent: side by side, each in its own read transaction
        CompletableFuture<Survey> surveying = CompletableFuture.supplyAsync(() -> survey(sourceUuid, rsp, filter, rules),
                command -> Thread.ofPlatform().daemon().name("migration-survey").start(command));
        List<String> selection = repository.selection(sourceUuid, rsp, filter);
        Survey survey = join(surveying);
        List<String> sourceLabels = repository.commonLabels(sourceUuid);
        List<String> targetLabels = repository.commonLabels(targetUuid);
        return new Check(source, target, rsp, filter, selection, survey.offences(), survey.offendingValues(), rules, survey.unaffected(),
                sourceLabels, targetLabels, Relabel.between(sourceLabels, targetLabels));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** How many instances a check with these choices would select (the wizard's live count). */
    public long count(String rsp, String sourceUuid, String nameFilter) {
        Identifiers.requireUuid4("Source specification", sourceUuid);
        return repository.selectionCount(sourceUuid, rsp, nameFilter == null || nameFilter.isBlank() ? null : nameFilter.strip());
    }

    /** A page of the checked instances carrying an offending value, for per-instance remedies (by name, after {@code after}). */
    public List<MigrationRepository.InstanceRef> carrying(Check check, Offence offence, String contains, String after, int limit) {
        return repository.carrying(check.source().uuid(), check.rsp(), check.nameFilter(), check.offendingValues().getOrDefault(offence, List.of()),
                contains, after, limit);
    }

    /** Judges each distinct stored value once (a million instances carry a handful of technologies). */
    private Survey survey(String sourceUuid, String rsp, String nameFilter, List<CharacteristicRule> rules) {
        Map<Offence, Long> offences = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        Map<Offence, List<StoredValue>> offendingValues = new HashMap<>();
        List<StoredValue> unaffected = new ArrayList<>();
        for (MigrationRepository.ValueCount v : repository.valueCounts(sourceUuid, rsp, nameFilter)) {
            List<Offence> found = offences(new Candidate(null, null, null, List.of(new StoredCharacteristic(null, v.name(), v.value()))), rules);
            for (Offence o : found) {
                offences.merge(o, v.instances(), Long::sum);
                offendingValues.computeIfAbsent(o, k -> new ArrayList<>()).add(new StoredValue(v.name(), v.value()));
            }
            if (found.isEmpty() && v.name() != null && v.value() != null && unaffected.size() < UNAFFECTED_LIMIT) {
                unaffected.add(new StoredValue(v.name(), v.value()));
            }
        }
        return new Survey(offences, offendingValues, unaffected);
    }

    private Specification spec(String uuid, String what) {
        Identifiers.requireUuid4(what + " specification", uuid);
        return catalogue.findByUuid(uuid).orElseThrow(() -> new DiffoAdminException(what + " specification " + uuid + " does not exist",
                "Refresh the catalogue."));
    }

    /** Every (rule, value) of this instance that the target's rules do not allow. */
    static List<Offence> offences(Candidate candidate, List<CharacteristicRule> rules) {
        List<Offence> found = new ArrayList<>();
        for (CharacteristicRule rule : rules) {
            for (StoredCharacteristic c : candidate.characteristics()) {
                if (rule.characteristic().equals(c.name())) {
                    CharacteristicValues.read(c.value(), rule.field())
                            .filter(value -> !rule.allows(value))
                            .ifPresent(value -> found.add(new Offence(rule.key(), value)));
                }
            }
        }
        return found;
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
        plan.perInstance().forEach((uuid, remedy) -> remedy.values().forEach((key, to) -> {
            CharacteristicRule rule = rules.get(key);
            if (rule != null && !rule.allows(to)) {
                throw new InvalidInputException("Instance " + uuid + "'s own remedy " + key + " → " + to + " is a value the target does not allow",
                        rule == null ? "The target has no characteristic " + key + "." : "Allowed: " + String.join(", ", rule.allowedValues()) + ".");
            }
        }));
        plan.mapping().forEach((key, values) -> values.forEach((from, to) -> {
            CharacteristicRule rule = rules.get(key);
            if (rule != null && !rule.allows(to)) {
                throw new InvalidInputException("The mapping " + key + ": " + from + " → " + to + " leads to a value the target does not allow",
                        rule == null ? "The target has no characteristic " + key + "." : "Allowed: " + String.join(", ", rule.allowedValues()) + ".");
            }
        }));
    }

    /**
     * What the plan asks of fields the target has no allowed values recorded for: accepted (diffo keeps allowed
     * values in its code, so the operator may know better than our records), applied as asked, and said plainly.
     */
    public List<String> warnings(MigrationPlan plan, Check check) {
        java.util.Set<String> ruled = new java.util.HashSet<>(check.targetRules().stream().map(CharacteristicRule::key).toList());
        List<String> warnings = new ArrayList<>();
        new java.util.TreeMap<>(plan.mapping()).forEach((key, values) -> {
            if (!ruled.contains(key)) {
                new java.util.TreeMap<>(values).forEach((from, to) -> warnings.add("No allowed values are recorded for " + key + " on "
                        + check.target().name() + " " + check.target().version() + ": " + key + ": " + from + " → " + to + " is applied as given, unchecked."));
            }
        });
        plan.excluded().stream().filter(o -> !ruled.contains(o.key()))
                .forEach(o -> warnings.add("No allowed values are recorded for " + o.key() + " on " + check.target().version() + ": instances with " + o + " stay on the source as asked."));
        plan.perInstance().forEach((uuid, remedy) -> remedy.values().keySet().stream().filter(key -> !ruled.contains(key))
                .forEach(key -> warnings.add("Instance " + uuid + "'s own " + key + " → " + remedy.values().get(key) + " is unchecked: no allowed values are recorded for " + key + ".")));
        return warnings;
    }

    /** The keys the plan names (mapping, exclusions, per-instance values) that the target has no rule for. */
    private static java.util.Set<String> unruledKeys(MigrationPlan plan, List<CharacteristicRule> rules) {
        java.util.Set<String> keys = new java.util.HashSet<>(plan.mapping().keySet());
        plan.excluded().forEach(o -> keys.add(o.key()));
        plan.perInstance().values().forEach(r -> keys.addAll(r.values().keySet()));
        rules.forEach(r -> keys.remove(r.key()));
        return keys;
    }

    private static String characteristicOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String fieldOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? null : key.substring(dot + 1);
    }

    Decider decider(MigrationPlan plan, List<CharacteristicRule> rules, List<StoredValue> unaffected) {
        // values the plan remaps or excludes on a field without rules must be read by each batch, not skipped as allowed
        java.util.Set<String> unruled = unruledKeys(plan, rules);
        List<StoredValue> untouched = unruled.isEmpty() ? unaffected : unaffected.stream()
                .filter(v -> unruled.stream().noneMatch(key -> characteristicOf(key).equals(v.name())))
                .toList();
        return new Decider() {
            @Override
            public List<StoredValue> unaffected() {
                return untouched;
            }

            @Override
            public Relabel relabel() {
                return plan.relabel();
            }

            @Override
            public Decision decide(Candidate candidate) {
                return MigrationService.decide(plan, rules, candidate);
            }
        };
    }

    private static Decision decide(MigrationPlan plan, List<CharacteristicRule> rules, Candidate candidate) {
        if (plan.excludesInstance(candidate.uuid())) {
            return Decision.excluded("excluded by its own remedy");
        }
        Map<String, String> newValues = new HashMap<>();
        for (CharacteristicRule rule : rules) {
            for (StoredCharacteristic c : candidate.characteristics()) {
                if (!rule.characteristic().equals(c.name())) {
                    continue;
                }
                Optional<String> value = CharacteristicValues.read(c.value(), rule.field());
                if (value.isEmpty() || rule.allows(value.get())) {
                    continue;
                }
                String mapped = plan.remap(candidate.uuid(), rule.key(), value.get());
                if (mapped == null) {
                    return Decision.excluded(rule.key() + "=" + value.get() + (plan.excludes(rule.key(), value.get())
                            ? " is excluded by the plan" : " is not allowed by the target and has no remedy (it appeared after the check)"));
                }
                newValues.put(c.elementId(), CharacteristicValues.write(newValues.getOrDefault(c.elementId(), c.value()), rule.field(), mapped));
            }
        }
        for (String key : unruledKeys(plan, rules)) {
            for (StoredCharacteristic c : candidate.characteristics()) {
                if (!characteristicOf(key).equals(c.name())) {
                    continue;
                }
                Optional<String> value = CharacteristicValues.read(newValues.getOrDefault(c.elementId(), c.value()), fieldOf(key));
                if (value.isEmpty()) {
                    continue;
                }
                if (plan.excludes(key, value.get())) {
                    return Decision.excluded(key + "=" + value.get() + " is excluded by the plan");
                }
                String mapped = plan.remap(candidate.uuid(), key, value.get());
                if (mapped != null && !mapped.equals(value.get())) {
                    newValues.put(c.elementId(), CharacteristicValues.write(newValues.getOrDefault(c.elementId(), c.value()), fieldOf(key), mapped));
                }
            }
        }
        return new Decision(false, newValues);
    }

    /** Checks, then dry-runs the plan. */
    public DryRun dryRun(MigrationPlan plan, Progress progress) {
        return dryRun(plan, check(plan.rsp(), plan.sourceUuid(), plan.targetUuid(), plan.nameFilter()), progress);
    }

    /** The whole plan on a check the caller made, batch by batch, each batch rolled back: counts and a sample, nothing written. */
    public DryRun dryRun(MigrationPlan plan, Check check, Progress progress) {
        requireSamePlan(plan, check);
        validate(plan, check);
        List<String> selection = check.selection();
        MigrationRun pseudo = MigrationRun.builder().uuid("dry-run").kind(MigrationRun.Kind.RUN).rsp(plan.rsp())
                .sourceUuid(plan.sourceUuid()).targetUuid(plan.targetUuid()).sourceVersion(check.source().version())
                .targetVersion(check.target().version()).status(MigrationRun.Status.RUNNING).total(selection.size()).actor(operator.name())
                .batchSize(plan.batchSize()).nameFilter(plan.nameFilter()).relabel(plan.relabel()).build();
        long migrate = 0;
        long exclude = 0;
        long skipped = 0;
        long relabel = 0;
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        var decider = decider(plan, check.targetRules(), check.unaffected());
        long examined = 0;
        for (int from = 0, index = 0; from < selection.size(); from += plan.batchSize(), index++) {
            if (progress.isCancelled()) {
                break; // stopped between batches: each batch was rolled back, so nothing was ever written
            }
            var result = repository.migrateBatch(pseudo, null, index, selection.subList(from, Math.min(selection.size(), from + plan.batchSize())), decider, true);
            examined = Math.min(selection.size(), from + plan.batchSize());
            migrate += result.migrated();
            exclude += result.excluded();
            skipped += result.skipped();
            relabel += result.relabelled();
            if (before.size() < 5) {
                before.addAll(result.sampleBefore());
                after.addAll(result.sampleAfter());
            }
            progress.update(Math.min(selection.size(), from + plan.batchSize()), selection.size());
        }
        return new DryRun(selection.size(), migrate, exclude, skipped, relabel, List.copyOf(before), List.copyOf(after), examined);
    }

    /** Checks, then runs a migration; cancelling pauses it between batches (resumable). */
    public MigrationRun run(MigrationPlan plan, Progress progress) {
        return run(plan, check(plan.rsp(), plan.sourceUuid(), plan.targetUuid(), plan.nameFilter()), progress);
    }

    /**
     * Runs a migration on the selection of a check the caller has just made and shown (the wizard's and the
     * CLI's flow), without reading every instance twice. A value that appeared since the check and is not
     * mapped is not written: its instance stays on the source (counted as excluded).
     */
    public MigrationRun run(MigrationPlan plan, Check check, Progress progress) {
        requireSamePlan(plan, check);
        validate(plan, check);
        String owner = Identifiers.newUuid4();
        MigrationRun run = repository.startRun(plan, MigrationRun.Kind.RUN, null, operator.name(), owner, check.selected());
        return execute(run, owner, plan, check.targetRules(), check.unaffected(), check.selection(), progress);
    }

    /** Continues an interrupted or paused run: what is still on the source is what is left; nothing moves twice. */
    public MigrationRun resume(String runUuid, Progress progress) {
        String owner = Identifiers.newUuid4();
        MigrationRun run = repository.claim(runUuid, owner);
        if (run.kind() == MigrationRun.Kind.UNDO) {
            return undoBatches(run, owner, progress);
        }
        MigrationPlan plan = planOf(run);
        List<CharacteristicRule> rules = versioning.rules(run.targetUuid());
        List<String> selection = repository.selection(run.sourceUuid(), run.rsp(), run.nameFilter());
        return execute(run, owner, plan, rules, survey(run.sourceUuid(), run.rsp(), run.nameFilter(), rules).unaffected(), selection, progress);
    }

    /** The plan a run was started with, as its ledger keeps it. */
    static MigrationPlan planOf(MigrationRun run) {
        return dev.diffo.admin.common.PlanCodec.planOf(run);
    }

    private static void requireSamePlan(MigrationPlan plan, Check check) {
        if (!check.source().uuid().equals(plan.sourceUuid()) || !check.target().uuid().equals(plan.targetUuid())
                || !check.rsp().equalsIgnoreCase(plan.rsp()) || !java.util.Objects.equals(check.nameFilter(), plan.nameFilter())) {
            throw new IllegalArgumentException("the check is for another plan");
        }
    }

    /**
     * Runs the selection's batches, {@link #BATCHES_IN_FLIGHT} at a time (each its own transaction, on disjoint
     * instances; one reads and decides while another commits). Cancelling stops new batches, lets those in
     * flight land, and pauses the run; a failing batch leaves nothing of itself, the others are kept.
     */
    private MigrationRun execute(MigrationRun run, String owner, MigrationPlan plan, List<CharacteristicRule> rules, List<StoredValue> unaffected,
                                 List<String> selection, Progress progress) {
        var decider = decider(plan, rules, unaffected);
        long started = System.nanoTime();
        long done = 0;
        int index = repository.nextBatchIndex(run.uuid());
        RuntimeException failure = null;
        boolean paused = false;
        ExecutorService workers = Executors.newFixedThreadPool(BATCHES_IN_FLIGHT, Thread.ofPlatform().daemon().name("migration-batch-", 0).factory());
        Deque<Future<Integer>> inFlight = new ArrayDeque<>();
        try {
            for (int from = 0; from < selection.size() || !inFlight.isEmpty(); ) {
                boolean submit = from < selection.size() && failure == null && !paused && inFlight.size() < BATCHES_IN_FLIGHT;
                if (submit && progress.isCancelled()) {
                    paused = true;
                    continue;
                }
                if (submit) {
                    List<String> batch = selection.subList(from, Math.min(selection.size(), from + plan.batchSize()));
                    int batchIndex = index++;
                    inFlight.add(workers.submit(() -> {
                        repository.migrateBatch(run, owner, batchIndex, batch, decider, false);
                        return batch.size();
                    }));
                    from += batch.size();
                    continue;
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                try {
                    done += inFlight.poll().get();
                    progress.update(done, selection.size());
                    progress.message(rateAndEta(done, selection.size(), System.nanoTime() - started));
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new DiffoAdminException("The migration was interrupted", "Resume it.");
        } finally {
            workers.shutdown();
        }
        if (failure != null) {
            finishInterrupted(run.uuid(), failure);
            throw new DiffoAdminException("The migration stopped after " + String.format("%,d", done) + " of " + String.format("%,d", selection.size())
                    + " instances: " + failure.getMessage() + " (run " + run.uuid() + ")", "Every finished batch is kept and every instance is on exactly one specification. Resume it with:\n"
                    + "diffo-admin migrate resume " + run.uuid(), failure);
        }
        return repository.finish(run.uuid(), paused ? MigrationRun.Status.PAUSED : MigrationRun.Status.COMPLETED, null);
    }

    /**
     * Records the run as interrupted, unless the connection is gone (that write would only wait out the driver's
     * retries and fail too): the run then stays running, and a resume takes it over once its heartbeat is stale.
     */
    private void finishInterrupted(String runUuid, RuntimeException failure) {
        if (failure instanceof dev.diffo.admin.domain.ConnectionLostException) {
            return;
        }
        try {
            repository.finish(runUuid, MigrationRun.Status.INTERRUPTED, failure.getMessage());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    static String rateAndEta(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
        return String.format("%,d of %,d · %,.0f instances/s · %s left", done, total, rate, eta < 0 ? "?" : eta + " s");
    }

    /** Undoes a run as a run of its own: each instance back on its source spec with its original values. */
    public MigrationRun undo(String runUuid, Progress progress) {
        MigrationRun original = repository.run(runUuid).orElseThrow(() -> new DiffoAdminException("There is no migration run " + runUuid, ""));
        if (original.kind() != MigrationRun.Kind.RUN || original.status() == MigrationRun.Status.UNDONE) {
            throw new InvalidInputException("Run " + runUuid + " cannot be undone (" + original.kind() + ", " + original.status() + ")",
                    "Only a migration run that is not undone yet can be undone.");
        }
        if (original.status() == MigrationRun.Status.RUNNING) {
            throw new InvalidInputException("Run " + runUuid + " is still running", "Pause or let it finish first.");
        }
        String owner = Identifiers.newUuid4();
        MigrationRun undo = repository.startRun(planOf(original), MigrationRun.Kind.UNDO, runUuid, operator.name(), owner, original.migrated());
        return undoBatches(undo, owner, progress);
    }

    /**
     * Undoes the run's batches (newest first), {@link #BATCHES_IN_FLIGHT} at a time: each batch is one transaction on
     * its own instances. Cancelling lets the batches in flight land and pauses the undo.
     */
    private MigrationRun undoBatches(MigrationRun undo, String owner, Progress progress) {
        List<Integer> batches = repository.undoableBatches(undo.undoOf());
        long moved = 0;
        int done = 0;
        RuntimeException failure = null;
        boolean paused = false;
        ExecutorService workers = Executors.newFixedThreadPool(BATCHES_IN_FLIGHT, Thread.ofPlatform().daemon().name("undo-batch-", 0).factory());
        Deque<Future<Integer>> inFlight = new ArrayDeque<>();
        try {
            for (int next = 0; next < batches.size() || !inFlight.isEmpty(); ) {
                boolean submit = next < batches.size() && failure == null && !paused && inFlight.size() < BATCHES_IN_FLIGHT;
                if (submit && progress.isCancelled()) {
                    paused = true;
                    continue;
                }
                if (submit) {
                    int index = batches.get(next++);
                    inFlight.add(workers.submit(() -> repository.undoBatch(undo, owner, undo.undoOf(), index)));
                    continue;
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                try {
                    moved += inFlight.poll().get();
                    progress.update(++done, batches.size());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new DiffoAdminException("The undo was interrupted", "Resume it.");
        } finally {
            workers.shutdown();
        }
        if (failure != null) {
            finishInterrupted(undo.uuid(), failure);
            throw new DiffoAdminException("The undo stopped after " + String.format("%,d", moved) + " instances: " + failure.getMessage() + " (run " + undo.uuid() + ")",
                    "Every finished batch is kept and every instance is on exactly one specification. Resume it with:\n"
                    + "diffo-admin migrate resume " + undo.uuid(), failure);
        }
        if (paused) {
            return repository.finish(undo.uuid(), MigrationRun.Status.PAUSED, null);
        }
        repository.finish(undo.undoOf(), MigrationRun.Status.UNDONE, null);
        return repository.finish(undo.uuid(), MigrationRun.Status.COMPLETED, null);
    }

    /** The run's results, one CSV row per instance it moved or left on the source, with the reason (header first). */
    public void exportCsv(String runUuid, Appendable out) throws java.io.IOException {
        MigrationRun run = repository.run(runUuid).orElseThrow(() -> new DiffoAdminException("There is no migration run " + runUuid, ""));
        out.append("run,rsp,batch,instance_uuid,outcome,from_version,to_version,values_rewritten,undone,reason\n");
        for (MigrationRepository.LedgerEntry e : repository.ledger(runUuid)) {
            out.append(String.join(",", run.uuid(), csv(run.rsp()), Integer.toString(e.batch()), e.instanceUuid(), "moved", run.sourceVersion(),
                    run.targetVersion(), Integer.toString(e.valuesRewritten()), Boolean.toString(e.undone()), "")).append('\n');
        }
        for (MigrationRepository.Left l : repository.leftOnSource(runUuid)) {
            out.append(String.join(",", run.uuid(), csv(run.rsp()), "", l.uuid() == null ? "" : l.uuid(), l.outcome(), run.sourceVersion(),
                    "", "0", "false", csv(l.reason()))).append('\n');
        }
    }

    /** The verify step: what is left of the RSP on the source, and why the run left the instances it did not move. */
    public record Verification(MigrationRun run, long remaining, Map<String, Long> reasons, List<MigrationRepository.Left> sample) {
        public String describe() {
            StringBuilder text = new StringBuilder(String.format("%s %s: %,d moved, %,d excluded, %,d skipped in %d batch%s.%nInstances of %s remaining on %s: %,d",
                    run.kind() == MigrationRun.Kind.RUN ? "Run" : "Undo", run.status().name().toLowerCase(java.util.Locale.ROOT), run.migrated(),
                    run.excluded(), run.skipped(), run.batches(), run.batches() == 1 ? "" : "es", run.rsp(), run.sourceVersion(), remaining));
            if (!reasons.isEmpty()) {
                text.append(System.lineSeparator()).append("Left on ").append(run.sourceVersion()).append(" by this run:");
                reasons.forEach((reason, n) -> text.append(System.lineSeparator()).append(String.format("  %,d × %s", n, reason)));
                for (MigrationRepository.Left l : sample) {
                    if (l.uuid() != null) {
                        text.append(System.lineSeparator()).append("    ").append(l.name()).append(" (").append(l.uuid()).append("): ").append(l.reason());
                    }
                }
                if (sample.size() < reasons.values().stream().mapToLong(Long::longValue).sum()) {
                    text.append(System.lineSeparator()).append("    … the CSV export lists them all");
                }
            }
            return text.toString();
        }
    }

    static final int VERIFY_SAMPLE = 20;

    public Verification verify(MigrationRun run) {
        long remaining = remaining(run.rsp(), run.sourceUuid());
        if (run.kind() != MigrationRun.Kind.RUN) {
            return new Verification(run, remaining, Map.of(), List.of());
        }
        return new Verification(run, remaining, leftReasons(run.uuid()), leftOnSource(run.uuid(), VERIFY_SAMPLE));
    }

    /** Why the run's instances that did not move stayed: reason → how many (the verify step's "failures"). */
    public Map<String, Long> leftReasons(String runUuid) {
        Map<String, Long> reasons = new TreeMap<>();
        for (MigrationRepository.Left l : repository.leftOnSource(runUuid)) {
            reasons.merge(l.outcome() + ": " + l.reason(), 1L, Long::sum);
        }
        return reasons;
    }

    /** The instances the run left on the source, with their reasons (up to {@code limit}). */
    public List<MigrationRepository.Left> leftOnSource(String runUuid, int limit) {
        List<MigrationRepository.Left> left = repository.leftOnSource(runUuid);
        return left.subList(0, Math.min(limit, left.size()));
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\n") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** How many of the RSP's instances still stand on the source. */
    public long remaining(String rsp, String sourceUuid) {
        return repository.selectionCount(sourceUuid, rsp, null);
    }

    public Optional<MigrationRun> findRun(String runUuid) {
        return repository.run(runUuid);
    }

    public List<MigrationRun> runs(String specUuid) {
        return repository.runs(specUuid);
    }

}
