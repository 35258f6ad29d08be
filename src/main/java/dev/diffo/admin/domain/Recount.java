package dev.diffo.admin.domain;

/** A specification's kept counts rebuilt from the graph: how many instances were counted, into how many counts, in how long. */
public record Recount(String specificationUuid, long instances, int counts, long millis) {
}
