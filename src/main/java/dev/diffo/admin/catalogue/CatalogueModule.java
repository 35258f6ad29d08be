package dev.diffo.admin.catalogue;

import com.google.inject.AbstractModule;

/** The catalogue feature's services (its ViewModels and Views are made on demand by the injector; they need the desktop's task runner and dialogs). */
public class CatalogueModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CatalogueService.class);
        bind(InstanceService.class);
        bind(DemoService.class);
    }
}
