package dev.diffo.admin.catalogue;

import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationGroup;
import dev.diffo.admin.domain.SpecificationStatus;

/** A row of the catalogue tree: a specification name, or one of its major versions. */
public sealed interface CatalogueEntry {

    String title();

    String subtitle();

    record Name(SpecificationGroup group) implements CatalogueEntry {
        @Override
        public String title() {
            return group.name();
        }

        @Override
        public String subtitle() {
            int majors = group.majors().size();
            return majors + (majors == 1 ? " major" : " majors") + " · " + CatalogueViewModel.instances(group.instanceCount())
                    + (group.hasDuplicateMajors() ? " · duplicate majors!" : "");
        }
    }

    record Version(Specification specification) implements CatalogueEntry {
        @Override
        public String title() {
            return specification.version();
        }

        @Override
        public String subtitle() {
            Specification s = specification;
            return s.type().instanceType() + " · " + (s.category() == null ? "no category" : s.category()) + " · "
                    + CatalogueViewModel.instances(s.instanceCount()) + (s.invisibleToDiffo() ? " · no :Provider label" : "")
                    + (s.status() == SpecificationStatus.CURRENT ? "" : " · " + s.status().stored().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
