package dev.diffo.admin.ui;

import dev.diffo.admin.domain.Specification;
import javafx.util.StringConverter;

/**
 * A specification version in a choice: {@code broadband v1.1.0 (2 instances, frozen)} — its instance count, and its
 * status when it takes no new instances. One wording for every screen that offers versions to choose from.
 */
public final class SpecificationConverter extends StringConverter<Specification> {

    public static final SpecificationConverter WITH_COUNTS = new SpecificationConverter(true);
    /** For an RSP operator: the count of every RSP's instances is not its to see; only the status is shown ({@code broadband v1.1.0 (frozen)}). */
    public static final SpecificationConverter WITHOUT_COUNTS = new SpecificationConverter(false);

    private final boolean counts;

    private SpecificationConverter(boolean counts) {
        this.counts = counts;
    }

    /** The converter for a screen whose reads are scoped to one RSP ({@code scoped}) or not. */
    public static SpecificationConverter forScope(boolean scoped) {
        return scoped ? WITHOUT_COUNTS : WITH_COUNTS;
    }

    @Override
    public String toString(Specification s) {
        if (s == null) {
            return "";
        }
        String status = s.status().acceptsNewInstances() ? "" : s.status().stored();
        if (!counts) {
            return s.name() + " " + s.version() + (status.isEmpty() ? "" : " (" + status + ")");
        }
        return String.format("%s %s (%,d instance%s%s)", s.name(), s.version(), s.instanceCount(),
                s.instanceCount() == 1 ? "" : "s", status.isEmpty() ? "" : ", " + status);
    }

    @Override
    public Specification fromString(String text) {
        return null;
    }
}
