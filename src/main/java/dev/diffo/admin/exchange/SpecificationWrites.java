package dev.diffo.admin.exchange;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.SemanticVersion;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import java.util.List;

/**
 * The versioning writes an import makes, with the versioning feature's checks and history (implemented in
 * {@code app} over the versioning service, so that the features stay independent).
 */
public interface SpecificationWrites {

    /** A new specification at the version it has in the document; an existing {name, major} is refused. */
    Specification create(String name, String uuid, SpecificationType type, SemanticVersion version, String description, String category,
                         List<CharacteristicRule> rules, String reason);

    /** What an existing version allows, recorded without a version bump. */
    Specification recordRules(Specification seen, List<CharacteristicRule> rules, String reason);

    /** Backward-compatible additions as the next minor; anything that narrows is refused. */
    Specification nextMinor(Specification seen, List<CharacteristicRule> rules, String reason);

    Specification freeze(Specification seen, String reason);

    Specification withdraw(Specification seen, String reason);
}
