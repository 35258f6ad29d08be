package dev.diffo.admin.domain;

/**
 * The catalogue at a glance, as the overview screen shows it on start: how many specification names and majors, how
 * many instances stand on them, how many majors are frozen or withdrawn, and how many migration runs are unfinished
 * (running, paused or interrupted).
 */
public record CatalogueOverview(long names, long majors, long instances, long frozen, long withdrawn, long runsInProgress) {

    public static final CatalogueOverview EMPTY = new CatalogueOverview(0, 0, 0, 0, 0, 0);
}
