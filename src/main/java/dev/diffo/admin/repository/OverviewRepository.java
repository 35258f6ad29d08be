package dev.diffo.admin.repository;

import dev.diffo.admin.domain.CatalogueOverview;

/** The catalogue's counts for the overview screen, in one aggregate read. */
public interface OverviewRepository {

    /** Every RSP's instances and unfinished runs. */
    default CatalogueOverview overview() {
        return overview(null);
    }

    /**
     * As RSP {@code rsp} sees it ({@code null}: every RSP): its share of the instances (-1 when a specification's share
     * would take too long to count) and its own unfinished runs.
     */
    CatalogueOverview overview(String rsp);
}
