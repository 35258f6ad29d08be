package dev.diffo.admin.migration;

import com.google.inject.AbstractModule;

/** The migration feature's service: plans, runs and their undo. */
public class MigrationModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MigrationService.class);
    }
}
