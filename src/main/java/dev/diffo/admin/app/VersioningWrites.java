package dev.diffo.admin.app;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.SemanticVersion;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.exchange.SpecificationWrites;
import dev.diffo.admin.versioning.VersioningService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** An import's writes go through the versioning service: its checks, its transactions, its history. */
@Singleton
public class VersioningWrites implements SpecificationWrites {

    private final VersioningService versioning;

    @Inject
    public VersioningWrites(VersioningService versioning) {
        this.versioning = versioning;
    }

    @Override
    public Specification create(String name, String uuid, SpecificationType type, SemanticVersion version, String description, String category,
                                List<CharacteristicRule> rules, String reason) {
        return versioning.createAt(name, uuid, type, version, description, category, rules, reason);
    }

    @Override
    public Specification recordRules(Specification seen, List<CharacteristicRule> rules, String reason) {
        return versioning.recordRules(seen, rules, reason);
    }

    @Override
    public Specification nextMinor(Specification seen, List<CharacteristicRule> rules, String reason) {
        return versioning.nextMinor(seen, rules, reason);
    }

    @Override
    public Specification freeze(Specification seen, String reason) {
        return versioning.freeze(seen, reason);
    }

    @Override
    public Specification withdraw(Specification seen, String reason) {
        return versioning.withdraw(seen, reason);
    }
}
