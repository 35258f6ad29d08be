package dev.diffo.admin.repository;

import java.util.List;

/** Element ids put in the order of the store's records, for batches that touch neighbouring records. */
final class StoreOrder {

    private StoreOrder() {
    }

    /**
     * The ids in the order of the store's records, by the number an element id ends with (Neo4j's {@code 4:db:N}), so that
     * each batch of a run touches neighbouring records: the selection comes in lists by uuid, whose order scatters a batch
     * over the whole store (measured at 1 M: the run and the bare respecify a quarter slower). Only an order: ids that do
     * not end with a number are left as they came.
     */
    static List<String> of(List<String> ids) {
        int n = ids.size();
        if (n > 1 << 24) {
            return ids;
        }
        long[] keyed = new long[n];
        for (int k = 0; k < n; k++) {
            String id = ids.get(k);
            int from = id.lastIndexOf(':') + 1;
            long number = 0;
            if (from == 0 || from == id.length() || id.length() - from > 11) {
                return ids;
            }
            for (int c = from; c < id.length(); c++) {
                char digit = id.charAt(c);
                if (digit < '0' || digit > '9') {
                    return ids;
                }
                number = number * 10 + (digit - '0');
            }
            if (number >= 1L << 39) {
                return ids;
            }
            keyed[k] = number << 24 | k;
        }
        java.util.Arrays.sort(keyed);
        List<String> ordered = new java.util.ArrayList<>(n);
        for (long key : keyed) {
            ordered.add(ids.get((int) (key & ((1 << 24) - 1))));
        }
        return ordered;
    }
}
