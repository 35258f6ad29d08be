package dev.diffo.admin.catalogue;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.ReadIndex;
import dev.diffo.admin.domain.Recount;
import dev.diffo.admin.repository.ReadSchemaRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What keeps the instances table fast at millions of instances: diffo-admin's read indexes (schema step 2) and the
 * instance counts it keeps. Built when a user who may write connects to a diffo catalogue (the window runs
 * {@link #prepare} in the background after every connect; the instances commands before their first read), never
 * inside a screen's read; a user who may not write, or a database that is not a diffo catalogue, gets nothing
 * written. The database populates the indexes in the background; a page whose index is not online yet is read the
 * slower way and says so. {@link #recount} rebuilds the kept counts from the graph (File → Recount instances,
 * {@code recount}): they are exact for every write diffo-admin makes, and stale after instances were created,
 * respecified, deleted or given other values or parties by diffo itself (or any other writer) — the screens show
 * when they were counted.
 */
@Singleton
public class ReadSchemaService {

    private final ReadSchemaRepository repository;
    private final CatalogueSettings settings;
    private final dev.diffo.admin.common.CurrentAccess access;
    private final InstanceService instances;

    public ReadSchemaService(ReadSchemaRepository repository, CatalogueSettings settings) {
        this(repository, settings, new dev.diffo.admin.common.CurrentAccess());
    }

    /** {@code access}: what the summary may tell (an RSP operator is not told how many instances every RSP has). */
    public ReadSchemaService(ReadSchemaRepository repository, CatalogueSettings settings, dev.diffo.admin.common.CurrentAccess access) {
        this(repository, settings, access, null);
    }

    /** {@code instances}: whose reads {@link #warmUp} makes once the indexes are online (null: none). */
    @Inject
    public ReadSchemaService(ReadSchemaRepository repository, CatalogueSettings settings, dev.diffo.admin.common.CurrentAccess access,
                             InstanceService instances) {
        this.repository = repository;
        this.settings = settings;
        this.access = access;
        this.instances = instances;
    }

    /** How often {@link #warmUp} looks whether the read indexes are online. */
    private static final long ONLINE_POLL_MILLIS = 1_000;

    /**
     * Once the read indexes are online (waiting for them, saying how far they are), makes the instances table's reads
     * once in the background ({@link InstanceService#warmUp}), so that the user's first page is not the one that plans
     * and loads them; returns one line saying what was done. Nothing is warmed on a database that is not a diffo
     * catalogue, or while an index is missing (a read would then sort every instance of a large specification).
     */
    public String warmUp(Progress progress) {
        if (instances == null || !repository.isCatalogue()) {
            return null;
        }
        List<ReadIndex> now;
        while (!(now = indexes()).stream().allMatch(ReadIndex::online)) {
            String waiting = notOnline(now);
            if (progress.isCancelled()) {
                return null;
            }
            if (now.stream().anyMatch(i -> !i.online() && !"POPULATING".equals(i.state()))) {
                return "instances table's reads not warmed: " + waiting;
            }
            progress.message(waiting);
            try {
                Thread.sleep(ONLINE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        progress.message("Warming the instances table's reads");
        return instances.warmUp(progress).describe();
    }

    /**
     * Creates the read indexes (they populate in the background) and counts the specifications whose counts are not
     * kept yet; returns one line saying what was done. Writes nothing on a database that is not a diffo catalogue or
     * for a user who may not write (the screens then read the slower way).
     */
    public String prepare(Progress progress) {
        if (!repository.isCatalogue()) {
            return "Not a diffo catalogue: no read indexes or counts built";
        }
        progress.message("Creating the read indexes");
        try {
            repository.applySchema();
        } catch (DiffoAdminException e) {
            return "Read indexes not built (" + e.getMessage() + "): large specifications page and count the slower way";
        }
        List<String> uncounted = repository.specificationsWithoutKeptCounts();
        List<Recount> done = count(uncounted, progress);
        return summary(done, access.get().rspKey() != null);
    }

    /**
     * Creates the read indexes only (schema steps 2 and 3; they populate in the background), counting nothing: what a
     * migration's start does on a store that has none yet.
     */
    public void createIndexes() {
        repository.applySchema();
    }

    /** Rebuilds every specification's kept counts from the graph, one transaction per specification. */
    public List<Recount> recount(Progress progress) {
        repository.applySchema();
        return count(repository.specificationsWithInstances(), progress);
    }

    /** Rebuilds one specification's kept counts from the graph. */
    public Recount recount(String specificationUuid) {
        repository.applySchema();
        return repository.recount(specificationUuid, settings.rspRole());
    }

    /** The read indexes now (ONLINE, POPULATING with how far, MISSING). */
    public List<ReadIndex> indexes() {
        return repository.readIndexes();
    }

    /** e.g. "Read indexes: pages by state: index populating (42 %)", or null when all are online. */
    public String indexesNotOnline() {
        return notOnline(indexes());
    }

    /** "Read indexes: …" naming those of {@code indexes} not online, or null when all are. */
    private static String notOnline(List<ReadIndex> indexes) {
        List<ReadIndex> waiting = indexes.stream().filter(i -> !i.online()).toList();
        return waiting.isEmpty() ? null : "Read indexes: " + waiting.stream().map(ReadIndex::describe).collect(Collectors.joining("; "));
    }

    private List<Recount> count(List<String> specifications, Progress progress) {
        List<Recount> done = new ArrayList<>();
        for (int i = 0; i < specifications.size() && !progress.isCancelled(); i++) {
            progress.message("Counting the instances of specification " + (i + 1) + " of " + specifications.size());
            progress.update(i, specifications.size());
            done.add(repository.recount(specifications.get(i), settings.rspRole()));
        }
        progress.update(specifications.size(), specifications.size());
        return done;
    }

    /** What {@link #prepare} did; {@code scoped} (an RSP operator) leaves out how many instances every RSP has. */
    static String summary(List<Recount> done, boolean scoped) {
        long instances = done.stream().mapToLong(Recount::instances).sum();
        return done.isEmpty() ? "Read indexes created; instance counts already kept"
                : scoped ? String.format("Read indexes created; instance counts kept for %d specification(s)", done.size())
                : String.format("Read indexes created; counted %,d instances of %d specification(s)", instances, done.size());
    }
}
