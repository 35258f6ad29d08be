package dev.diffo.admin.exchange;

import com.google.inject.AbstractModule;

/**
 * The exchange feature's service: the catalogue as TMF633/TMF634 JSON. Its writes ({@link SpecificationWrites}) are
 * bound in {@code app}, over the versioning feature.
 */
public class ExchangeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ExchangeService.class);
    }
}
