package dev.diffo.admin.domain;

import java.util.Arrays;
import java.util.Optional;

/** A Specification's {@code type} as diffo stores it (an atom written without the colon). */
public enum SpecificationType {
    SERVICE("serviceSpecification", "service", "serviceCatalogManagement", "serviceInventoryManagement", "service"),
    RESOURCE("resourceSpecification", "resource", "resourceCatalogManagement", "resourceInventoryManagement", "resource");

    private final String stored;
    private final String instanceType;
    private final String catalogApi;
    private final String inventoryApi;
    private final String inventoryPath;

    SpecificationType(String stored, String instanceType, String catalogApi, String inventoryApi, String inventoryPath) {
        this.stored = stored;
        this.instanceType = instanceType;
        this.catalogApi = catalogApi;
        this.inventoryApi = inventoryApi;
        this.inventoryPath = inventoryPath;
    }

    /** The string diffo stores in {@code Specification.type}. */
    public String stored() {
        return stored;
    }

    /** The {@code Instance.type} an instance of this kind of specification carries. */
    public String instanceType() {
        return instanceType;
    }

    public String catalogApi() {
        return catalogApi;
    }

    public String inventoryApi() {
        return inventoryApi;
    }

    public String inventoryPath() {
        return inventoryPath;
    }

    /** diffo's default when the property is absent is a service specification. */
    public static SpecificationType fromStored(String value) {
        if (value == null) {
            return SERVICE;
        }
        return parse(value).orElseThrow(() -> new IllegalArgumentException(
                "Unknown specification type '" + value + "': diffo knows serviceSpecification and resourceSpecification"));
    }

    public static Optional<SpecificationType> parse(String value) {
        return Arrays.stream(values())
                .filter(t -> t.stored.equals(value) || t.instanceType.equals(value))
                .findFirst();
    }
}
