package dev.diffo.admin.repository;

import dev.diffo.admin.domain.Candidate;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.Decision;
import dev.diffo.admin.domain.StoredCharacteristic;
import dev.diffo.admin.domain.StoredValue;
import dev.diffo.admin.domain.ValueRewrite;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Relabel;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The migration's repository in memory, for ViewModel tests: instances standing on specifications (their RSP
 * is their name's prefix, as for diffo instances without a party), batches that move them from the run's source
 * to its target and record their prior values in a ledger, runs with their status, and undo. Thread-safe, as
 * the service runs two batches side by side. {@link #failBatch} makes one batch fail, as a lost connection would.
 * Kept in step with the real repository by {@link MigrationRepositoryContract}.
 */
public class FakeMigrationRepository implements MigrationRepository {

    /** An instance and its characteristics (element id → name and JSON value). */
    public static final class Instance {
        final String elementId;
        public final String uuid;
        public final String name;
        String spec;
        final List<String> labels;
        final Map<String, String> characteristicNames = new LinkedHashMap<>();
        final Map<String, String> values = new HashMap<>();

        Instance(String elementId, String uuid, String name, String spec, List<String> labels) {
            this.elementId = elementId;
            this.uuid = uuid;
            this.name = name;
            this.spec = spec;
            this.labels = new ArrayList<>(labels);
        }

        String rsp() {
            return name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        }
    }

    private record Entry(String elementId, String uuid, Map<String, String> priorValues, Relabel relabel, List<ValueRewrite> rewrites) {
    }

    private static final class Batch {
        final int index;
        final List<Entry> entries;
        final List<Left> left;
        boolean undone;

        Batch(int index, List<Entry> entries, List<Left> left) {
            this.index = index;
            this.entries = entries;
            this.left = left;
        }
    }

    private static final class Run {
        MigrationRun run;
        String owner;
        final List<Batch> batches = new ArrayList<>();
    }

    private final CatalogueRepository catalogue;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private int nextId;
    private int failingBatch = -1;
    private ZonedDateTime clock = ZonedDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    /** The catalogue gives the runs their source and target versions. */
    public FakeMigrationRepository(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    /** Puts an instance on {@code specUuid} with these characteristics (name → stored JSON value). */
    public synchronized Instance add(String specUuid, String name, Map<String, String> characteristics, String... labels) {
        Instance instance = new Instance("4:fake:" + nextId++, Identifiers.newUuid4(), name, specUuid, List.of(labels));
        characteristics.forEach((characteristic, value) -> {
            String id = "4:fake:" + nextId++;
            instance.characteristicNames.put(id, characteristic);
            instance.values.put(id, value);
        });
        instances.put(instance.elementId, instance);
        return instance;
    }

    /** The committed batch with this index fails once, leaving nothing of itself (as a transaction that lost its connection). */
    public synchronized void failBatch(int index) {
        failingBatch = index;
    }

    public synchronized Instance instance(String name) {
        return instances.values().stream().filter(i -> i.name.equals(name)).findFirst().orElseThrow();
    }

    /** Deletes the instance (and its characteristics) behind the migration's back. */
    public synchronized void delete(String name) {
        instances.remove(instance(name).elementId);
    }

    /** Moves the instance to another specification behind the migration's back (as diffo or another run would). */
    public synchronized void respecify(String name, String specUuid) {
        instance(name).spec = specUuid;
    }

    public synchronized String specOf(String name) {
        return instance(name).spec;
    }

    /** The stored JSON value of the instance's characteristic. */
    public synchronized String valueOf(String name, String characteristic) {
        Instance instance = instance(name);
        return instance.characteristicNames.entrySet().stream().filter(e -> e.getValue().equals(characteristic))
                .map(e -> instance.values.get(e.getKey())).findFirst().orElseThrow();
    }

    public synchronized List<String> labelsOf(String name) {
        return List.copyOf(instance(name).labels);
    }

    public synchronized List<MigrationRun> allRuns() {
        return runs.values().stream().map(r -> r.run).toList();
    }

    private List<Instance> selected(String sourceUuid, String rsp, String nameFilter) {
        return instances.values().stream()
                .filter(i -> i.spec.equals(sourceUuid) && i.rsp().equalsIgnoreCase(rsp))
                .filter(i -> nameFilter == null || i.name.toLowerCase(Locale.ROOT).contains(nameFilter.toLowerCase(Locale.ROOT)))
                .toList();
    }

    @Override
    public synchronized List<dev.diffo.admin.domain.Rsp.Share> rsps(String sourceUuid) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        instances.values().stream().filter(i -> i.spec.equals(sourceUuid)).forEach(i -> counts.merge(i.rsp(), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(e -> new dev.diffo.admin.domain.Rsp.Share(new dev.diffo.admin.domain.Rsp(e.getKey(), null, dev.diffo.admin.domain.Rsp.FoundBy.NAME_PREFIX), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(dev.diffo.admin.domain.Rsp.Share::instances).reversed())
                .toList();
    }

    @Override
    public synchronized List<String> selection(String sourceUuid, String rsp, String nameFilter) {
        return selected(sourceUuid, rsp, nameFilter).stream().map(i -> i.elementId).toList();
    }

    @Override
    public synchronized long selectionCount(String sourceUuid, String rsp, String nameFilter) {
        return selected(sourceUuid, rsp, nameFilter).size();
    }

    @Override
    public synchronized List<String> commonLabels(String specUuid) {
        return instances.values().stream().filter(i -> i.spec.equals(specUuid)).map(i -> List.copyOf(i.labels))
                .collect(Collectors.groupingBy(l -> l, LinkedHashMap::new, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(List.of());
    }

    @Override
    public synchronized List<InstanceRef> carrying(String sourceUuid, String rsp, String nameFilter, List<StoredValue> values, String contains,
                                                   String after, int limit) {
        String part = contains == null || contains.isBlank() ? null : contains.strip().toLowerCase(Locale.ROOT);
        return selected(sourceUuid, rsp, nameFilter).stream()
                .filter(i -> i.name.compareTo(after == null ? "" : after) > 0)
                .filter(i -> part == null || i.name.toLowerCase(Locale.ROOT).contains(part))
                .filter(i -> i.characteristicNames.entrySet().stream()
                        .anyMatch(c -> values.contains(new StoredValue(c.getValue(), i.values.get(c.getKey())))))
                .sorted(Comparator.comparing(i -> i.name))
                .limit(limit)
                .map(i -> new InstanceRef(i.uuid, i.name))
                .toList();
    }

    @Override
    public synchronized List<ValueCount> valueCounts(String sourceUuid, String rsp, String nameFilter) {
        Map<StoredValue, Long> counts = new LinkedHashMap<>();
        for (Instance i : selected(sourceUuid, rsp, nameFilter)) {
            i.characteristicNames.forEach((id, name) -> counts.merge(new StoredValue(name, i.values.get(id)), 1L, Long::sum));
        }
        return counts.entrySet().stream().sorted(Map.Entry.<StoredValue, Long>comparingByValue().reversed())
                .map(e -> new ValueCount(e.getKey().name(), e.getKey().value(), e.getValue())).toList();
    }

    @Override
    public synchronized MigrationRun startRun(MigrationPlan plan, MigrationRun.Kind kind, String undoOf, String actor, String owner, long total) {
        for (Run other : runs.values()) {
            MigrationRun o = other.run;
            boolean sameKey = o.sourceUuid().equals(plan.sourceUuid()) && o.rsp().equalsIgnoreCase(plan.rsp());
            if (sameKey && o.status().resumable() && !(kind == MigrationRun.Kind.UNDO && o.uuid().equals(undoOf))) {
                throw new DiffoAdminException("Another migration of " + plan.rsp() + "'s instances from this specification is "
                        + o.status().name().toLowerCase(Locale.ROOT) + " (run " + o.uuid() + ")", "Resume or finish that run first. Nothing was written.");
            }
        }
        var source = catalogue.findByUuid(plan.sourceUuid());
        var target = catalogue.findByUuid(plan.targetUuid());
        if (source.isEmpty() || target.isEmpty()) {
            throw new DiffoAdminException("The source or the target specification does not exist", "Refresh the catalogue. Nothing was written.");
        }
        String sourceVersion = source.get().version();
        String targetVersion = target.get().version();
        clock = clock.plusMinutes(1);
        Run run = new Run();
        run.owner = owner;
        run.run = MigrationRun.builder().uuid(Identifiers.newUuid4()).kind(kind).undoOf(undoOf).rsp(plan.rsp())
                .sourceUuid(plan.sourceUuid()).targetUuid(plan.targetUuid()).sourceVersion(sourceVersion).targetVersion(targetVersion)
                .mapping(dev.diffo.admin.common.PlanCodec.mappingJson(plan)).status(MigrationRun.Status.RUNNING).total(total).actor(actor).startedAt(clock)
                .batchSize(plan.batchSize()).nameFilter(plan.nameFilter()).perInstance(dev.diffo.admin.common.PlanCodec.perInstanceJson(plan))
                .relabel(plan.relabel()).build();
        runs.put(run.run.uuid(), run);
        return run.run;
    }

    private Run found(String runUuid) {
        Run run = runs.get(runUuid);
        if (run == null) {
            throw new DiffoAdminException("There is no migration run " + runUuid, "");
        }
        return run;
    }

    @Override
    public synchronized MigrationRun claim(String runUuid, String owner) {
        Run run = found(runUuid);
        if (!run.run.status().resumable()) {
            throw new DiffoAdminException("Run " + runUuid + " is " + run.run.status().name().toLowerCase(Locale.ROOT),
                    "Only a running, paused or interrupted run can be resumed.");
        }
        if (run.owner != null && !run.owner.equals(owner)) {
            throw new DiffoAdminException("Run " + runUuid + " is being run by another process", "Wait for it to finish.");
        }
        run.owner = owner;
        run.run = with(run.run, MigrationRun.Status.RUNNING, null, null, 0, 0, 0, 0);
        return run.run;
    }

    @Override
    public synchronized BatchResult migrateBatch(MigrationRun migration, String owner, int index, List<String> elementIds, Decider decider,
                                                 boolean rollback) {
        if (!rollback && index == failingBatch) {
            failingBatch = -1;
            throw new DiffoAdminException("Lost the connection to Neo4j at bolt://127.0.0.1:7687", "Reconnect, then resume the run.");
        }
        List<Entry> entries = new ArrayList<>();
        List<Left> left = new ArrayList<>();
        List<ValueRewrite> shown = new ArrayList<>();
        int excluded = 0;
        int skipped = 0;
        Map<String, Map<String, String>> rewrites = new HashMap<>();
        // as the real one: the instances that no longer exist are told as one, first
        long gone = elementIds.stream().filter(id -> !instances.containsKey(id)).count();
        if (gone > 0) {
            skipped += (int) gone;
            left.add(new Left(null, null, "skipped", gone + " instance(s) no longer exist"));
        }
        for (String id : elementIds) {
            Instance i = instances.get(id);
            if (i == null) {
                continue;
            }
            if (!i.spec.equals(migration.sourceUuid())) {
                skipped++;
                left.add(new Left(i.uuid, i.name, "skipped", "no longer on the source (moved or respecified since the selection)"));
                continue;
            }
            List<StoredCharacteristic> read = i.characteristicNames.entrySet().stream()
                    .filter(c -> !decider.unaffected().contains(new StoredValue(c.getValue(), i.values.get(c.getKey()))))
                    .map(c -> new StoredCharacteristic(c.getKey(), c.getValue(), i.values.get(c.getKey()))).toList();
            Decision decision = decider.decide(new Candidate(i.elementId, i.uuid, i.name, read));
            if (decision.exclude()) {
                excluded++;
                left.add(new Left(i.uuid, i.name, "excluded", decision.reason()));
                continue;
            }
            Map<String, String> prior = new HashMap<>();
            List<ValueRewrite> rewritten = new ArrayList<>();
            decision.newValues().forEach((characteristic, value) -> {
                prior.put(characteristic, i.values.get(characteristic));
                rewritten.add(new ValueRewrite(i.uuid, i.name, i.characteristicNames.get(characteristic), i.values.get(characteristic), value));
            });
            rewritten.stream().limit(Math.max(0, REWRITES_SHOWN - shown.size())).forEach(shown::add);
            Relabel relabel = decider.relabel();
            boolean relabels = relabel != null && i.labels.containsAll(relabel.remove()) && relabel.add().stream().noneMatch(i.labels::contains);
            entries.add(new Entry(i.elementId, i.uuid, prior, relabels ? relabel : null, List.copyOf(rewritten)));
            rewrites.put(i.elementId, decision.newValues());
        }
        int relabelled = (int) entries.stream().filter(e -> e.relabel() != null).count();
        if (!rollback) {
            Run run = found(migration.uuid());
            if (!owner.equals(run.owner)) {
                throw new DiffoAdminException("Run " + migration.uuid() + " was taken over by another process", "Nothing of this batch was written.");
            }
            for (Entry e : entries) {
                Instance i = instances.get(e.elementId());
                i.values.putAll(rewrites.get(e.elementId()));
                i.spec = migration.targetUuid();
                if (e.relabel() != null) {
                    i.labels.removeAll(e.relabel().remove());
                    i.labels.addAll(e.relabel().add());
                }
            }
            run.batches.add(new Batch(index, entries, List.copyOf(left)));
            MigrationRun r = run.run;
            run.run = with(r, r.status(), r.error(), r.finishedAt(), 1, entries.size(), excluded, skipped);
        }
        return new BatchResult(entries.size(), excluded, skipped, relabelled, List.copyOf(shown), List.copyOf(left));
    }

    @Override
    public synchronized int nextBatchIndex(String runUuid) {
        return found(runUuid).batches.stream().mapToInt(b -> b.index + 1).max().orElse(0);
    }

    @Override
    public synchronized int undoBatch(MigrationRun undo, String owner, String runUuid, int index) {
        Run undoRun = found(undo.uuid());
        if (!owner.equals(undoRun.owner)) {
            throw new DiffoAdminException("Run " + undo.uuid() + " was taken over by another process", "Nothing of this batch was written.");
        }
        Batch batch = found(runUuid).batches.stream().filter(b -> b.index == index && !b.undone).findFirst().orElse(null);
        if (batch == null) {
            return 0;
        }
        int moved = 0;
        for (Entry e : batch.entries) {
            Instance i = instances.get(e.elementId());
            if (i == null || !i.spec.equals(undo.targetUuid())) {
                continue;
            }
            i.spec = undo.sourceUuid();
            i.values.putAll(e.priorValues());
            if (e.relabel() != null) {
                i.labels.removeAll(e.relabel().add());
                i.labels.addAll(e.relabel().remove());
            }
            moved++;
        }
        batch.undone = true;
        MigrationRun r = undoRun.run;
        undoRun.run = with(r, r.status(), r.error(), r.finishedAt(), 1, moved, 0, batch.entries.size() - moved);
        return moved;
    }

    @Override
    public synchronized List<Integer> undoableBatches(String runUuid) {
        return found(runUuid).batches.stream().filter(b -> !b.undone).map(b -> b.index).sorted(Comparator.reverseOrder()).toList();
    }

    @Override
    public synchronized List<LedgerEntry> ledger(String runUuid) {
        return found(runUuid).batches.stream().sorted(Comparator.comparingInt(b -> b.index))
                .flatMap(b -> b.entries.stream().map(e -> new LedgerEntry(b.index, e.uuid(), e.priorValues().size(), b.undone, e.rewrites()))).toList();
    }

    @Override
    public synchronized List<Left> leftOnSource(String runUuid) {
        return found(runUuid).batches.stream().sorted(Comparator.comparingInt(b -> b.index)).flatMap(b -> b.left.stream()).toList();
    }

    @Override
    public synchronized MigrationRun finish(String runUuid, MigrationRun.Status status, String error) {
        Run run = found(runUuid);
        clock = clock.plusMinutes(1);
        boolean ended = status == MigrationRun.Status.COMPLETED || status == MigrationRun.Status.UNDONE;
        run.owner = null;
        run.run = with(run.run, status, error, ended ? clock : null, 0, 0, 0, 0);
        return run.run;
    }

    @Override
    public synchronized Optional<MigrationRun> run(String runUuid) {
        return Optional.ofNullable(runs.get(runUuid)).map(r -> r.run);
    }

    @Override
    public synchronized List<MigrationRun> runs(String sourceOrTargetUuid) {
        return runs.values().stream().map(r -> r.run)
                .filter(r -> r.sourceUuid().equals(sourceOrTargetUuid) || r.targetUuid().equals(sourceOrTargetUuid))
                .sorted(Comparator.comparing(MigrationRun::startedAt).reversed()).toList();
    }

    /** The run with this status, error and end, and {@code batches} more batches of these counts. */
    private static MigrationRun with(MigrationRun r, MigrationRun.Status status, String error, ZonedDateTime finishedAt, int batches, long migrated,
                                     long excluded, long skipped) {
        return r.toBuilder().status(status).migrated(r.migrated() + migrated).excluded(r.excluded() + excluded).skipped(r.skipped() + skipped)
                .batches(r.batches() + batches).finishedAt(finishedAt).error(error).build();
    }
}
