package dev.diffo.admin.domain;

/**
 * Which instances of one specification version the table pages through, and in which order. Filters are
 * optional (null): the name contains a text (any case), the RSP, a characteristic value
 * ({@code broadband.technology} = {@code fttb}).
 */
public record InstanceQuery(String specificationUuid, String nameContains, String rsp, String valueKey, String value, Sort sort,
                            boolean descending, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 100;

    /** How a characteristic filter's key is written: {@code broadband.technology}, or {@code speed} for a plain value. */
    public static final String VALUE_KEY = "^[a-z][a-zA-Z0-9_]*(\\.[a-z][a-zA-Z0-9_]*)?$";
    public static final int MAX_PAGE_SIZE = 1_000;

    /** The orders a page can be read in straight from the graph (stored properties; ties broken by id). */
    public enum Sort {
        NAME("name"), ID("uuid"), STATE("state"), CREATED("createdAt");

        private final String property;

        Sort(String property) {
            this.property = property;
        }

        /** The instance property this order reads (never user text: a fixed name per order). */
        public String property() {
            return property;
        }
    }

    public InstanceQuery {
        Identifiers.requireUuid4("Specification id", specificationUuid);
        nameContains = blankToNull(nameContains);
        rsp = blankToNull(rsp);
        valueKey = blankToNull(valueKey);
        value = blankToNull(value);
        if ((valueKey == null) != (value == null)) {
            throw new InvalidInputException("A characteristic filter needs both a characteristic and a value",
                    "Give both (broadband.technology and fttb), or neither.");
        }
        if (valueKey != null && !valueKey.matches(VALUE_KEY)) {
            throw new InvalidInputException("'" + valueKey + "' is not a characteristic", "Write it as broadband.technology, or speed for a plain value.");
        }
        sort = sort == null ? Sort.NAME : sort;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("A page of " + pageSize + " instances is out of range", "Choose 1 to " + MAX_PAGE_SIZE + " per page.");
        }
    }

    public static InstanceQuery of(String specificationUuid) {
        return new InstanceQuery(specificationUuid, null, null, null, null, Sort.NAME, false, DEFAULT_PAGE_SIZE);
    }

    public boolean filtered() {
        return nameContains != null || rsp != null || valueKey != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Where a page starts: after this sort key and id (keyset paging: no page ever skips over rows); a null key is a
     * place among the instances without a value of the order, which come last, by id.
     */
    public record Cursor(String key, String uuid) {
    }

    /**
     * A page of rows and whether more follow; {@code note} says when the page was read the slower way meanwhile (the
     * order's index still populating), or null.
     */
    public record Page(java.util.List<InstanceRow> rows, boolean hasMore, String note, Cursor nextCursor) {
        public Page {
            rows = java.util.List.copyOf(rows);
        }

        public Page(java.util.List<InstanceRow> rows, boolean hasMore) {
            this(rows, hasMore, null, null);
        }

        public Page withNote(String newNote) {
            return new Page(rows, hasMore, newNote, nextCursor);
        }

        /** The same page with the cursor of the page after it, as the repository read it (the order's typed key of the last row). */
        public Page withNextCursor(Cursor cursor) {
            return new Page(rows, hasMore, note, cursor);
        }

        /** The cursor of the page after this one. */
        public Cursor next(Sort sort) {
            if (nextCursor != null) {
                return nextCursor;
            }
            InstanceRow last = rows.getLast();
            String key = switch (sort) {
                case NAME -> last.name();
                case ID -> last.uuid();
                case STATE -> last.state();
                case CREATED -> last.createdAt();
            };
            // a row without a value of the order (no state, say) comes after all that have one: its cursor has no key
            return new Cursor(key, last.uuid());
        }
    }
}
