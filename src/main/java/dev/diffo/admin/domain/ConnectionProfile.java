package dev.diffo.admin.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named Neo4j server the app connects to: where ({@code uri}), as whom ({@code user}, or no authentication), which
 * database, the CA certificate it trusts beyond the system's, and the role the app runs as there. Never a password:
 * that is asked at connect or kept in the operating system's keyring.
 */
public record ConnectionProfile(String name, String uri, String user, boolean noAuth, String database, Path trustedCa, Access access) {

    /** The schemes the driver speaks: plain, TLS with the system's (or the profile's) CAs, TLS trusting any certificate. */
    public static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public ConnectionProfile {
        name = checkedName(name);
        uri = checkedUri(uri);
        user = user == null || user.isBlank() ? null : user.strip();
        database = database == null || database.isBlank() ? null : database.strip();
        access = access == null ? Access.CATALOGUE_MANAGER : access;
        if (trustedCa != null && !scheme(uri).endsWith("+s")) {
            throw new InvalidInputException("A trusted CA certificate is only used with bolt+s:// or neo4j+s://, not " + scheme(uri) + "://",
                    scheme(uri).endsWith("+ssc") ? "bolt+ssc trusts any certificate: use bolt+s:// to trust only the CA's, or remove the CA file."
                            : "Use " + scheme(uri) + "+s:// for an encrypted connection, or remove the CA file.");
        }
        if (!noAuth && user == null) {
            user = ConnectionSettings.DEFAULT_USER;
        }
    }

    /** A profile name: letters, digits, {@code - _ .}, at most 64, starting with a letter or digit (it is a key in the profile file). */
    public static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            throw new InvalidInputException(n.isEmpty() ? "The profile has no name" : "'" + n + "' is not a profile name",
                    "Use letters, digits, '-', '_' or '.', at most 64, starting with a letter or digit (e.g. prod-cluster).");
        }
        return n;
    }

    /** A Neo4j address with one of {@link #SCHEMES} and a host; the error says which schemes there are. */
    public static String checkedUri(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("The Neo4j address is empty", "Give one such as bolt://127.0.0.1:7687 or neo4j+s://db.example:7687.");
        }
        String uri = raw.strip();
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() == null || !SCHEMES.contains(parsed.getScheme().toLowerCase(Locale.ROOT)) || parsed.getHost() == null) {
                throw new InvalidInputException("'" + uri + "' is not a Neo4j address",
                        "Use bolt://host:7687 or neo4j://host:7687 (+s for TLS with a trusted certificate, +ssc to accept any certificate).");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("'" + uri + "' is not a Neo4j address: " + e.getReason(),
                    "Use bolt://host:7687 or neo4j://host:7687 (+s for TLS with a trusted certificate, +ssc to accept any certificate).");
        }
    }

    /** {@code bolt}, {@code neo4j+s}, … of a checked address. */
    public static String scheme(String uri) {
        return uri.substring(0, uri.indexOf("://")).toLowerCase(Locale.ROOT);
    }

    /** The settings to connect with; {@code password} may be null (asked for, or taken from the keyring). */
    public ConnectionSettings settings(char[] password, Path dataDirectory) {
        ConnectionSettings base = new ConnectionSettings(uri, user, noAuth ? null : password, database, dataDirectory);
        return (noAuth ? base.withoutAuth() : base).withProfile(name, trustedCa, access);
    }
}
