package dev.diffo.admin.domain;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An explicit, reversible change of a moved instance's consumer-module labels (diffo's respecify keeps the
 * labels, so an instance built as {@code :Broadband} stays {@code :Broadband} on v2): remove {@code remove},
 * add {@code add}. Only instances that carry all of {@code remove} and none of {@code add} are relabelled, and
 * the ledger records which, so an undo restores exactly the labels they had.
 */
public record Relabel(List<String> remove, List<String> add) {

    private static final Pattern LABEL = Pattern.compile("^[A-Z][A-Za-z0-9]*$");
    /** diffo's base labels: what makes a node an instance is never relabelled. */
    private static final Set<String> BASE = Set.of("Instance", "Provider", "Specification", "Characteristic", "DiffoAdmin");

    public Relabel {
        remove = List.copyOf(remove);
        add = List.copyOf(add);
        if (remove.isEmpty() || add.isEmpty()) {
            throw new InvalidInputException("A relabel needs labels to remove and labels to add", "e.g. remove Broadband, add BroadbandV2.");
        }
        for (String label : concat(remove, add)) {
            if (!LABEL.matcher(label).matches() || BASE.contains(label)) {
                throw new InvalidInputException("'" + label + "' cannot be relabelled",
                        "Only consumer-module labels in PascalCase (e.g. BroadbandV2); never " + String.join(", ", BASE.stream().sorted().toList()) + ".");
            }
        }
        if (remove.stream().anyMatch(add::contains)) {
            throw new InvalidInputException("A label cannot be both removed and added", "Remove " + remove + ", add " + add + ".");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * The relabel that makes instances labelled {@code from} look like those built for the target
     * ({@code to}), or null when the two label sets differ in nothing but base labels, or one is unknown.
     */
    public static Relabel between(List<String> from, List<String> to) {
        if (from == null || to == null || from.isEmpty() || to.isEmpty()) {
            return null;
        }
        List<String> remove = from.stream().filter(l -> !to.contains(l) && !BASE.contains(l)).sorted().toList();
        List<String> add = to.stream().filter(l -> !from.contains(l) && !BASE.contains(l)).sorted().toList();
        return remove.isEmpty() || add.isEmpty() ? null : new Relabel(remove, add);
    }

    @Override
    public String toString() {
        return ":" + String.join(":", remove) + " → :" + String.join(":", add);
    }
}
