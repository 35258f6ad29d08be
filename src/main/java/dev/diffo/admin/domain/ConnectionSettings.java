package dev.diffo.admin.domain;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where to connect. {@code uri == null} means the embedded store under {@code dataDirectory}. The
 * password is never printed: {@link #toString()} masks it. {@code profile} names the stored profile these settings
 * come from (null for none), {@code trustedCa} a CA certificate file trusted for {@code +s} addresses (null: the
 * system's), {@code access} the role the app runs as once connected (null: a catalogue manager).
 */
public record ConnectionSettings(String uri, String user, char[] password, String database, Path dataDirectory, boolean noAuth,
                                 String profile, Path trustedCa, Access access) {

    public static final String DEFAULT_USER = "neo4j";

    /** With authentication (a user and a password). */
    public ConnectionSettings(String uri, String user, char[] password, String database, Path dataDirectory) {
        this(uri, user, password, database, dataDirectory, false);
    }

    public ConnectionSettings(String uri, String user, char[] password, String database, Path dataDirectory, boolean noAuth) {
        this(uri, user, password, database, dataDirectory, noAuth, null, null, null);
    }

    /** The same server without authentication: no user or password is sent. */
    public ConnectionSettings withoutAuth() {
        return new ConnectionSettings(uri, user, null, database, dataDirectory, true, profile, trustedCa, access);
    }

    /** The same, from the stored profile {@code name}, trusting {@code trustedCa}, running as {@code access}. */
    public ConnectionSettings withProfile(String name, Path ca, Access as) {
        return new ConnectionSettings(uri, user, password, database, dataDirectory, noAuth, name, ca, as);
    }

    /** The same with another password (e.g. the one kept in the keyring for its profile). */
    public ConnectionSettings withPassword(char[] newPassword) {
        return new ConnectionSettings(uri, user, newPassword, database, dataDirectory, noAuth, profile, trustedCa, access);
    }

    /** The same running as {@code as} (e.g. {@code --role}/{@code --rsp} over a profile's). */
    public ConnectionSettings withAccess(Access as) {
        return new ConnectionSettings(uri, user, password, database, dataDirectory, noAuth, profile, trustedCa, as);
    }

    /** The role the app runs as once connected: the one given, else a catalogue manager. */
    public Access accessOrDefault() {
        return access == null ? Access.CATALOGUE_MANAGER : access;
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
                && java.util.Objects.equals(dataDirectory, s.dataDirectory) && noAuth == s.noAuth && java.util.Objects.equals(profile, s.profile)
                && java.util.Objects.equals(trustedCa, s.trustedCa) && java.util.Objects.equals(access, s.access);
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
                        + (profile == null ? "" : " [profile " + profile + "]") + (trustedCa == null ? "" : " trusting " + trustedCa)
                        + (access == null ? "" : " as " + access.describe()) + (password == null ? "" : " [password given]");
    }
}
