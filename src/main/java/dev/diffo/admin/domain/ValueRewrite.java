package dev.diffo.admin.domain;

import java.util.List;

/**
 * One characteristic value a migration rewrites (or, in a dry run, would rewrite): the instance, the characteristic's
 * name and its stored JSON before and after. {@link #changes()} says it as fields ({@code technology: fttb → fttn}).
 * {@code after} is null where the ledger did not record it (runs recorded before it did).
 */
public record ValueRewrite(String instanceUuid, String instanceName, String characteristic, String before, String after) {

    /** The fields that change, e.g. {@code technology: fttb → fttn}. */
    public List<CharacteristicFields.Change> changes() {
        return after == null ? List.of() : CharacteristicFields.diff(characteristic, before, after);
    }

    /** A field's name with its characteristic ({@code broadband.technology}), as rules and the CSV say it. */
    public String qualified(String field) {
        return characteristic == null || field.equals(characteristic) ? field : characteristic + "." + field;
    }
}
