package dev.diffo.admin.cli;

import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.RulesDiff;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.versioning.RuleText;
import dev.diffo.admin.versioning.VersioningService;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The catalogue manager's versioning operations, headless; the same service as the catalogue screen. */
@Command(name = "spec", description = "Create and version specifications: patch, minor, publish a major, freeze, withdraw, delete, history.",
        subcommands = {SpecCommand.Create.class, SpecCommand.Show.class, SpecCommand.Patch.class, SpecCommand.Minor.class,
                SpecCommand.PublishMajor.class, SpecCommand.Freeze.class, SpecCommand.Unfreeze.class, SpecCommand.Withdraw.class,
                SpecCommand.Delete.class, SpecCommand.History.class, SpecCommand.Rules.class})
public class SpecCommand {

    @ParentCommand
    CommandContext context;

    private final Provider<VersioningService> versioning;
    private final Provider<CatalogueService> catalogue;

    @Inject
    public SpecCommand(Provider<VersioningService> versioning, Provider<CatalogueService> catalogue) {
        this.versioning = versioning;
        this.catalogue = catalogue;
    }

    /** What every subcommand shares: the connection, the services, the output, the spec it names. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        SpecCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why: recorded in the history.")
        String reason;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        VersioningService versioning() {
            return parent.versioning.get();
        }

        Specification find(String name, long major) {
            return parent.catalogue.get().require(name, major);
        }

        @Override
        public Integer call() {
            parent.context.connect();
            int code = run();
            out().flush();
            return code;
        }

        abstract int run();

        void print(Specification s) {
            out().printf("%s %s  %s  %s  %s  %,d instance%s  %s%n", s.name(), s.version(), s.type().stored(),
                    s.category() == null ? "-" : s.category(), s.status().stored(), s.instanceCount(), s.instanceCount() == 1 ? "" : "s", s.uuid());
        }

        void printRules(List<CharacteristicRule> rules) {
            rules.forEach(r -> out().println("  allows " + r.describe()));
        }
    }

    abstract static class Named extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Specification name, e.g. broadband.")
        String name;

        @Option(names = "--major", required = true, paramLabel = "N", description = "Major version, e.g. 1.")
        long major;
    }

    static List<CharacteristicRule> rules(List<String> lines) {
        return RuleText.parse(String.join("\n", lines));
    }

    /** Applies key=value edits ({@code broadband.technology=fw}) to a copy of the rules. */
    static List<CharacteristicRule> edit(List<CharacteristicRule> rules, List<String> add, List<String> remove) {
        List<CharacteristicRule> result = new ArrayList<>(rules);
        for (String edit : add) {
            result = change(result, edit, true);
        }
        for (String edit : remove) {
            result = change(result, edit, false);
        }
        return result;
    }

    private static List<CharacteristicRule> change(List<CharacteristicRule> rules, String edit, boolean add) {
        int eq = edit.indexOf('=');
        if (eq < 1) {
            throw new InvalidInputException("'" + edit + "' is not KEY=VALUE", "e.g. broadband.technology=fw");
        }
        String key = edit.substring(0, eq).strip();
        String value = edit.substring(eq + 1).strip();
        if (rules.stream().noneMatch(r -> r.key().equals(key))) {
            throw new InvalidInputException("No characteristic " + key, "It allows: " + String.join(", ", rules.stream().map(CharacteristicRule::key).toList()));
        }
        return rules.stream().map(r -> {
            if (!r.key().equals(key)) {
                return r;
            }
            List<String> values = new ArrayList<>(r.allowedValues());
            if (add && !values.contains(value)) {
                values.add(value);
            } else if (!add && !values.remove(value)) {
                throw new InvalidInputException(key + " does not allow " + value, "It allows " + String.join(", ", r.allowedValues()));
            }
            return r.withAllowedValues(values);
        }).toList();
    }

    @Command(name = "create", description = "Create a specification (major 1 unless --major); an existing {name, major} is refused. "
            + "--update changes only the fields given (description, category, type) of an existing current one, never what it allows.")
    static class Create extends Base {
        @Option(names = "--name", required = true) String name;
        @Option(names = "--id", description = "A UUID4 (default: generated).") String id;
        @Option(names = "--type", description = "service (default) or resource.") String type;
        @Option(names = "--major", defaultValue = "1") long major;
        @Option(names = "--description") String description;
        @Option(names = "--category") String category;
        @Option(names = "--allows", paramLabel = "RULE", description = "e.g. \"broadband.technology: string = fttc, fttn\"; repeatable.") List<String> allows = List.of();
        @Option(names = "--update", description = "Change only the fields given of an existing {name, major} (not frozen or withdrawn); never its rules.") boolean update;

        @Override
        int run() {
            SpecificationType t = type == null ? null
                    : SpecificationType.parse(type).orElseThrow(() -> new InvalidInputException("Unknown type " + type, "Use service or resource."));
            if (update) {
                if (!allows.isEmpty() || id != null) {
                    throw new InvalidInputException("--update changes only the description, category or type",
                            "What a version allows changes with spec minor or spec publish-major; its id never changes. Nothing was written.");
                }
                Specification s = versioning().update(name, major, t, description, category, reason);
                print(s);
                return 0;
            }
            Specification s = versioning().create(name, id, t == null ? SpecificationType.SERVICE : t, major, description, category,
                    allows.isEmpty() ? null : rules(allows), reason);
            print(s);
            printRules(versioning().rules(s));
            return 0;
        }
    }

    @Command(name = "show", description = "Show one specification version and what it allows.")
    static class Show extends Named {
        @Override
        int run() {
            Specification s = find(name, major);
            print(s);
            out().println("  description: " + s.description());
            out().println("  href: " + s.href());
            printRules(versioning().rules(s));
            return 0;
        }
    }

    @Command(name = "patch", description = "Next patch: correct the description or category, in place.")
    static class Patch extends Named {
        @Option(names = "--description") String description;
        @Option(names = "--category") String category;

        @Override
        int run() {
            Specification s = find(name, major);
            print(versioning().nextPatch(s, description == null ? s.description() : description, category == null ? s.category() : category, reason));
            return 0;
        }
    }

    @Command(name = "minor", description = "Next minor: backward-compatible additions, in place; refused if anything is removed or narrowed.")
    static class Minor extends Named {
        @Option(names = "--add-value", paramLabel = "KEY=VALUE", description = "e.g. broadband.technology=fw; repeatable.") List<String> addValues = List.of();
        @Option(names = "--allows", paramLabel = "RULE", description = "The full new set of rules instead; repeatable.") List<String> allows = List.of();

        @Override
        int run() {
            Specification s = find(name, major);
            List<CharacteristicRule> current = versioning().rules(s);
            List<CharacteristicRule> next = allows.isEmpty() ? edit(current, addValues, List.of()) : rules(allows);
            Specification updated = versioning().nextMinor(s, next, reason);
            print(updated);
            RulesDiff.between(current, next).lines().forEach(l -> out().println("  " + l));
            return 0;
        }
    }

    @Command(name = "publish-major", description = "Publish a new major: a new node (new UUID4, same name) from the latest major, edited.")
    static class PublishMajor extends Base {
        @Option(names = "--name", required = true) String name;
        @Option(names = "--add-value", paramLabel = "KEY=VALUE") List<String> addValues = List.of();
        @Option(names = "--remove-value", paramLabel = "KEY=VALUE", description = "e.g. broadband.technology=fttb; repeatable.") List<String> removeValues = List.of();
        @Option(names = "--allows", paramLabel = "RULE", description = "The full set of rules instead; repeatable.") List<String> allows = List.of();
        @Option(names = "--description") String description;
        @Option(names = "--category") String category;

        @Override
        int run() {
            SpecificationSnapshot draft = versioning().draftNextMajor(name);
            List<CharacteristicRule> next = allows.isEmpty() ? edit(draft.rules(), addValues, removeValues) : rules(allows);
            RulesDiff diff = versioning().diffAgainstLatest(name, next);
            Specification published = versioning().publishMajor(name, description, category, next, reason);
            print(published);
            out().println("  compared with " + draft.version() + ":");
            (diff.isEmpty() ? List.of("no change to what it allows") : diff.lines()).forEach(l -> out().println("  " + l));
            return 0;
        }
    }

    @Command(name = "freeze", description = "Freeze a major: no new instances on it; existing ones untouched. Prints what it does; --yes to go ahead.")
    static class Freeze extends Named {
        @Option(names = "--yes", description = "Freeze after showing what it does.") boolean yes;

        @Override
        int run() {
            Specification s = find(name, major);
            out().println(VersioningService.describeFreeze(s));
            if (!yes) {
                out().println("Not frozen: run again with --yes to freeze " + s.name() + " v" + s.majorVersion() + ".");
                return 1;
            }
            print(versioning().freeze(s, reason));
            return 0;
        }
    }

    @Command(name = "unfreeze", description = "Unfreeze a frozen major.")
    static class Unfreeze extends Named {
        @Override
        int run() {
            print(versioning().unfreeze(find(name, major), reason));
            return 0;
        }
    }

    @Command(name = "withdraw", description = "Withdraw a major. Prints the instances still on it per RSP; --yes to go ahead.")
    static class Withdraw extends Named {
        @Option(names = "--yes", description = "Withdraw after showing the impact.") boolean yes;

        @Override
        int run() {
            Specification s = find(name, major);
            Map<String, Long> impact = versioning().withdrawalImpact(s);
            out().println(VersioningService.describeWithdrawal(s, impact));
            if (!yes) {
                out().println("Not withdrawn: run again with --yes to withdraw " + s.name() + " v" + s.majorVersion() + ".");
                return 1;
            }
            print(versioning().withdraw(s, reason));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a specification; refused while any instance stands on it. Needs --yes.")
    static class Delete extends Named {
        @Option(names = "--yes", description = "Really delete.") boolean yes;

        @Override
        int run() {
            Specification s = find(name, major);
            out().println(VersioningService.describeDelete(s));
            if (!yes) {
                out().println("Not deleted: run again with --yes to delete " + s.name() + " " + s.version() + ".");
                return 1;
            }
            versioning().delete(s, reason);
            out().println("Deleted " + s.name() + " " + s.version() + " (" + s.uuid() + ").");
            return 0;
        }
    }

    @Command(name = "history", description = "The version history of a specification name, across majors.")
    static class History extends Base {
        @Option(names = "--name", required = true) String name;

        @Override
        int run() {
            List<VersionEvent> events = versioning().history(name);
            if (events.isEmpty()) {
                out().println("No recorded history for " + name + ".");
            }
            for (VersionEvent e : events) {
                out().printf("%s  %-26s %s%s%n", dev.diffo.admin.domain.Dates.display(e.at()), e.headline(), e.who(),
                        e.reason() == null ? "" : " · " + e.reason());
                if (e.before() != null && e.after() != null) {
                    RulesDiff.between(e.before().rules(), e.after().rules()).lines().forEach(l -> out().println("      " + l));
                }
            }
            return 0;
        }
    }

    @Command(name = "rules", description = "What a version allows, recorded without a version bump (for a catalogue diffo wrote: diffo keeps allowed values in its code). "
            + "Without --allows or --allow-in-use it shows the values in use and what is recorded.")
    static class Rules extends Named {
        @Option(names = "--allows", paramLabel = "RULE", description = "A rule, e.g. 'broadband.technology: string = fttc, fttn, fttp, fw'; repeatable.") List<String> allows = List.of();
        @Option(names = "--allow-in-use", description = "Allow exactly the values in use on the version now (add others with --allows).") boolean inUse;

        @Override
        int run() {
            Specification s = find(name, major);
            List<dev.diffo.admin.domain.ValueInUse> values = versioning().valuesInUse(s);
            if (allows.isEmpty() && !inUse) {
                print(s);
                List<CharacteristicRule> recorded = versioning().rules(s);
                if (recorded.isEmpty()) {
                    out().println("  allowed values: not recorded");
                } else {
                    printRules(recorded);
                }
                values.forEach(v -> out().println("  in use: " + v));
                out().println("Record with --allows RULE (repeatable) or --allow-in-use, and --reason.");
                return 1;
            }
            List<CharacteristicRule> given = allows.isEmpty() ? List.of() : rules(allows);
            List<CharacteristicRule> next = new ArrayList<>(given);
            if (inUse) {
                VersioningService.rulesAllowing(values).stream().filter(r -> given.stream().noneMatch(g -> g.key().equals(r.key()))).forEach(next::add);
            }
            List<CharacteristicRule> before = versioning().rules(s);
            Specification recorded = versioning().recordRules(s, next, reason);
            print(recorded);
            out().println("  allowed values recorded; " + recorded.name() + " stays " + recorded.version());
            RulesDiff.between(before, next).lines().forEach(l -> out().println("  " + l));
            return 0;
        }
    }
}
