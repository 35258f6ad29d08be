package dev.diffo.admin.readiness;

import com.google.inject.AbstractModule;

/** The withdrawal-readiness feature's service: counts per major and RSP, and the ledger's line over time. */
public class ReadinessModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ReadinessService.class);
    }
}
