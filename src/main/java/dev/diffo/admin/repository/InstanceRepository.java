package dev.diffo.admin.repository;

import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceTotal;
import dev.diffo.admin.domain.Scenario.InstanceDraft;
import java.util.List;
import java.util.Optional;

/** The instances of a specification version: keyset pages, counts, and creating one in diffo's shape. */
public interface InstanceRepository {

    /** The page after {@code after} (null: the first page), in the query's order; never reads past the page but to know if more follow. */
    InstanceQuery.Page page(InstanceQuery query, InstanceQuery.Cursor after);

    /** How many instances the query's filters select (without filters: the specification's degree, at once). */
    long count(InstanceQuery query);

    /**
     * How many instances the query selects, from the counts the app keeps where it keeps them (with when they were
     * counted), else counted now; repositories without kept counts count.
     */
    default InstanceTotal total(InstanceQuery query) {
        return InstanceTotal.exact(count(query));
    }

    /** A name filter finding up to this many instances in the name's TEXT index reads and sorts those (more: the order's index). */
    long NAME_CANDIDATES_SORTED = 20_000;

    /**
     * How many instances the name's TEXT index finds for {@code text} (any case), counted up to one past
     * {@link #NAME_CANDIDATES_SORTED}; -1 when a name filter on this version does not read from that index (a version of
     * few instances, the index not online, a text too short or not plain ASCII), as for repositories without one.
     */
    default long nameCandidates(String specificationUuid, String text) {
        return -1;
    }

    /** Labels most instances on the specification carry (empty when it has none). */
    List<String> commonLabels(String specificationUuid);

    /**
     * The diffo value type (e.g. {@code Elixir.Diffo.Nbn.BroadbandValue}) a dynamic characteristic of this name carries on
     * the version's own instances, else on those of the newest other major of the name; empty if no instance has one.
     */
    Optional<String> dynamicValueType(String specificationUuid, String specificationName, String characteristic);

    /** Creates the instance in diffo's shape in one transaction; refuses (writing nothing) a taken name or id, a frozen or withdrawn spec. */
    void create(InstanceDraft instance);

    /** Whether a party has exactly this key (an RSP keyed by a party, whose new instances are related to it). */
    boolean hasParty(String key);
}
