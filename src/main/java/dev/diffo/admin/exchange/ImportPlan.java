package dev.diffo.admin.exchange;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What importing a document would do, per specification: create it, record its allowed values, add them as the next
 * minor, leave it as it is, or refuse it (with the reason). Shown before anything is written.
 */
public record ImportPlan(String source, List<Step> steps, List<String> keptAside) {

    public enum Action {
        CREATE("create"), RECORD("record allowed values"), MINOR("next minor"), UNCHANGED("unchanged"), REFUSED("refused");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean writes() {
            return this == CREATE || this == RECORD || this == MINOR;
        }
    }

    /**
     * One specification of the document. {@code existing} is the version as it was read (its {@code updatedAt} guards
     * the write); {@code uuid} the id a create uses (null: a new one); {@code status} what a create sets after it.
     */
    public record Step(Action action, String path, String name, long major, String version, String detail, String uuid,
                       TmfDocument.Incoming incoming, Specification existing, List<CharacteristicRule> rules, SpecificationStatus status) {
        public Step {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        /** {@code broadband v1}. */
        public String label() {
            return name == null ? path : name + " v" + major;
        }
    }

    public ImportPlan {
        steps = List.copyOf(steps);
        keptAside = List.copyOf(keptAside);
    }

    public boolean refuses() {
        return steps.stream().anyMatch(s -> s.action() == Action.REFUSED);
    }

    public boolean writes() {
        return steps.stream().anyMatch(s -> s.action().writes());
    }

    public long count(Action action) {
        return steps.stream().filter(s -> s.action() == action).count();
    }

    /** {@code 2 to create, 1 refused; 1 field kept aside (not imported)}: only what there is, or {@code nothing in the document}. */
    public String summary() {
        List<String> parts = new java.util.ArrayList<>();
        for (Action action : Action.values()) {
            long n = count(action);
            if (n > 0) {
                parts.add(n + switch (action) {
                    case CREATE -> " to create";
                    case RECORD -> " to record allowed values";
                    case MINOR -> " as a next minor";
                    case UNCHANGED -> " unchanged";
                    case REFUSED -> " refused";
                });
            }
        }
        return (parts.isEmpty() ? "no specification in the document" : String.join(", ", parts))
                + (keptAside.isEmpty() ? "" : "; " + keptAside.size() + " field" + (keptAside.size() == 1 ? "" : "s") + " kept aside (not imported)");
    }

    /** One line per step and the fields kept aside: what the command line prints and the preview shows. */
    public String describe() {
        String lines = steps.stream().map(s -> String.format("  %-22s %-16s %-9s %s", s.action().label(), s.label(), s.version(), s.detail()))
                .collect(Collectors.joining("\n"));
        String aside = keptAside.isEmpty() ? "" : "\nKept aside (not imported): " + String.join(", ", keptAside);
        return "Import of " + source + ": " + summary() + "\n" + lines + aside;
    }
}
