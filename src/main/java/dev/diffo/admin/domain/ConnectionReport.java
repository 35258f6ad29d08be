package dev.diffo.admin.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Test connection found, for a person deciding whether to trust a server: where it was reached, whether the
 * connection is encrypted and how the certificate was trusted, the server's version and edition, the database and
 * what it holds, and for a routing address ({@code neo4j://}) the routing table the server gave.
 */
public record ConnectionReport(String uri, String tls, String serverVersion, String edition, String database, GraphShape shape,
                               Optional<RoutingTable> routing, String rsp) {

    /** A report for any role but an RSP operator's: it tells how many instances the database holds. */
    public ConnectionReport(String uri, String tls, String serverVersion, String edition, String database, GraphShape shape,
                            Optional<RoutingTable> routing) {
        this(uri, tls, serverVersion, edition, database, shape, routing, null);
    }

    /** The report as the profile's RSP operator for {@code rspKey} may read it (null: any other role): no count of every RSP's instances. */
    public ConnectionReport forRsp(String rspKey) {
        return new ConnectionReport(uri, tls, serverVersion, edition, database, shape, routing, rspKey);
    }

    /** The servers a routing driver sends work to, by role, as the server told it ({@code dbms.routing.getRoutingTable}). */
    public record RoutingTable(long ttlSeconds, List<String> writers, List<String> readers, List<String> routers) {
        public RoutingTable {
            writers = List.copyOf(writers);
            readers = List.copyOf(readers);
            routers = List.copyOf(routers);
        }

        public String describe() {
            return "Routing table (for " + ttlSeconds + " s): writers " + names(writers) + "; readers " + names(readers) + "; routers " + names(routers);
        }

        private static String names(List<String> addresses) {
            return addresses.isEmpty() ? "none" : String.join(", ", addresses);
        }
    }

    /** One line per check, each a plain sentence. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Reached " + uri + ".");
        lines.add(tls);
        lines.add("Neo4j " + serverVersion + (edition == null || edition.isBlank() ? "" : " " + edition) + ".");
        lines.add("Database " + database + ": " + holds());
        routing.ifPresent(table -> lines.add(table.describe() + "."));
        shape.warnings().forEach(w -> lines.add("Note: " + w + "."));
        return List.copyOf(lines);
    }

    private String holds() {
        if (shape.isEmpty()) {
            return "empty (the demo catalogue can be loaded into it).";
        }
        if (shape.isDiffoShaped()) {
            return "a diffo catalogue, " + shape.specificationCount() + " specification node(s) and "
                    + (rsp == null ? shape.instanceCount() + " instance(s)." : "instances (" + rsp + "'s own are counted once connected).");
        }
        return "not a diffo catalogue; it holds " + shape.describeLabels(4) + " (nothing will be written to it).";
    }
}
