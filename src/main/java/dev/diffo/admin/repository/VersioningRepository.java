package dev.diffo.admin.repository;

import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.NewSpecification;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationChange;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.domain.VersionEvent;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes to specifications; every method is one transaction that lands whole or not at all, history included. */
public interface VersioningRepository {

    /** Who did it and why, and the state before; the repository adds the state after and the time. */
    record EventDraft(VersionEvent.Action action, String actor, String reason) {
    }

    List<CharacteristicRule> rules(String specificationUuid);

    Optional<Specification> latestMajor(String name);

    /**
     * Applies {@code change} to the specification if its {@code updatedAt} is still {@code expectedUpdatedAt};
     * otherwise throws {@code ConcurrentChangeException} and writes nothing.
     */
    Specification apply(String uuid, ZonedDateTime expectedUpdatedAt, SpecificationChange change, EventDraft event);

    /** The specification with diffo's identity {@code {name, majorVersion}}, if there is one. */
    Optional<Specification> find(String name, long majorVersion);

    /**
     * Creates the specification; an existing {@code {name, majorVersion}} is refused with
     * {@code SpecificationExistsException} and nothing is written (never an overwrite).
     */
    Specification create(NewSpecification specification, EventDraft event);

    /**
     * Changes only the fields given (non-null: type, description, category) of an existing {name, majorVersion},
     * never its rules; refused, writing nothing, on a frozen or withdrawn version. Recorded as UPDATED.
     */
    Specification update(String name, long majorVersion, SpecificationType type, String description, String category, EventDraft event);

    /** Instances standing on the specification, per RSP (party where the data has it, else name prefix). */
    List<Rsp.Share> instancesPerRsp(String uuid);

    /** Deletes the specification if no instance stands on it; otherwise refuses, with the count. */
    void delete(String uuid, EventDraft event);

    List<VersionEvent> history(String specificationName);

    /** Every major of the name as diffo's nodes hold it, oldest first (for a history read from diffo's own timestamps). */
    List<Specification> majors(String specificationName);

    /** The values stored on the version's instances, each field of a dynamic value on its own, with counts: one aggregate read. */
    List<dev.diffo.admin.domain.ValueInUse> valuesInUse(String uuid);

    /** The snapshot of a specification as it is now. */
    SpecificationSnapshot snapshot(String uuid);
}
