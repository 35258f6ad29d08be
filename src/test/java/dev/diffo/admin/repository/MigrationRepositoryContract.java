package dev.diffo.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.diffo.admin.domain.Candidate;
import dev.diffo.admin.domain.Decider;
import dev.diffo.admin.domain.Decision;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.MigrationPlan;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.domain.Relabel;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.StoredCharacteristic;
import dev.diffo.admin.domain.StoredValue;
import dev.diffo.admin.domain.ValueRewrite;
import dev.diffo.admin.repository.MigrationRepository.BatchResult;
import dev.diffo.admin.repository.MigrationRepository.InstanceRef;
import dev.diffo.admin.repository.MigrationRepository.LedgerEntry;
import dev.diffo.admin.repository.MigrationRepository.Left;
import dev.diffo.admin.repository.MigrationRepository.ValueCount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the migration service relies on from a {@link MigrationRepository}, written against the interface only:
 * the RSP's selection on the source (by name prefix, any case, optionally by name), its counts and values, a run
 * that refuses a second unfinished one on the same source and RSP, a batch that moves exactly the instances it is
 * given that are still on the source, rewrites the decided values and records the prior state in the ledger (a dry
 * run keeps nothing), the instances left on the source with why, resume (claim) and undo. The specifications and
 * instances come from a seeding hook; everything else goes through the interface. Run over the fake and over Neo4j.
 */
abstract class MigrationRepositoryContract {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";
    static final String OTHER = "0b7c1e9a-3d54-4f6e-8a2b-9c8d7e6f5a41";
    static final List<String> LABELS = List.of("Broadband", "Instance", "Nbn", "Provider");

    static String technology(String value) {
        return "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"" + value + "\"}}}";
    }

    static final String FTTB = technology("fttb");
    static final String FTTP = technology("fttp");
    static final String FTTN = technology("fttn");

    protected abstract MigrationRepository repository();

    /** Puts in a service specification {@code broadband} of this major, at {@code v{major}.0.0}. */
    protected abstract void seedSpecification(String uuid, long major);

    /** Puts in an instance on the specification with diffo's labels, carrying one {@code broadband} characteristic with this stored JSON. */
    protected abstract void seedInstance(String specificationUuid, String name, String broadbandJson);

    /** Moves an instance to another specification behind the migration's back (as diffo or another run would). */
    protected abstract void respecify(String name, String specificationUuid);

    /** Deletes an instance behind the migration's back. */
    protected abstract void deleteInstance(String name);

    /**
     * acme 1..5 on v1 (fttb on odd, fttp on even), beta 1..2 on v1 (fttb), acme-9 on v2, acme-10 on another spec. Each test
     * calls it first (not a {@code @BeforeEach}: JUnit runs this class's before the subclass's, which connects).
     */
    void seed() {
        seedSpecification(V1, 1);
        seedSpecification(V2, 2);
        seedSpecification(OTHER, 3);
        for (int k = 1; k <= 5; k++) {
            seedInstance(V1, "acme-broadband-00" + k, k % 2 == 1 ? FTTB : FTTP);
        }
        seedInstance(V1, "beta-broadband-001", FTTB);
        seedInstance(V1, "beta-broadband-002", FTTB);
        seedInstance(V2, "acme-broadband-009", FTTN);
        seedInstance(OTHER, "acme-broadband-010", FTTB);
    }

    /** fttb → fttn on every instance it decides, excluding those named in {@code exclude}. */
    record Remap(Set<String> exclude) implements Decider {
        @Override
        public Decision decide(Candidate candidate) {
            if (exclude.contains(candidate.name())) {
                return Decision.excluded("excluded by the plan");
            }
            Map<String, String> values = new HashMap<>();
            for (StoredCharacteristic c : candidate.characteristics()) {
                if (FTTB.equals(c.value())) {
                    values.put(c.elementId(), FTTN);
                }
            }
            return new Decision(false, values);
        }
    }

    static MigrationPlan plan(String rsp) {
        return new MigrationPlan(rsp, V1, V2, Map.of("broadband.technology", Map.of("fttb", "fttn")), Set.of(), 2);
    }

    private MigrationRun start(String rsp, String owner) {
        return repository().startRun(plan(rsp), MigrationRun.Kind.RUN, null, "alice", owner,
                repository().selectionCount(V1, rsp, null));
    }

    private List<String> names(String specUuid, String rsp) {
        return repository().carrying(specUuid, rsp, null, List.of(new StoredValue("broadband", FTTB), new StoredValue("broadband", FTTP),
                new StoredValue("broadband", FTTN)), null, null, 100).stream().map(InstanceRef::name).toList();
    }

    @Test
    void theSelectionIsTheRspsInstancesOnTheSourceInAnyCaseOptionallyByName() {
        seed();
        assertThat(repository().selection(V1, "acme")).hasSize(5).doesNotHaveDuplicates();
        assertThat(repository().selection(V1, "ACME", null)).containsExactlyInAnyOrderElementsOf(repository().selection(V1, "acme"));
        assertThat(repository().selection(V1, "acme", "-00")).hasSize(5);
        assertThat(repository().selection(V1, "acme", "BROADBAND-003")).hasSize(1);
        assertThat(repository().selection(V1, "beta")).hasSize(2);
        assertThat(repository().selection(V1, "gamma")).isEmpty();
        assertThat(repository().selection(V2, "acme")).hasSize(1);
        assertThat(repository().selectionCount(V1, "acme", null)).isEqualTo(5);
        assertThat(repository().selectionCount(V1, "Acme", "00")).isEqualTo(5);
        assertThat(repository().selectionCount(V1, "acme", "004")).isEqualTo(1);
        assertThat(repository().selectionCount(V1, "gamma", null)).isZero();
    }

    @Test
    void theRspsOnTheSourceAreCountedByNamePrefixMostFirst() {
        seed();
        assertThat(repository().rsps(V1)).extracting(s -> s.rsp().key(), s -> s.rsp().foundBy(), Rsp.Share::instances)
                .containsExactly(tuple("acme", Rsp.FoundBy.NAME_PREFIX, 5L), tuple("beta", Rsp.FoundBy.NAME_PREFIX, 2L));
    }

    @Test
    void theCommonLabelsAreThoseOfTheSpecificationsInstances() {
        seed();
        assertThat(repository().commonLabels(V1)).containsExactlyInAnyOrderElementsOf(LABELS);
    }

    @Test
    void valueCountsAreTheSelectionsDistinctStoredValuesMostCommonFirst() {
        seed();
        assertThat(repository().valueCounts(V1, "acme", null)).containsExactly(new ValueCount("broadband", FTTB, 3), new ValueCount("broadband", FTTP, 2));
        assertThat(repository().valueCounts(V1, "acme", "002")).containsExactly(new ValueCount("broadband", FTTP, 1));
        assertThat(repository().valueCounts(V1, "gamma", null)).isEmpty();
    }

    @Test
    void carryingPagesTheSelectedInstancesWithAValueByNameAfterAKey() {
        seed();
        List<StoredValue> fttb = List.of(new StoredValue("broadband", FTTB));

        assertThat(repository().carrying(V1, "acme", null, fttb, null, null, 2)).extracting(InstanceRef::name)
                .containsExactly("acme-broadband-001", "acme-broadband-003");
        assertThat(repository().carrying(V1, "acme", null, fttb, null, "acme-broadband-003", 2)).extracting(InstanceRef::name)
                .containsExactly("acme-broadband-005");
        assertThat(repository().carrying(V1, "acme", null, fttb, "  BROADBAND-005 ", null, 10)).extracting(InstanceRef::name)
                .containsExactly("acme-broadband-005");
        assertThat(repository().carrying(V1, "acme", null, List.of(new StoredValue("broadband", FTTN)), null, null, 10)).isEmpty();
        assertThat(repository().carrying(V1, "acme", null, fttb, null, null, 10)).allSatisfy(ref -> assertThat(ref.uuid()).isNotBlank());
    }

    @Test
    void aRunStartsRunningWithItsPlanAndVersionsAndIsFoundById() {
        seed();
        MigrationRun run = start("acme", "owner-a");

        assertThat(run.status()).isEqualTo(MigrationRun.Status.RUNNING);
        assertThat(run.kind()).isEqualTo(MigrationRun.Kind.RUN);
        assertThat(run.rsp()).isEqualTo("acme");
        assertThat(run.sourceUuid()).isEqualTo(V1);
        assertThat(run.targetUuid()).isEqualTo(V2);
        assertThat(run.sourceVersion()).isEqualTo("v1.0.0");
        assertThat(run.targetVersion()).isEqualTo("v2.0.0");
        assertThat(run.total()).isEqualTo(5);
        assertThat(run.batchSize()).isEqualTo(2);
        assertThat(run.actor()).isEqualTo("alice");
        assertThat(run.startedAt()).isNotNull();
        assertThat(run.migrated()).isZero();
        assertThat(repository().run(run.uuid())).map(MigrationRun::uuid).contains(run.uuid());
        assertThat(repository().run("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a")).isEmpty();
        assertThat(repository().runs(V1)).extracting(MigrationRun::uuid).containsExactly(run.uuid());
        assertThat(repository().runs(V2)).extracting(MigrationRun::uuid).containsExactly(run.uuid());
        assertThat(repository().runs(OTHER)).isEmpty();
        assertThat(repository().nextBatchIndex(run.uuid())).isZero();
    }

    @Test
    void aSecondUnfinishedRunOfTheSameRspFromTheSameSourceIsRefused() {
        seed();
        MigrationRun first = start("acme", "owner-a");

        assertThatThrownBy(() -> start("ACME", "owner-b")).isInstanceOf(DiffoAdminException.class).hasMessageContaining(first.uuid());
        assertThat(start("beta", "owner-b").status()).isEqualTo(MigrationRun.Status.RUNNING);
        repository().finish(first.uuid(), MigrationRun.Status.PAUSED, null);
        assertThatThrownBy(() -> start("acme", "owner-b")).isInstanceOf(DiffoAdminException.class).hasMessageContaining("paused");
        repository().finish(first.uuid(), MigrationRun.Status.COMPLETED, null);

        assertThat(start("acme", "owner-b").status()).isEqualTo(MigrationRun.Status.RUNNING);
    }

    @Test
    void aBatchMovesExactlyTheInstancesItIsGivenRewritesTheDecidedValuesAndWritesItsLedger() {
        seed();
        MigrationRun run = start("acme", "owner-a");
        List<String> selection = repository().selection(V1, "acme", "00");
        List<String> chosen = repository().selection(V1, "acme", "001");
        chosen = List.of(chosen.getFirst(), repository().selection(V1, "acme", "002").getFirst());

        BatchResult result = repository().migrateBatch(run, "owner-a", 0, chosen, new Remap(Set.of()), false);

        assertThat(result.migrated()).isEqualTo(2);
        assertThat(result.excluded()).isZero();
        assertThat(result.skipped()).isZero();
        assertThat(result.left()).isEmpty();
        assertThat(result.rewrites()).extracting(ValueRewrite::instanceName, ValueRewrite::characteristic, ValueRewrite::before, ValueRewrite::after)
                .containsExactly(tuple("acme-broadband-001", "broadband", FTTB, FTTN));
        assertThat(repository().selection(V1, "acme")).hasSize(3).isSubsetOf(selection);
        assertThat(names(V2, "acme")).containsExactlyInAnyOrder("acme-broadband-001", "acme-broadband-002", "acme-broadband-009");
        assertThat(repository().valueCounts(V2, "acme", null)).containsExactlyInAnyOrder(new ValueCount("broadband", FTTN, 2), new ValueCount("broadband", FTTP, 1));
        assertThat(repository().ledger(run.uuid())).extracting(LedgerEntry::batch, LedgerEntry::valuesRewritten, LedgerEntry::undone)
                .containsExactlyInAnyOrder(tuple(0, 1, false), tuple(0, 0, false));
        // the ledger keeps what each value became, so the verify table and the CSV say it as fields
        assertThat(repository().ledger(run.uuid())).flatExtracting(LedgerEntry::rewrites)
                .extracting(ValueRewrite::instanceName, ValueRewrite::before, ValueRewrite::after)
                .containsExactly(tuple("acme-broadband-001", FTTB, FTTN));
        assertThat(repository().nextBatchIndex(run.uuid())).isEqualTo(1);
        assertThat(repository().run(run.uuid()).orElseThrow()).satisfies(r -> {
            assertThat(r.migrated()).isEqualTo(2);
            assertThat(r.batches()).isEqualTo(1);
        });
        assertThat(repository().undoableBatches(run.uuid())).containsExactly(0);
    }

    @Test
    void aDryRunDecidesAsABatchWouldButKeepsNothing() {
        seed();
        MigrationRun run = start("acme", "owner-a");

        BatchResult result = repository().migrateBatch(run, "owner-a", 0, repository().selection(V1, "acme"), new Remap(Set.of("acme-broadband-005")), true);

        assertThat(result.migrated()).isEqualTo(4);
        assertThat(result.excluded()).isEqualTo(1);
        assertThat(repository().selection(V1, "acme")).hasSize(5);
        assertThat(repository().valueCounts(V1, "acme", null)).contains(new ValueCount("broadband", FTTB, 3));
        assertThat(repository().ledger(run.uuid())).isEmpty();
        assertThat(repository().nextBatchIndex(run.uuid())).isZero();
        assertThat(repository().run(run.uuid()).orElseThrow().migrated()).isZero();
    }

    @Test
    void whatABatchLeavesOnTheSourceIsToldWithWhyInBatchOrder() {
        seed();
        MigrationRun run = start("acme", "owner-a");
        List<String> first = List.of(repository().selection(V1, "acme", "001").getFirst(), repository().selection(V1, "acme", "002").getFirst());
        List<String> second = List.of(repository().selection(V1, "acme", "003").getFirst(), repository().selection(V1, "acme", "004").getFirst());
        respecify("acme-broadband-004", OTHER);

        BatchResult one = repository().migrateBatch(run, "owner-a", 0, first, new Remap(Set.of("acme-broadband-002")), false);
        BatchResult two = repository().migrateBatch(run, "owner-a", 1, second, new Remap(Set.of()), false);

        assertThat(one.excluded()).isEqualTo(1);
        assertThat(one.left()).extracting(Left::name, Left::outcome, Left::reason).containsExactly(tuple("acme-broadband-002", "excluded", "excluded by the plan"));
        assertThat(two.migrated()).isEqualTo(1);
        assertThat(two.skipped()).isEqualTo(1);
        assertThat(two.left()).extracting(Left::name, Left::outcome).containsExactly(tuple("acme-broadband-004", "skipped"));
        assertThat(repository().leftOnSource(run.uuid())).extracting(Left::name, Left::outcome)
                .containsExactly(tuple("acme-broadband-002", "excluded"), tuple("acme-broadband-004", "skipped"));
        assertThat(repository().run(run.uuid()).orElseThrow()).satisfies(r -> {
            assertThat(r.migrated()).isEqualTo(2);
            assertThat(r.excluded()).isEqualTo(1);
            assertThat(r.skipped()).isEqualTo(1);
            assertThat(r.batches()).isEqualTo(2);
        });
        assertThat(names(OTHER, "acme")).contains("acme-broadband-004");
    }

    @Test
    void aBatchOfARunAnotherProcessTookOverIsRefusedAndWritesNothing() {
        seed();
        MigrationRun run = start("acme", "owner-a");
        repository().finish(run.uuid(), MigrationRun.Status.INTERRUPTED, "lost the connection");
        MigrationRun claimed = repository().claim(run.uuid(), "owner-b");

        assertThatThrownBy(() -> repository().migrateBatch(run, "owner-a", 0, repository().selection(V1, "acme"), new Remap(Set.of()), false))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("taken over");

        assertThat(claimed.status()).isEqualTo(MigrationRun.Status.RUNNING);
        assertThat(claimed.error()).isNull();
        assertThat(repository().selection(V1, "acme")).hasSize(5);
        assertThat(repository().ledger(run.uuid())).isEmpty();
    }

    @Test
    void aRunHeldByALiveProcessCannotBeClaimedNorAFinishedOne() {
        seed();
        MigrationRun run = start("acme", "owner-a");

        assertThatThrownBy(() -> repository().claim(run.uuid(), "owner-b")).isInstanceOf(DiffoAdminException.class).hasMessageContaining("another process");
        assertThat(repository().claim(run.uuid(), "owner-a").status()).isEqualTo(MigrationRun.Status.RUNNING);
        MigrationRun paused = repository().finish(run.uuid(), MigrationRun.Status.PAUSED, null);
        assertThat(paused.status()).isEqualTo(MigrationRun.Status.PAUSED);
        assertThat(paused.finishedAt()).isNull();
        assertThat(repository().claim(run.uuid(), "owner-b").status()).isEqualTo(MigrationRun.Status.RUNNING);
        MigrationRun completed = repository().finish(run.uuid(), MigrationRun.Status.COMPLETED, null);
        assertThat(completed.finishedAt()).isNotNull();

        assertThatThrownBy(() -> repository().claim(run.uuid(), "owner-b")).isInstanceOf(DiffoAdminException.class).hasMessageContaining("completed");
        assertThatThrownBy(() -> repository().claim("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "owner-b")).isInstanceOf(DiffoAdminException.class)
                .hasMessageContaining("no migration run");
    }

    @Test
    void anUndoOfAnUnfinishedRunIsNotRefusedByThatRunThoughAnotherRunIs() {
        seed();
        MigrationRun run = start("acme", "owner-a");
        repository().migrateBatch(run, "owner-a", 0, repository().selection(V1, "acme", "001"), new Remap(Set.of()), false);
        repository().finish(run.uuid(), MigrationRun.Status.PAUSED, null);

        assertThatThrownBy(() -> start("acme", "owner-b")).isInstanceOf(DiffoAdminException.class);
        MigrationRun undo = repository().startRun(plan("acme"), MigrationRun.Kind.UNDO, run.uuid(), "alice", "owner-u", 1);

        assertThat(undo.kind()).isEqualTo(MigrationRun.Kind.UNDO);
        assertThat(undo.undoOf()).isEqualTo(run.uuid());
        assertThat(repository().undoBatch(undo, "owner-u", run.uuid(), 0)).isEqualTo(1);
        assertThat(repository().selection(V1, "acme")).hasSize(5);
    }

    @Test
    void undoingEveryBatchRestoresTheSourceExactly() {
        seed();
        MigrationRun run = start("acme", "owner-a");
        List<String> selection = repository().selection(V1, "acme");
        repository().migrateBatch(run, "owner-a", 0, selection.subList(0, 2), new Remap(Set.of()), false);
        repository().migrateBatch(run, "owner-a", 1, selection.subList(2, 5), new Remap(Set.of()), false);
        MigrationRun done = repository().finish(run.uuid(), MigrationRun.Status.COMPLETED, null);
        assertThat(repository().undoableBatches(run.uuid())).containsExactly(1, 0);

        MigrationRun undo = repository().startRun(plan("acme"), MigrationRun.Kind.UNDO, run.uuid(), "alice", "owner-u", done.migrated());
        int newest = repository().undoBatch(undo, "owner-u", run.uuid(), 1);

        assertThat(newest).isEqualTo(3);
        assertThat(repository().undoableBatches(run.uuid())).containsExactly(0);
        assertThat(repository().undoBatch(undo, "owner-u", run.uuid(), 1)).as("a batch is undone once").isZero();
        assertThat(repository().undoBatch(undo, "owner-u", run.uuid(), 0)).isEqualTo(2);
        assertThat(repository().undoableBatches(run.uuid())).isEmpty();
        assertThat(repository().selection(V1, "acme")).containsExactlyInAnyOrderElementsOf(selection);
        assertThat(repository().valueCounts(V1, "acme", null)).containsExactly(new ValueCount("broadband", FTTB, 3), new ValueCount("broadband", FTTP, 2));
        assertThat(repository().ledger(run.uuid())).hasSize(5).allSatisfy(e -> assertThat(e.undone()).isTrue());
        assertThat(repository().run(undo.uuid()).orElseThrow()).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(MigrationRun.Kind.UNDO);
            assertThat(u.undoOf()).isEqualTo(run.uuid());
            assertThat(u.migrated()).isEqualTo(5);
            assertThat(u.batches()).isEqualTo(2);
        });
        assertThat(repository().finish(undo.uuid(), MigrationRun.Status.COMPLETED, null).status()).isEqualTo(MigrationRun.Status.COMPLETED);
        assertThat(repository().runs(V1)).extracting(MigrationRun::uuid).containsExactly(undo.uuid(), run.uuid());
    }

    @Test
    void undoLeavesAnInstanceThatWasMovedOnSinceWhereItIs() {
        seed();
        MigrationRun run = start("acme", "owner-a");
        List<String> chosen = List.of(repository().selection(V1, "acme", "001").getFirst(), repository().selection(V1, "acme", "002").getFirst());
        repository().migrateBatch(run, "owner-a", 0, chosen, new Remap(Set.of()), false);
        repository().finish(run.uuid(), MigrationRun.Status.COMPLETED, null);
        respecify("acme-broadband-002", OTHER);
        MigrationRun undo = repository().startRun(plan("acme"), MigrationRun.Kind.UNDO, run.uuid(), "alice", "owner-u", 2);

        assertThat(repository().undoBatch(undo, "owner-u", run.uuid(), 0)).isEqualTo(1);

        assertThat(names(OTHER, "acme")).contains("acme-broadband-002");
        assertThat(repository().selection(V1, "acme", "001")).hasSize(1);
        assertThat(repository().valueCounts(V1, "acme", "001")).containsExactly(new ValueCount("broadband", FTTB, 1));
        assertThat(repository().run(undo.uuid()).orElseThrow().skipped()).isEqualTo(1);
    }

    @Test
    void aRunBetweenSpecificationsThatDoNotExistIsRefusedWritingNothing() {
        seed();
        MigrationPlan missingTarget = new MigrationPlan("acme", V1, "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", Map.of(), Set.of(), 2);

        assertThatThrownBy(() -> repository().startRun(missingTarget, MigrationRun.Kind.RUN, null, "alice", "owner-a", 5))
                .isInstanceOf(DiffoAdminException.class).hasMessageContaining("does not exist");

        assertThat(repository().runs(V1)).isEmpty();
        assertThat(start("acme", "owner-a").status()).as("and nothing of it stands in the way").isEqualTo(MigrationRun.Status.RUNNING);
    }

    @Test
    void instancesDeletedSinceTheSelectionAreSkippedAndToldAsOne() {
        seed();
        MigrationRun run = start("acme", "owner-a");
        List<String> chosen = List.of(repository().selection(V1, "acme", "001").getFirst(), repository().selection(V1, "acme", "002").getFirst(),
                repository().selection(V1, "acme", "003").getFirst());
        deleteInstance("acme-broadband-001");
        deleteInstance("acme-broadband-002");

        BatchResult result = repository().migrateBatch(run, "owner-a", 0, chosen, new Remap(Set.of()), false);

        assertThat(result.migrated()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.left()).extracting(Left::uuid, Left::name, Left::outcome, Left::reason)
                .containsExactly(tuple(null, null, "skipped", "2 instance(s) no longer exist"));
        assertThat(repository().leftOnSource(run.uuid())).extracting(Left::reason).containsExactly("2 instance(s) no longer exist");
    }

    @Test
    void aRelabelSwapsTheConsumerLabelsOfTheMovedInstancesThatCarryThemAndUndoRestoresThem() {
        seed();
        Relabel relabel = new Relabel(List.of("Broadband"), List.of("BroadbandV2"));
        Decider decider = new Decider() {
            @Override
            public Decision decide(Candidate candidate) {
                return new Remap(Set.of()).decide(candidate);
            }

            @Override
            public Relabel relabel() {
                return relabel;
            }
        };
        MigrationRun run = repository().startRun(plan("acme").withRelabel(relabel), MigrationRun.Kind.RUN, null, "alice", "owner-a", 5);
        assertThat(run.relabel()).isEqualTo(relabel);

        BatchResult dry = repository().migrateBatch(run, "owner-a", 0, repository().selection(V1, "acme"), decider, true);
        assertThat(dry.relabelled()).isEqualTo(5);
        assertThat(repository().commonLabels(V1)).containsExactlyInAnyOrderElementsOf(LABELS);

        BatchResult result = repository().migrateBatch(run, "owner-a", 0, repository().selection(V1, "acme"), decider, false);
        assertThat(result.relabelled()).isEqualTo(5);
        assertThat(repository().commonLabels(V2)).containsExactlyInAnyOrder("BroadbandV2", "Instance", "Nbn", "Provider");
        repository().finish(run.uuid(), MigrationRun.Status.COMPLETED, null);

        MigrationRun undo = repository().startRun(plan("acme").withRelabel(relabel), MigrationRun.Kind.UNDO, run.uuid(), "alice", "owner-u", 5);
        assertThat(repository().undoBatch(undo, "owner-u", run.uuid(), 0)).isEqualTo(5);
        assertThat(repository().commonLabels(V1)).containsExactlyInAnyOrderElementsOf(LABELS);
        assertThat(repository().commonLabels(V2)).containsExactlyInAnyOrderElementsOf(LABELS);
    }

    @Test
    void aBatchHandsTheDeciderEachCandidatesCharacteristicsButThoseKnownToBeLeftAlone() {
        seed();
        MigrationRun run = start("acme", "owner-a");
        Map<String, List<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        Decider recording = new Decider() {
            @Override
            public Decision decide(Candidate candidate) {
                seen.put(candidate.name(), candidate.characteristics().stream().map(c -> c.name() + "=" + c.value()).toList());
                assertThat(candidate.uuid()).isNotBlank();
                assertThat(candidate.characteristics()).allSatisfy(c -> assertThat(c.elementId()).isNotBlank());
                return Decision.excluded("only looking");
            }

            @Override
            public List<StoredValue> unaffected() {
                return List.of(new StoredValue("broadband", FTTP));
            }
        };

        BatchResult result = repository().migrateBatch(run, "owner-a", 0, repository().selection(V1, "acme"), recording, true);

        assertThat(result.excluded()).isEqualTo(5);
        assertThat(seen).containsOnlyKeys("acme-broadband-001", "acme-broadband-002", "acme-broadband-003", "acme-broadband-004", "acme-broadband-005");
        assertThat(seen.get("acme-broadband-001")).containsExactly("broadband=" + FTTB);
        assertThat(seen.get("acme-broadband-002")).as("fttp is left alone, so it is not read").isEmpty();
    }
}
