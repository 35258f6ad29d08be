package dev.diffo.admin.catalogue;

import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationGroup;
import java.util.Map;

/**
 * The instance counts a catalogue screen shows: every RSP's (a specification's own count) for a catalogue manager or a
 * viewer, or, for an RSP operator, only its own share ({@code rsp}; {@code own}: specification uuid → its instances
 * there, null where its share was not counted), labelled so ("6 instances of yours"), never every RSP's total.
 */
public record InstanceCounts(String rsp, Map<String, Long> own) {

    /** Every RSP's instances. */
    public static final InstanceCounts EVERY_RSP = new InstanceCounts(null, Map.of());

    public InstanceCounts {
        own = own == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(own));
    }

    /** Whether the counts are one RSP's share. */
    public boolean scoped() {
        return rsp != null;
    }

    /** The count this screen shows for the specification: every RSP's, or the RSP's own (null: not counted). */
    public Long of(Specification s) {
        return rsp == null ? Long.valueOf(s.instanceCount()) : own.get(s.uuid());
    }

    /** The count for all majors of a name (null when any major's share was not counted). */
    public Long of(SpecificationGroup group) {
        long sum = 0;
        for (Specification s : group.majors()) {
            Long n = of(s);
            if (n == null) {
                return null;
            }
            sum += n;
        }
        return sum;
    }

    /** "2 instances", "6 instances of yours", "instances of yours not counted". */
    public String text(Long n) {
        if (n == null) {
            return "instances of yours not counted";
        }
        return CatalogueViewModel.instances(n) + (rsp == null ? "" : " of yours");
    }

    /** The details pane's number: "2", "6 (yours, ORG000000123456)", "not counted (…)". */
    public String number(Specification s) {
        Long n = of(s);
        if (rsp == null) {
            return String.format("%,d", n);
        }
        return n == null ? "not counted: too many instances to count here, and no counts kept (Recount keeps them)"
                : String.format("%,d of yours (%s)", n, rsp);
    }
}
