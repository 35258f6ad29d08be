package dev.diffo.admin.domain;

/** Where the app is connected, for the status bar and the CLI. */
public record ConnectionInfo(boolean embedded, String uri, String user, String serverVersion, String edition, String database) {

    public String summary() {
        String where = embedded ? "Embedded Neo4j (" + uri + ")" : uri;
        return where + " · Neo4j " + serverVersion + (edition == null || edition.isBlank() ? "" : " " + edition)
                + " · database " + database + " · user " + user;
    }
}
