package dev.diffo.admin.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.RulesDiff;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.exchange.ImportPlan.Action;
import dev.diffo.admin.exchange.ImportPlan.Step;
import dev.diffo.admin.exchange.TmfDocument.Incoming;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.VersioningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The catalogue as TM Forum TMF633/TMF634 JSON, out and in. Export reads every version and what it allows; import
 * first makes a plan (what would be created, recorded, refused) and then writes it through the versioning feature's
 * checks and history ({@link SpecificationWrites}): an existing version is never overwritten, a narrowing is refused
 * with the reason, and a malformed document is refused with the JSON path of its problem before anything is read.
 */
@Singleton
public class ExchangeService {

    private final CatalogueRepository catalogue;
    private final VersioningRepository versions;
    private final SpecificationWrites writes;
    private final CurrentAccess access;
    private final TmfSchema schema = new TmfSchema();

    /** An exported document, how many specification versions it holds, and what the reader should know. */
    public record Export(String json, int specifications, List<String> notes) {
        public Export {
            notes = List.copyOf(notes);
        }
    }

    /** What an import did, one line per write. */
    public record Result(List<String> done) {
        public Result {
            done = List.copyOf(done);
        }
    }

    @Inject
    public ExchangeService(CatalogueRepository catalogue, VersioningRepository versions, SpecificationWrites writes, CurrentAccess access) {
        this.catalogue = catalogue;
        this.versions = versions;
        this.writes = writes;
        this.access = access;
    }

    /** The access this service enforces, for the screens to disable what it would refuse. */
    public CurrentAccess currentAccess() {
        return access;
    }

    /** Every specification version (or those of {@code name}, or only its major {@code major}), oldest major first. */
    public Export export(String name, Long major, TmfVersion tmf) {
        List<Specification> chosen = catalogue.findSpecifications("").stream()
                .filter(s -> name == null || name.isBlank() || s.name().equals(name.strip()))
                .filter(s -> major == null || s.majorVersion() == major)
                .sorted(Comparator.comparing(Specification::name).thenComparingLong(Specification::majorVersion))
                .toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException(name == null || name.isBlank() ? "The catalogue has no specification to export"
                    : "There is no specification " + name.strip() + (major == null ? "" : " v" + major), "Check the name and major (catalogue lists them).");
        }
        ArrayNode document = JsonNodeFactory.instance.arrayNode();
        List<String> notes = new ArrayList<>();
        for (Specification spec : chosen) {
            List<CharacteristicRule> rules = versions.rules(spec.uuid());
            document.add(TmfDocument.write(spec, rules, tmf));
            if (rules.isEmpty()) {
                notes.add(spec.name() + " " + spec.version() + " has no allowed values recorded, so it is exported without characteristics (the document says so in "
                        + TmfDocument.NOTE + ").");
            }
        }
        return new Export(TmfDocument.text(document), chosen.size(), notes);
    }

    /**
     * What importing {@code json} would do; nothing is written. A document that is not JSON, or not shaped as TMF
     * specifications, is refused with the JSON path of its first problem.
     */
    public ImportPlan preview(String json, String source) {
        JsonNode root = TmfDocument.parse(json);
        schema.check(root);
        TmfDocument.Read read = TmfDocument.read(root);
        var shape = catalogue.inspectShape();
        if (shape.isForeign()) {
            throw new DiffoAdminException("This database is not a diffo catalogue: it has " + shape.nodeCount() + " nodes but no :Specification. Found: "
                    + shape.describeLabels(8) + ".", "Specifications are only imported into an empty database or a diffo catalogue. Connect to another"
                    + " database (File → Connect…). Nothing was written.");
        }
        List<Step> steps = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Incoming incoming : read.specifications()) {
            String identity = incoming.name() + " v" + incoming.version().major();
            String first = incoming.problem() == null ? seen.putIfAbsent(identity, incoming.path()) : null;
            steps.add(first != null ? refused(incoming, identity + " is in the document twice (" + first + " and " + incoming.path() + ")") : plan(incoming));
        }
        return new ImportPlan(source, steps, read.keptAside());
    }

    /**
     * Writes the plan, each step through the versioning checks and recorded in the history with {@code reason}. A plan
     * with a refused step is refused whole and nothing is written.
     */
    public Result importPlan(ImportPlan plan, String reason) {
        access.requireSpecificationChanges("Importing specifications from " + plan.source());
        if (plan.refuses()) {
            Step refused = plan.steps().stream().filter(s -> s.action() == Action.REFUSED).findFirst().orElseThrow();
            throw new InvalidInputException("Nothing was imported: " + plan.count(Action.REFUSED) + " of the document's specifications "
                    + (plan.count(Action.REFUSED) == 1 ? "is" : "are") + " refused. " + refused.label() + ": " + refused.detail(),
                    "Fix the document (or publish a new major for a narrowing) and import it again. Nothing was written.");
        }
        String why = reason == null || reason.isBlank() ? "imported from " + plan.source() : reason.strip();
        List<String> done = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (!step.action().writes()) {
                continue;
            }
            try {
                done.add(write(step, why));
            } catch (DiffoAdminException e) {
                throw new DiffoAdminException("The import stopped at " + step.label() + ": " + e.getMessage()
                        + (done.isEmpty() ? ". Nothing was written." : ". Written before it: " + String.join("; ", done) + "."),
                        "What was written stays, each in the history; preview the document again to see what is left.");
            }
        }
        return new Result(done);
    }

    private String write(Step step, String why) {
        return switch (step.action()) {
            case CREATE -> {
                Incoming in = step.incoming();
                Specification created = writes.create(in.name(), step.uuid(), in.type(), in.version(), in.description(), in.category(), step.rules(), why);
                if (step.status() == SpecificationStatus.FROZEN) {
                    created = writes.freeze(created, why);
                } else if (step.status() == SpecificationStatus.WITHDRAWN) {
                    created = writes.withdraw(created, why);
                }
                yield "created " + created.name() + " " + created.version() + (created.status() == SpecificationStatus.CURRENT ? "" : " (" + created.status().stored() + ")");
            }
            case RECORD -> {
                // recording rules leaves diffo's updatedAt alone, so look again that nobody recorded them meanwhile
                if (!versions.rules(step.existing().uuid()).isEmpty()) {
                    throw new InvalidInputException("allowed values were recorded meanwhile", "Preview the document again.");
                }
                Specification recorded = writes.recordRules(step.existing(), step.rules(), why);
                yield "recorded the allowed values of " + recorded.name() + " " + recorded.version();
            }
            case MINOR -> {
                Specification minor = writes.nextMinor(step.existing(), step.rules(), why);
                yield "added to " + minor.name() + " as " + minor.version();
            }
            default -> throw new IllegalStateException(step.action() + " writes nothing");
        };
    }

    private Step plan(Incoming in) {
        if (in.problem() != null) {
            return refused(in, in.problem());
        }
        var existing = versions.find(in.name(), in.version().major());
        if (existing.isEmpty()) {
            return planCreate(in);
        }
        Specification spec = existing.get();
        List<CharacteristicRule> stored = versions.rules(spec.uuid());
        if (in.rules().isEmpty()) {
            return step(Action.UNCHANGED, in, spec, "the document lists no characteristics: nothing to record", List.of());
        }
        RulesDiff diff;
        try {
            diff = RulesDiff.between(stored, in.rules());
        } catch (DiffoAdminException e) {
            return refused(in, TmfDocument.oneLine(e));
        }
        if (stored.isEmpty()) {
            return step(Action.RECORD, in, spec, "records " + describe(in.rules()) + " without a version bump (stays " + spec.version() + ")", in.rules());
        }
        if (diff.isEmpty()) {
            return step(Action.UNCHANGED, in, spec, "allows what is recorded (" + describe(stored) + ")", List.of());
        }
        if (!diff.isBackwardCompatible()) {
            return step(Action.REFUSED, in, spec, "would narrow " + spec.version() + ": it " + String.join("; it ", diff.breakingChanges())
                    + ". A version is never overwritten; a narrowing needs a new major (Publish major).", List.of());
        }
        if (spec.status() == SpecificationStatus.WITHDRAWN) {
            return step(Action.REFUSED, in, spec, spec.version() + " is withdrawn: it takes no additions", List.of());
        }
        dev.diffo.admin.domain.SemanticVersion next = dev.diffo.admin.domain.SemanticVersion.of(spec.majorVersion(), spec.minorVersion() + 1, 0);
        return step(Action.MINOR, in, spec, "adds " + String.join(", ", diff.lines()).replace("+ ", "") + ": written as the next minor " + next
                + " (" + spec.version() + " stays as it was" + (in.versionGiven() && !in.version().toString().equals(next.toString())
                ? "; the document says " + in.version() : "") + ")", in.rules());
    }

    private Step planCreate(Incoming in) {
        String uuid = null;
        String idNote = "";
        if (in.id() != null) {
            if (!Identifiers.isUuid4(in.id())) {
                idNote = "; id '" + in.id() + "' is not a UUID4, so it gets a new one";
            } else if (catalogue.findByUuid(in.id()).isPresent()) {
                Specification owner = catalogue.findByUuid(in.id()).get();
                idNote = "; id " + in.id() + " belongs to " + owner.name() + " " + owner.version() + ", so it gets a new one";
            } else {
                uuid = in.id();
            }
        }
        SpecificationStatus status = TmfDocument.status(in.lifecycleStatus());
        String detail = "new at " + in.version() + (in.versionGiven() ? "" : " (the document gives no version)")
                + (in.rules().isEmpty() ? ", no allowed values in the document" : " allowing " + describe(in.rules()))
                + (status == SpecificationStatus.CURRENT ? "" : ", then " + status.stored() + " (lifecycleStatus " + in.lifecycleStatus() + ")") + idNote;
        return new Step(Action.CREATE, in.path(), in.name(), in.version().major(), in.version().toString(), detail, uuid, in, null, in.rules(), status);
    }

    private static Step step(Action action, Incoming in, Specification existing, String detail, List<CharacteristicRule> rules) {
        return new Step(action, in.path(), in.name(), in.version().major(), existing.version(), detail, existing.uuid(), in, existing, rules, existing.status());
    }

    private static Step refused(Incoming in, String why) {
        return new Step(Action.REFUSED, in.path(), in.name(), in.version().major(), in.version().toString(), why, null, in, null, List.of(),
                SpecificationStatus.CURRENT);
    }

    private static String describe(List<CharacteristicRule> rules) {
        return rules.stream().map(CharacteristicRule::describe).collect(Collectors.joining("; "));
    }
}
