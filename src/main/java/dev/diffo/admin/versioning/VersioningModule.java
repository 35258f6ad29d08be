package dev.diffo.admin.versioning;

import com.google.inject.AbstractModule;

/** The versioning feature's service: new versions, their rules and their history. */
public class VersioningModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(VersioningService.class);
    }
}
