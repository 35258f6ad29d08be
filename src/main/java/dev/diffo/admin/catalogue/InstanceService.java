package dev.diffo.admin.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.InstanceTotal;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Scenario.CharacteristicDraft;
import dev.diffo.admin.domain.Scenario.InstanceDraft;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.InstanceRepository;
import dev.diffo.admin.repository.VersioningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The instances of a specification version: pages and counts for the table, and creating an instance the way
 * diffo builds one (the seed's {@code build_broadband}) with its values checked against what that version allows.
 */
@Singleton
public class InstanceService {

    private final InstanceRepository instances;
    private final CatalogueRepository catalogue;
    private final VersioningRepository versioning;
    private final CurrentAccess access;

    @Inject
    public InstanceService(InstanceRepository instances, CatalogueRepository catalogue, VersioningRepository versioning, CurrentAccess access) {
        this.instances = instances;
        this.catalogue = catalogue;
        this.versioning = versioning;
        this.access = access;
    }

    /** The access this service enforces, for the screens to disable what it would refuse. */
    public CurrentAccess currentAccess() {
        return access;
    }

    /**
     * The RSP {@code given} names on the specification (a key; a party name only when one party has it); refused, listing the RSPs there.
     * An RSP operator resolves only among its own RSP (none given: its own; another: refused).
     */
    public Rsp resolveRsp(Specification specification, String given) {
        String scoped = access.scopeRsp(given, "Reading instances");
        return Rsp.resolve(scoped, rsps(specification), specification.name() + " " + specification.version());
    }

    /** The RSPs with instances on the specification, with their counts: for an RSP operator only its own. */
    public List<Rsp.Share> rsps(Specification specification) {
        return catalogue.rsps(specification.uuid()).stream().filter(share -> access.covers(share.rsp().key())).toList();
    }

    /** A page of the query's instances; an RSP operator's is always of its own RSP (another RSP asked for: refused). */
    public InstanceQuery.Page page(InstanceQuery query, InstanceQuery.Cursor after) {
        return instances.page(scoped(query), after);
    }

    /** How many instances the query selects; an RSP operator's count is of its own RSP only. */
    public long count(InstanceQuery query) {
        return instances.count(scoped(query));
    }

    private InstanceQuery scoped(InstanceQuery query) {
        String rsp = access.scopeRsp(query.rsp(), "Reading instances");
        return java.util.Objects.equals(rsp, query.rsp()) ? query
                : new InstanceQuery(query.specificationUuid(), query.nameContains(), rsp, query.valueKey(), query.value(), query.sort(), query.descending(),
                query.pageSize());
    }

    /**
     * The count the table shows: from the kept counts where they serve the query (with when they were counted), else
     * counted now; an RSP operator's is of its own RSP only, like {@link #count}.
     */
    public InstanceTotal total(InstanceQuery query) {
        return instances.total(scoped(query));
    }

    /**
     * The instances table's reads, each made once on the catalogue's largest specification, so that a screen's first
     * read finds its query planned, the code that runs it compiled and the index pages it reads in memory (measured
     * on 3.5 M instances: a first read after the store opened took 0.3–1.9 s, the same read again 30–200 ms). Every
     * page order in both directions (first and next page), then an RSP, a characteristic value and a name filter,
     * each with its count. Reads only, as the table would make them: an RSP operator's are
     * its own. Meant to run in the background once the read indexes are online (read the slower way, a page of a
     * large specification sorts every instance); stops between reads when {@code progress} is cancelled. The RSP and the
     * value are the first row's, so that their ordered reads find a page at once; the name filter is one no name is
     * likely to contain, which the name's TEXT index answers at once.
     */
    public WarmUp warmUp(dev.diffo.admin.common.TaskRunner.Progress progress) {
        long start = System.nanoTime();
        Specification largest = catalogue.findSpecifications("").stream()
                .filter(s -> s.instanceCount() > 0)
                .max(java.util.Comparator.comparingLong(Specification::instanceCount)).orElse(null);
        if (largest == null) {
            return new WarmUp(null, 0, 0, null, 0, null);
        }
        Map<String, Runnable> reads = new LinkedHashMap<>();
        InstanceQuery byName = new InstanceQuery(largest.uuid(), null, null, null, null, InstanceQuery.Sort.NAME, false, InstanceQuery.DEFAULT_PAGE_SIZE);
        InstanceRow[] first = {null};
        List<String> firstNames = new ArrayList<>(); // of each order's first page, in the order read
        for (InstanceQuery.Sort sort : InstanceQuery.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                InstanceQuery query = new InstanceQuery(largest.uuid(), null, null, null, null, sort, descending, InstanceQuery.DEFAULT_PAGE_SIZE);
                reads.put("pages by " + sort.property() + (descending ? ", descending" : ""), () -> {
                    InstanceQuery.Page page = page(query, null);
                    if (query.equals(byName)) {
                        first[0] = page.rows().isEmpty() ? null : page.rows().getFirst();
                    }
                    if (!page.rows().isEmpty() && page.rows().getFirst().name() != null) {
                        firstNames.add(page.rows().getFirst().name());
                    }
                    if (page.hasMore()) {
                        page(query, page.next(sort));
                    }
                });
            }
        }
        reads.put("the count", () -> total(byName));
        // an RSP and a value from the first row by name: their ordered reads find a page at once
        reads.put("an RSP's page and count", () -> filtered(first[0], row -> new InstanceQuery(largest.uuid(), null, row.rsp(), null, null, InstanceQuery.Sort.NAME, false,
                InstanceQuery.DEFAULT_PAGE_SIZE)));
        reads.put("a value's page and count", () -> filtered(first[0], row -> row.values().entrySet().stream()
                .filter(e -> e.getKey().matches(InstanceQuery.VALUE_KEY) && e.getValue() != null && !e.getValue().isBlank()).findFirst()
                .map(e -> new InstanceQuery(largest.uuid(), null, null, e.getKey(), e.getValue(), InstanceQuery.Sort.NAME, false,
                        InstanceQuery.DEFAULT_PAGE_SIZE)).orElse(null)));
        // a name a few thousand instances contain (a part of a real name, found below): the name filter's queries then run
        // once over that many rows, as a user's filter does, so the user's first is not the one that compiles their code
        // (at 3.5 M: an RSP's first page 0.8-1.2 s, and 0.2 s once another text had been read). Else a name no instance is
        // likely to contain, which plans them only. Never one found in more than the index's sorted reads take: their
        // count would read every instance (a part of the first row's name is in a million names at 3.5 M: 13 s measured)
        String[] name = {NAME_PROBE};
        reads.put("a name's page and count", () -> {
            try {
                name[0] = Objects.requireNonNullElse(nameToWarm(largest.uuid(), firstNames), NAME_PROBE);
            } catch (DiffoAdminException e) {
                name[0] = NAME_PROBE; // a count that failed chooses nothing: the probe's reads say what is wrong, if anything still is
            }
            filtered(first[0], row -> new InstanceQuery(largest.uuid(), name[0], null, null, null, InstanceQuery.Sort.NAME, false,
                    InstanceQuery.DEFAULT_PAGE_SIZE));
        });
        // the same of one RSP, a query of its own, which an RSP operator's every name filter is (and the read above already was)
        if (access.get().rsp().isEmpty()) {
            reads.put("an RSP's name page and count", () -> filtered(first[0], row -> new InstanceQuery(largest.uuid(), name[0], row.rsp(), null, null,
                    InstanceQuery.Sort.NAME, false, InstanceQuery.DEFAULT_PAGE_SIZE)));
        }
        int done = 0;
        String slowest = null;
        double slowestSeconds = 0;
        for (Map.Entry<String, Runnable> read : reads.entrySet()) {
            if (progress.isCancelled()) {
                break;
            }
            progress.update(done, reads.size());
            long began = System.nanoTime();
            read.getValue().run();
            double took = (System.nanoTime() - began) / 1e9;
            if (took > slowestSeconds) {
                slowest = read.getKey();
                slowestSeconds = took;
            }
            done++;
        }
        progress.update(reads.size(), reads.size());
        return new WarmUp(largest, done, (System.nanoTime() - start) / 1e9, slowest, slowestSeconds, NAME_PROBE.equals(name[0]) ? null : name[0]);
    }

    /** The name filter the warm-up reads with when no part of a name serves: plain ASCII without letters, so the TEXT index seeks it as it is. */
    static final String NAME_PROBE = "~~~~";

    /** The warm-up's name text is to find at least this many instances (its queries' code compiled over that many rows). */
    static final long NAME_WARMS_FROM = 1_000;

    /** Names whose beginnings the warm-up tries, at most. */
    static final int NAMES_TRIED = 3;

    /**
     * The shortest beginning of one of {@code names} that the name's TEXT index finds in at most as many instances as a
     * name filter sorts, and in at least {@link #NAME_WARMS_FROM} (else the one found in most of them, null when none is
     * found in any): found by halving its length, each try a count that stops past that limit. Null when this version's
     * name filter does not read from the index. The index is sought with a part of the text only (its longest stretch of
     * a few letters), so a shorter beginning need not find more: the halving may then stop at a longer one than the
     * shortest, which warms less but is never over the limit (only a beginning counted within it is kept).
     */
    String nameToWarm(String specificationUuid, List<String> names) {
        if (instances.nameCandidates(specificationUuid, NAME_PROBE) < 0) {
            return null;
        }
        String best = null;
        long bestFound = 0;
        for (String name : names.stream().distinct().limit(NAMES_TRIED).toList()) {
            long found = instances.nameCandidates(specificationUuid, name);
            if (found < 0 || found > InstanceRepository.NAME_CANDIDATES_SORTED) {
                continue; // not plain ASCII, or in too many names even whole
            }
            // the whole name is within the limit; the shortest beginning of it that is finds the most instances
            int lo = 3;
            int hi = name.length();
            long foundAtHi = found;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                long n = instances.nameCandidates(specificationUuid, name.substring(0, mid));
                if (n >= 0 && n <= InstanceRepository.NAME_CANDIDATES_SORTED) {
                    hi = mid;
                    foundAtHi = n;
                } else {
                    lo = mid + 1;
                }
            }
            if (foundAtHi >= NAME_WARMS_FROM) {
                return name.substring(0, hi);
            }
            if (foundAtHi > bestFound) {
                best = name.substring(0, hi);
                bestFound = foundAtHi;
            }
        }
        return best;
    }

    /** Warms a filtered first page and its count, when {@code filter} makes a query of the row (null: nothing to warm). */
    private void filtered(InstanceRow row, java.util.function.Function<InstanceRow, InstanceQuery> filter) {
        InstanceQuery query = row == null ? null : filter.apply(row);
        if (query != null) {
            page(query, null);
            total(query);
        }
    }

    /**
     * What {@link #warmUp} did: on which specification (null: no instances anywhere), how many of its reads, in how
     * long, which took longest, and the name text it filtered by (null: the probe that finds none).
     */
    public record WarmUp(Specification specification, int reads, double seconds, String slowest, double slowestSeconds, String nameText) {

        /**
         * e.g. "table warmed: 13 reads in 4.2 s on broadband v1.0.0 (longest: pages by uuid, 1.1 s)": what the status bar
         * must show first ("table warmed"), as it cuts a long line's end.
         */
        public String describe() {
            return specification == null ? "no instances to warm the instances table on"
                    : String.format("table warmed: %d reads in %.1f s on %s %s%s", reads, seconds, specification.name(), specification.version(),
                    slowest == null ? "" : String.format(" (longest: %s, %.1f s)", slowest, slowestSeconds))
                    + (nameText == null ? "" : "; name filter warmed with \"" + nameText + "\"");
        }
    }

    /** What the version allows, one rule per characteristic value (the create form's fields). */
    public List<CharacteristicRule> rules(String specificationUuid) {
        Identifiers.requireUuid4("Specification id", specificationUuid);
        return versioning.rules(specificationUuid);
    }

    /**
     * Creates an instance on the specification version with these values ({@code broadband.technology → fttn};
     * blank values are left out) and returns its new id. Refuses, writing nothing: a frozen or withdrawn version, an
     * invalid or taken name, a value the version does not allow or does not know, a required value missing.
     */
    public String create(String specificationUuid, String name, Map<String, String> values) {
        access.requireInstanceWrites("Creating an instance");
        String party = rspParty(name);
        Specification spec = acceptingNewInstances(specificationUuid);
        Identifiers.requireInstanceName(name == null ? null : name.strip());
        List<CharacteristicRule> rules = versioning.rules(specificationUuid);
        Map<String, String> given = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(key, value.strip());
            }
        });
        List<CharacteristicDraft> characteristics = characteristics(spec, rules, given);
        String uuid = Identifiers.newUuid4();
        boolean service = spec.type() == SpecificationType.SERVICE;
        instances.create(new InstanceDraft(uuid, name.strip(), labels(specificationUuid), specificationUuid, spec.type().instanceType(), "actual",
                service ? "initial" : null, characteristics, party));
        return uuid;
    }

    /**
     * The party an RSP operator's new instance is related to in the RSP role: its RSP's, where a party has that key
     * (diffo's shape: the instance then belongs to it by the party-role rule, whatever its name, which only has to be
     * one diffo takes). An RSP found by name prefix has no party, so there the instance must be named after it
     * ({@code acme-…}). Null for any other role (a catalogue manager's new instance is related to no party).
     */
    private String rspParty(String name) {
        String rsp = access.get().rspKey();
        if (rsp == null) {
            return null;
        }
        if (instances.hasParty(rsp)) {
            return rsp;
        }
        String given = name == null ? "" : name.strip();
        if (!given.toLowerCase(java.util.Locale.ROOT).startsWith(rsp.toLowerCase(java.util.Locale.ROOT) + "-")) {
            throw new dev.diffo.admin.domain.NotPermittedException(access.get(), "Creating instance " + given + " is not permitted: the app runs as an "
                    + access.get().describe() + ", and no party has the key " + rsp + ": an instance created here belongs to the RSP its name starts with.",
                    "Name it " + rsp + "-… (e.g. " + rsp + "-broadband-001).");
        }
        return null;
    }

    private Specification acceptingNewInstances(String specificationUuid) {
        Identifiers.requireUuid4("Specification id", specificationUuid);
        Specification spec = catalogue.findByUuid(specificationUuid)
                .orElseThrow(() -> new InvalidInputException("There is no specification " + specificationUuid, "Pick one from the catalogue."));
        if (!spec.status().acceptsNewInstances()) {
            throw new InvalidInputException(title(spec) + " is " + spec.status().stored() + ": it takes no new instances",
                    "Create the instance on the current major.");
        }
        return spec;
    }

    private static String title(Specification spec) {
        return spec.name() + " " + spec.version();
    }

    /** diffo's characteristic nodes for the given values: one per plain value, one per dynamic characteristic with its fields. */
    private List<CharacteristicDraft> characteristics(Specification spec, List<CharacteristicRule> rules, Map<String, String> given) {
        Map<String, CharacteristicRule> byKey = new LinkedHashMap<>();
        rules.forEach(rule -> byKey.put(rule.key(), rule));
        Map<String, ObjectNode> fieldsByCharacteristic = new TreeMap<>();
        List<CharacteristicDraft> characteristics = new ArrayList<>();
        for (var entry : given.entrySet()) {
            CharacteristicRule rule = allowingRule(spec, byKey, entry);
            JsonNode typed = typed(rule, entry);
            if (rule.field() == null) {
                ObjectNode root = JsonNodeFactory.instance.objectNode().put("type", rule.valueType().stored());
                root.putObject("value").put("type", rule.valueType().stored()).set(rule.valueType().stored(), typed);
                characteristics.add(new CharacteristicDraft(Identifiers.newUuid4(), rule.characteristic(), CanonicalJson.write(root)));
            } else {
                fieldsByCharacteristic.computeIfAbsent(rule.characteristic(), c -> JsonNodeFactory.instance.objectNode()).set(rule.field(), typed);
            }
        }
        for (CharacteristicRule rule : rules) {
            if (rule.required() && !given.containsKey(rule.key())) {
                throw new InvalidInputException(title(spec) + " requires " + rule.key(), "Give it a value.");
            }
        }
        fieldsByCharacteristic.forEach((characteristic, fields) -> characteristics.add(dynamic(spec, characteristic, fields)));
        return characteristics;
    }

    private static CharacteristicRule allowingRule(Specification spec, Map<String, CharacteristicRule> byKey, Map.Entry<String, String> entry) {
        CharacteristicRule rule = byKey.get(entry.getKey());
        if (rule == null) {
            throw new InvalidInputException(title(spec) + " has no characteristic value " + entry.getKey(),
                    byKey.isEmpty() ? "This version allows no characteristic values." : "It knows " + String.join(", ", byKey.keySet()) + ".");
        }
        if (!rule.allows(entry.getValue())) {
            throw new InvalidInputException(entry.getKey() + " = " + entry.getValue() + " is not allowed by " + title(spec),
                    "Choose one of " + String.join(", ", rule.allowedValues()) + ".");
        }
        return rule;
    }

    private static JsonNode typed(CharacteristicRule rule, Map.Entry<String, String> entry) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (rule.valueType()) {
            case STRING -> json.textNode(entry.getValue());
            case INTEGER -> json.numberNode(parse(entry, () -> Long.parseLong(entry.getValue()), "a whole number"));
            case FLOAT -> json.numberNode(parse(entry, () -> Double.parseDouble(entry.getValue()), "a number"));
            case BOOLEAN -> json.booleanNode(parse(entry, () -> switch (entry.getValue()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new NumberFormatException();
            }, "true or false"));
        };
    }

    /** A dynamic characteristic in diffo's shape, typed as the version's other instances type it. */
    private CharacteristicDraft dynamic(Specification spec, String characteristic, ObjectNode fields) {
        String valueType = instances.dynamicValueType(spec.uuid(), spec.name(), characteristic).orElseThrow(() -> new InvalidInputException(
                "No " + spec.name() + " instance carries a " + characteristic + " value yet, so diffo's type for it is unknown",
                "Create the first one with diffo; diffo-admin then creates more in the same shape."));
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("type", "dynamic");
        ObjectNode value = root.putObject("value").put("type", valueType);
        value.set("value", fields);
        return new CharacteristicDraft(Identifiers.newUuid4(), characteristic, CanonicalJson.write(root));
    }

    /** The version's instances' common labels, with diffo's Instance and Provider always among them. */
    private List<String> labels(String specificationUuid) {
        List<String> labels = new ArrayList<>(instances.commonLabels(specificationUuid));
        for (String required : List.of("Instance", "Provider")) {
            if (!labels.contains(required)) {
                labels.add(required);
            }
        }
        return labels;
    }

    private static <T> T parse(Map.Entry<String, String> entry, java.util.function.Supplier<T> parser, String what) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new InvalidInputException(entry.getKey() + " = " + entry.getValue() + " is not " + what, "Write " + entry.getKey() + " as " + what + ".");
        }
    }
}
