package dev.diffo.admin.catalogue;

import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationGroup;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;

/** A row of the catalogue tree: a specification name, or one of its major versions. */
public sealed interface CatalogueEntry {

    String title();

    String subtitle();

    /** What the row is, for its icon: a service or resource specification name, or a current, frozen or withdrawn major. */
    enum Kind { SERVICE_SPECIFICATION, RESOURCE_SPECIFICATION, CURRENT_MAJOR, FROZEN_MAJOR, WITHDRAWN_MAJOR }

    Kind kind();

    record Name(SpecificationGroup group, InstanceCounts counts) implements CatalogueEntry {

        public Name(SpecificationGroup group) {
            this(group, InstanceCounts.EVERY_RSP);
        }

        @Override
        public String title() {
            return group.name();
        }

        @Override
        public String subtitle() {
            int majors = group.majors().size();
            return majors + (majors == 1 ? " major" : " majors") + " · " + counts.text(counts.of(group))
                    + (group.hasDuplicateMajors() ? " · duplicate majors!" : "");
        }

        @Override
        public Kind kind() {
            return !group.majors().isEmpty() && group.majors().getFirst().type() == SpecificationType.RESOURCE ? Kind.RESOURCE_SPECIFICATION
                    : Kind.SERVICE_SPECIFICATION;
        }
    }

    record Version(Specification specification, InstanceCounts counts) implements CatalogueEntry {

        public Version(Specification specification) {
            this(specification, InstanceCounts.EVERY_RSP);
        }

        @Override
        public String title() {
            return specification.version();
        }

        @Override
        public String subtitle() {
            Specification s = specification;
            return s.type().instanceType() + " · " + (s.category() == null ? "no category" : s.category()) + " · "
                    + counts.text(counts.of(s)) + (s.invisibleToDiffo() ? " · no :Provider label" : "")
                    + (s.status() == SpecificationStatus.CURRENT ? "" : " · " + s.status().stored().toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public Kind kind() {
            return switch (specification.status()) {
                case CURRENT -> Kind.CURRENT_MAJOR;
                case FROZEN -> Kind.FROZEN_MAJOR;
                case WITHDRAWN -> Kind.WITHDRAWN_MAJOR;
            };
        }
    }
}
