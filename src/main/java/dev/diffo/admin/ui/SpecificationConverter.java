package dev.diffo.admin.ui;

import dev.diffo.admin.domain.Specification;
import javafx.util.StringConverter;

/**
 * A specification version in a choice: {@code broadband v1.1.0 (2 instances, frozen)} — its instance count, and its
 * status when it takes no new instances. One wording for every screen that offers versions to choose from.
 */
public final class SpecificationConverter extends StringConverter<Specification> {

    public static final SpecificationConverter WITH_COUNTS = new SpecificationConverter();

    private SpecificationConverter() {
    }

    @Override
    public String toString(Specification s) {
        return s == null ? "" : String.format("%s %s (%,d instance%s%s)", s.name(), s.version(), s.instanceCount(),
                s.instanceCount() == 1 ? "" : "s", s.status().acceptsNewInstances() ? "" : ", " + s.status().stored());
    }

    @Override
    public Specification fromString(String text) {
        return null;
    }
}
