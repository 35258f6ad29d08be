package dev.diffo.admin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.TaskRunner.Progress;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceQuery.Sort;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.InstanceTotal;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.FakeCatalogueRepository;
import dev.diffo.admin.repository.FakeVersioningRepository;
import dev.diffo.admin.repository.InstanceRepository;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link InstanceService#warmUp}: which of the instances table's reads it makes, on which specification, for whom. */
class InstanceWarmUpTest {

    static final String SMALL = "11111111-1111-4111-8111-111111111111";
    static final String LARGE = "22222222-2222-4222-8222-222222222222";

    /** One read the warm-up asked for: the query and the cursor (null: a first page; "count": a count). */
    record Asked(InstanceQuery query, Object what) {
    }

    final List<Asked> asked = new ArrayList<>();
    final FakeCatalogueRepository catalogue = new FakeCatalogueRepository();
    final CurrentAccess access = new CurrentAccess();
    String rspOfRows = "acme";
    /** How many instances the name's TEXT index finds for a text (-1: the version's name filter does not read from it). */
    java.util.function.ToLongFunction<String> candidates = text -> -1;
    final List<String> candidatesAsked = new ArrayList<>();

    /** Answers every page with one row of {@link #rspOfRows} and more to follow; records each read. */
    final InstanceRepository repository = (InstanceRepository) Proxy.newProxyInstance(InstanceRepository.class.getClassLoader(),
            new Class<?>[] {InstanceRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                case "page" -> {
                    asked.add(new Asked((InstanceQuery) args[0], args[1]));
                    yield new InstanceQuery.Page(List.of(new InstanceRow("9b1d1c2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", rspOfRows + "-broadband-001",
                            new Rsp(rspOfRows, null, Rsp.FoundBy.NAME_PREFIX), "active", "actual", "2026-01-01T00:00Z", List.of("Instance"),
                            Map.of("broadband.technology", "fttb", "Not A Key", "x"))), true);
                }
                case "count" -> {
                    asked.add(new Asked((InstanceQuery) args[0], "count"));
                    yield 0L;
                }
                case "total" -> {
                    asked.add(new Asked((InstanceQuery) args[0], "count"));
                    yield InstanceTotal.exact(0);
                }
                case "nameCandidates" -> {
                    candidatesAsked.add((String) args[1]);
                    yield candidates.applyAsLong((String) args[1]);
                }
                default -> method.isDefault() ? InvocationDefault.call(proxy, method, args) : null;
            });

    final InstanceService service = new InstanceService(repository, catalogue, new FakeVersioningRepository(), access);

    static Specification spec(String uuid, long instances) {
        return new Specification(uuid, "broadband", SpecificationType.SERVICE, 1, 0, 0, 4, "d", "Access", null, null, instances, List.of(),
                SpecificationStatus.CURRENT);
    }

    @Test
    void readsEveryOrderBothWaysThenAnRspAValueAndANameFromTheFirstRowOnTheLargestSpecification() {
        catalogue.specifications.addAll(List.of(spec(SMALL, 10), spec(LARGE, 3_500_000)));
        InstanceService.WarmUp done = service.warmUp(Progress.NONE);
        assertThat(done.specification().uuid()).isEqualTo(LARGE);
        assertThat(done.reads()).isEqualTo(13);
        assertThat(asked).allSatisfy(a -> assertThat(a.query().specificationUuid()).isEqualTo(LARGE));
        // each order in both directions: its first page, then the page after it
        List<Asked> pages = asked.stream().filter(a -> a.query().nameContains() == null && a.query().rsp() == null && a.query().valueKey() == null
                && !"count".equals(a.what())).toList();
        assertThat(pages).extracting(a -> a.query().sort(), a -> a.query().descending(), a -> a.what() == null)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Sort.values()).flatMap(sort -> List.of(tuple(sort, false, true), tuple(sort, false, false),
                        tuple(sort, true, true), tuple(sort, true, false)).stream()).toList());
        // the filters: the first row's RSP, its first value written as a filter key, a name no instance holds, and that name of the RSP;
        // each page then its count
        assertThat(asked.subList(asked.size() - 9, asked.size())).extracting(a -> a.query().rsp(), a -> a.query().valueKey(), a -> a.query().value(),
                a -> a.query().nameContains(), a -> a.what() == null ? "first page" : a.what())
                .containsExactly(
                        tuple(null, null, null, null, "count"),
                        tuple("acme", null, null, null, "first page"), tuple("acme", null, null, null, "count"),
                        tuple(null, "broadband.technology", "fttb", null, "first page"), tuple(null, "broadband.technology", "fttb", null, "count"),
                        tuple(null, null, null, InstanceService.NAME_PROBE, "first page"), tuple(null, null, null, InstanceService.NAME_PROBE, "count"),
                        tuple("acme", null, null, InstanceService.NAME_PROBE, "first page"), tuple("acme", null, null, InstanceService.NAME_PROBE, "count"));
    }

    @Test
    void theNameFilterIsWarmedWithTheShortestBeginningOfARealNameThatTheIndexFindsInFewEnoughInstancesToSort() {
        catalogue.specifications.add(spec(LARGE, 3_500_000));
        // the rows are "acme-broadband-001": up to 9 letters in 50,000 names, up to 12 in 5,000, more in one
        candidates = text -> text.length() <= 9 ? 50_000 : text.length() <= 12 ? 5_000 : 1;

        InstanceService.WarmUp done = service.warmUp(Progress.NONE);
        assertThat(done.reads()).isEqualTo(13);
        assertThat(done.describe()).endsWith("; name filter warmed with \"acme-broad\"");

        assertThat(asked.subList(asked.size() - 4, asked.size())).extracting(a -> a.query().rsp(), a -> a.query().nameContains())
                .containsExactly(tuple(null, "acme-broad"), tuple(null, "acme-broad"), tuple("acme", "acme-broad"), tuple("acme", "acme-broad"));
        // never a text whose count would read every instance: each tried is counted first, and only the name's beginnings
        assertThat(candidatesAsked).allSatisfy(text -> assertThat(text).satisfiesAnyOf(
                t -> assertThat(t).isEqualTo(InstanceService.NAME_PROBE), t -> assertThat("acme-broadband-001").startsWith(t)));
        assertThat(candidatesAsked).hasSizeLessThanOrEqualTo(1 + InstanceService.NAMES_TRIED * 6);
    }

    @Test
    void theNameProbeIsReadWhenNoBeginningOfANameIsFoundInFewEnoughInstancesOrTheIndexIsNotRead() {
        catalogue.specifications.add(spec(LARGE, 3_500_000));
        candidates = text -> text.equals(InstanceService.NAME_PROBE) ? 0 : InstanceRepository.NAME_CANDIDATES_SORTED + 1;
        service.warmUp(Progress.NONE);
        assertThat(asked.getLast().query().nameContains()).isEqualTo(InstanceService.NAME_PROBE);

        asked.clear();
        candidatesAsked.clear();
        candidates = text -> -1; // a small version, or the index not online: nothing more is asked
        service.warmUp(Progress.NONE);
        assertThat(asked.getLast().query().nameContains()).isEqualTo(InstanceService.NAME_PROBE);
        assertThat(candidatesAsked).containsExactly(InstanceService.NAME_PROBE);

        // a count that fails (the connection, the index) chooses nothing: the warm-up goes on with the probe
        asked.clear();
        candidates = text -> {
            if (text.equals(InstanceService.NAME_PROBE)) {
                return 0;
            }
            throw new dev.diffo.admin.domain.DiffoAdminException("Lost the connection", "Reconnect");
        };
        assertThat(service.warmUp(Progress.NONE).reads()).isEqualTo(13);
        assertThat(asked.getLast().query().nameContains()).isEqualTo(InstanceService.NAME_PROBE);

        // found in too few to warm much, but in some: the most found of the names tried
        candidates = text -> text.length() <= 13 ? 50_000 : text.length() <= 15 ? 40 : 1;
        assertThat(service.nameToWarm(LARGE, List.of("acme-broadband-001", "acme-broadband-002"))).isEqualTo("acme-broadband");
    }

    @Test
    void anRspOperatorsWarmUpReadsOnlyItsOwnInstances() {
        catalogue.specifications.add(spec(LARGE, 3_500_000));
        access.set(Access.rspOperator("ORG000000123456"));
        rspOfRows = "ORG000000123456";
        assertThat(service.warmUp(Progress.NONE).reads()).isEqualTo(12);
        assertThat(asked).isNotEmpty().allSatisfy(a -> assertThat(a.query().rsp()).isEqualTo("ORG000000123456"));
    }

    @Test
    void nothingIsReadWithoutInstancesAndNothingMoreOnceCancelled() {
        catalogue.specifications.add(spec(SMALL, 0));
        assertThat(service.warmUp(Progress.NONE).specification()).isNull();
        assertThat(service.warmUp(Progress.NONE).describe()).isEqualTo("no instances to warm the instances table on");
        catalogue.specifications.add(spec(LARGE, 5));
        // cancelled once the first read has begun: it stops before the next one
        assertThat(service.warmUp(new dev.diffo.admin.support.StopAfterFirstBatch()).reads()).isEqualTo(1);
        assertThat(asked).extracting(a -> a.query().sort(), a -> a.query().descending()).containsExactly(tuple(Sort.NAME, false), tuple(Sort.NAME, false));
    }

    /** Calls an interface's default method on a proxy. */
    static final class InvocationDefault {
        static Object call(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
        }
    }
}
