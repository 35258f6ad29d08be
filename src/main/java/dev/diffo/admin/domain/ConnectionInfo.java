package dev.diffo.admin.domain;

/**
 * Where the app is connected, for the status bar and the CLI. {@code heldBy}: for an embedded store that another
 * diffo-admin process holds open (the window, or {@code serve}), that process's id; 0 when this process holds it or
 * for a server.
 */
public record ConnectionInfo(boolean embedded, String uri, String user, String serverVersion, String edition, String database, long heldBy) {

    public ConnectionInfo(boolean embedded, String uri, String user, String serverVersion, String edition, String database) {
        this(embedded, uri, user, serverVersion, edition, database, 0);
    }

    /** The same connection, to a store process {@code pid} holds open. */
    public ConnectionInfo heldBy(long pid) {
        return new ConnectionInfo(embedded, uri, user, serverVersion, edition, database, pid);
    }

    public String summary() {
        String where = embedded ? "Embedded Neo4j (" + uri + (heldBy > 0 ? ", held open by diffo-admin process " + heldBy : "") + ")" : uri;
        return where + " · Neo4j " + serverVersion + (edition == null || edition.isBlank() ? "" : " " + edition)
                + " · database " + database + " · user " + user;
    }
}
