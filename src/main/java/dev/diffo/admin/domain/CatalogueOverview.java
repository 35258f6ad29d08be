package dev.diffo.admin.domain;

/**
 * The catalogue at a glance, as the overview screen shows it on start: how many specification names and majors, how
 * many instances stand on them, how many majors are frozen or withdrawn, and how many migration runs are unfinished
 * (running, paused or interrupted).
 */
public record CatalogueOverview(long names, long majors, long instances, long frozen, long withdrawn, long runsInProgress, String instancesOf) {

    public static final CatalogueOverview EMPTY = new CatalogueOverview(0, 0, 0, 0, 0, 0);

    /** Every RSP's instances and runs. */
    public CatalogueOverview(long names, long majors, long instances, long frozen, long withdrawn, long runsInProgress) {
        this(names, majors, instances, frozen, withdrawn, runsInProgress, null);
    }

    /**
     * As RSP {@code rsp} sees the catalogue: {@code instances} its own ({@code -1}: not counted, too many to count on a
     * screen without kept counts), {@code runsInProgress} its own runs.
     */
    public static CatalogueOverview ofRsp(String rsp, long names, long majors, long instances, long frozen, long withdrawn, long runsInProgress) {
        return new CatalogueOverview(names, majors, instances, frozen, withdrawn, runsInProgress, rsp);
    }

    /** Whether the instance count is known (an RSP's share may not be counted). */
    public boolean instancesCounted() {
        return instances >= 0;
    }
}
