package dev.diffo.admin.repository;

import dev.diffo.admin.domain.CatalogueOverview;

/** The catalogue's counts for the overview screen, in one aggregate read. */
public interface OverviewRepository {

    CatalogueOverview overview();
}
