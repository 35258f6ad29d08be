package dev.diffo.admin.exchange;

import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.SpecificationType;

/**
 * Which release of TMF633 (Service Catalog Management) / TMF634 (Resource Catalog Management) an exported document
 * speaks. v4 (the default): {@code specCharacteristic[]} with {@code characteristicValueSpecification[]} for a service
 * specification, {@code resourceSpecCharacteristic[]} with {@code resourceSpecCharacteristicValue[]} for a resource
 * specification; {@code @type} on the specification only. v5: every object carries its {@code @type}
 * ({@code CharacteristicSpecification}, {@code CharacteristicValueSpecification}) and a resource specification's
 * values are {@code characteristicValueSpecification[]} too.
 */
public enum TmfVersion {
    V4, V5;

    public static TmfVersion of(int release) {
        return switch (release) {
            case 4 -> V4;
            case 5 -> V5;
            default -> throw new InvalidInputException("TMF release " + release + " is not one diffo-admin writes", "Use 4 (the default) or 5.");
        };
    }

    /** The characteristics array of a specification of this type. */
    public String characteristics(SpecificationType type) {
        return type == SpecificationType.RESOURCE ? "resourceSpecCharacteristic" : "specCharacteristic";
    }

    /** The allowed values array of a characteristic of a specification of this type. */
    public String values(SpecificationType type) {
        return type == SpecificationType.RESOURCE && this == V4 ? "resourceSpecCharacteristicValue" : "characteristicValueSpecification";
    }

    /** v5 types every object; v4 only the specification. */
    public boolean typesEveryObject() {
        return this == V5;
    }
}
