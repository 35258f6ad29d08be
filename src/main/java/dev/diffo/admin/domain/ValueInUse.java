package dev.diffo.admin.domain;

/** A value stored on a version's instances ({@code broadband.technology = fttb}) and how many instances carry it. */
public record ValueInUse(String key, String value, long instances) {

    /** The characteristic part of the key ({@code broadband}). */
    public String characteristic() {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** The field inside a dynamic value ({@code technology}), or null for a primitive characteristic. */
    public String field() {
        int dot = key.indexOf('.');
        return dot < 0 ? null : key.substring(dot + 1);
    }

    @Override
    public String toString() {
        return key + " = " + value + " (" + String.format("%,d", instances) + (instances == 1 ? " instance)" : " instances)");
    }
}
