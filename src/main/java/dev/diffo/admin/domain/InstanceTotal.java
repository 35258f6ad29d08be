package dev.diffo.admin.domain;

import java.time.ZonedDateTime;

/**
 * How many instances a query selects, and where the number comes from: counted now in the graph ({@code countedAt}
 * null), or read from the counts diffo-admin keeps ({@code countedAt} = when they were last counted from the graph;
 * exact for every write the app made since, stale after writes made by diffo or anyone else; a recount refreshes
 * them). {@code note} says why an exact count was made where a kept one was hoped for (none kept yet, another RSP
 * role), or null.
 */
public record InstanceTotal(long count, ZonedDateTime countedAt, String note) {

    public static InstanceTotal exact(long count) {
        return new InstanceTotal(count, null, null);
    }

    public boolean kept() {
        return countedAt != null;
    }
}
