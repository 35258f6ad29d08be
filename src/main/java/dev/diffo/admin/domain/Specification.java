package dev.diffo.admin.domain;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A TMF Specification node as diffo stores it ({@code :Provider:Specification}), plus what the catalogue
 * derives from the graph around it (instance count, the labels found on the node).
 *
 * <p>{@code version} and {@code href} are computed, never stored, exactly as diffo computes them.
 */
public record Specification(
        String uuid,
        String name,
        SpecificationType type,
        long majorVersion,
        long minorVersion,
        long patchVersion,
        long tmfVersion,
        String description,
        String category,
        ZonedDateTime createdAt,
        ZonedDateTime updatedAt,
        long instanceCount,
        List<String> labels,
        SpecificationStatus status) {

    public Specification {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        labels = labels == null ? List.of() : List.copyOf(labels);
        status = status == null ? SpecificationStatus.CURRENT : status;
    }

    /** {@code v{major}.{minor}.{patch}}, e.g. {@code v1.1.0}. */
    public String version() {
        return SemanticVersion.of(majorVersion, minorVersion, patchVersion).toString();
    }

    /** diffo's href, e.g. {@code serviceCatalogManagement/v4/serviceSpecification/<uuid>}. */
    public String href() {
        return type.catalogApi() + "/v" + tmfVersion + "/" + type.stored() + "/" + uuid;
    }

    /** True when the node lacks {@code :Provider}, which makes it invisible to diffo's own reads. */
    public boolean invisibleToDiffo() {
        return !labels.isEmpty() && !labels.contains("Provider");
    }
}
