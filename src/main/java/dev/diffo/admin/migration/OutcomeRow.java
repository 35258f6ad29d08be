package dev.diffo.admin.migration;

import dev.diffo.admin.domain.CharacteristicFields;
import dev.diffo.admin.domain.ValueRewrite;
import dev.diffo.admin.repository.MigrationRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the dry run's and the verify step's table: an instance, the field of a characteristic a remedy rewrites
 * with its value before and after ({@code technology: fttb → fttn}), and the outcome — {@code remedied} (moves with
 * the value rewritten), {@code excluded} or {@code skipped} (stays on the source, with the reason). The stored JSON
 * of both sides is kept for the "Raw JSON" columns.
 */
public record OutcomeRow(String instance, String instanceUuid, String characteristic, String field, String before, String after, String outcome,
                         String reason, String rawBefore, String rawAfter) {

    public static final String REMEDIED = "remedied";

    /** {@code technology: fttb → fttn}, or empty for an instance left as it was. */
    public String change() {
        return field.isEmpty() ? "" : new CharacteristicFields.Change(field, before, after).text();
    }

    /** The dry run's rows: every value it would rewrite, field by field, then every instance it would leave, with the reason. */
    static List<OutcomeRow> of(DryRun dryRun) {
        return rows(dryRun.rewrites(), dryRun.left());
    }

    /** The verify step's rows: the values the run rewrote, field by field, then the instances it left on the source. */
    static List<OutcomeRow> of(Verification verified) {
        return rows(verified.rewrites(), verified.sample());
    }

    private static List<OutcomeRow> rows(List<ValueRewrite> rewrites, List<MigrationRepository.Left> left) {
        List<OutcomeRow> rows = new ArrayList<>();
        for (ValueRewrite r : rewrites) {
            List<CharacteristicFields.Change> changes = r.changes();
            if (changes.isEmpty()) {
                // a run recorded before the new values were kept: the value before is all there is
                rows.add(new OutcomeRow(text(r.instanceName()), text(r.instanceUuid()), text(r.characteristic()), "", "", "", REMEDIED,
                        r.after() == null ? "new value not recorded" : "", text(r.before()), text(r.after())));
            }
            for (CharacteristicFields.Change c : changes) {
                rows.add(new OutcomeRow(text(r.instanceName()), text(r.instanceUuid()), text(r.characteristic()), c.field(), none(c.before()),
                        none(c.after()), REMEDIED, "", text(r.before()), text(r.after())));
            }
        }
        for (MigrationRepository.Left l : left) {
            rows.add(new OutcomeRow(text(l.name()), text(l.uuid()), "", "", "", "", text(l.outcome()), text(l.reason()), "", ""));
        }
        return List.copyOf(rows);
    }

    /** The rows as tab-separated text with a header line (what Ctrl+C and "Copy all" put on the clipboard). */
    public static String tsv(List<OutcomeRow> rows) {
        StringBuilder text = new StringBuilder("instance\tinstance_uuid\tcharacteristic\tfield\tbefore\tafter\toutcome\treason\n");
        for (OutcomeRow r : rows) {
            text.append(String.join("\t", cell(r.instance), cell(r.instanceUuid), cell(r.characteristic), cell(r.field), cell(r.before), cell(r.after),
                    cell(r.outcome), cell(r.reason))).append('\n');
        }
        return text.toString();
    }

    private static String cell(String value) {
        return value.replace('\t', ' ').replace('\n', ' ');
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String none(String value) {
        return value == null ? "(none)" : value;
    }
}
