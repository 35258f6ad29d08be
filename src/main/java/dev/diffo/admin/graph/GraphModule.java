package dev.diffo.admin.graph;

import com.google.inject.AbstractModule;

/** The graph feature's service: the neighbourhood of a specification or an instance. */
public class GraphModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(GraphService.class);
    }
}
