package dev.diffo.admin.domain;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where to connect. {@code uri == null} means the embedded store under {@code dataDirectory}. The
 * password is never printed: {@link #toString()} masks it.
 */
public record ConnectionSettings(String uri, String user, char[] password, String database, Path dataDirectory, boolean noAuth) {

    public static final String DEFAULT_USER = "neo4j";

    /** With authentication (a user and a password). */
    public ConnectionSettings(String uri, String user, char[] password, String database, Path dataDirectory) {
        this(uri, user, password, database, dataDirectory, false);
    }

    /** The same server without authentication: no user or password is sent. */
    public ConnectionSettings withoutAuth() {
        return new ConnectionSettings(uri, user, null, database, dataDirectory, true);
    }

    public static ConnectionSettings embedded(Path dataDirectory) {
        return new ConnectionSettings(null, DEFAULT_USER, null, null, dataDirectory);
    }

    public boolean isEmbedded() {
        return uri == null || uri.isBlank();
    }

    public String userOrDefault() {
        return user == null || user.isBlank() ? DEFAULT_USER : user;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSettings s && java.util.Objects.equals(uri, s.uri) && java.util.Objects.equals(user, s.user)
                && Arrays.equals(password, s.password) && java.util.Objects.equals(database, s.database)
                && java.util.Objects.equals(dataDirectory, s.dataDirectory) && noAuth == s.noAuth;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(uri, user, database, dataDirectory);
    }

    @Override
    public String toString() {
        return isEmbedded()
                ? "embedded store at " + dataDirectory
                : uri + (noAuth ? " without authentication" : " as " + userOrDefault()) + (database == null ? "" : " (database " + database + ")")
                        + (password == null ? "" : " [password given]");
    }
}
