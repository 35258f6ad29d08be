package dev.diffo.admin.app;

import dev.diffo.admin.common.Profiles;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.Role;
import dev.diffo.admin.domain.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where to connect, from (highest first) command-line options, a profile file, {@code DIFFO_ADMIN_*}
 * environment variables, and the embedded store by default. The password never comes from the command
 * line: {@code --password} prompts for it, else {@code DIFFO_ADMIN_PASSWORD}, else the connection dialog.
 */
public class StartupOptions {

    @Option(names = "--uri", paramLabel = "URI", description = "A Neo4j server, e.g. bolt://127.0.0.1:7687 (default: the embedded store). Env: DIFFO_ADMIN_URI.")
    String uri;

    @Option(names = "--user", paramLabel = "USER", description = "Server user (default neo4j). Env: DIFFO_ADMIN_USER.")
    String user;

    @Option(names = "--database", paramLabel = "NAME", description = "Database on the server (default: the server's default). Env: DIFFO_ADMIN_DATABASE.")
    String database;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "A stored connection profile by name (File → Connect…; kept in the user's config directory), or a profile file (uri, user, database, …; see resources/profiles).")
    String profile;

    @Option(names = "--role", paramLabel = "ROLE", description = "The role the app runs as: catalogue-manager (default), rsp-operator (with --rsp) or viewer; overrides the profile's. Env: DIFFO_ADMIN_ROLE (below the profile's, as every DIFFO_ADMIN_*).")
    String role;

    @Option(names = "--rsp", paramLabel = "KEY", description = "The RSP an rsp-operator is bound to, by its key (e.g. ORG000000123456, or acme); overrides the profile's. Give it before the command. Env: DIFFO_ADMIN_RSP.")
    String rsp;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded store lives (default: the user's data directory). Env: DIFFO_ADMIN_DATA_DIR.")
    Path dataDir;

    @Option(names = "--no-auth", description = "The server has authentication disabled: no user or password is sent or asked for. Profile: auth=none.")
    boolean noAuth;

    @Option(names = "--rsp-role", paramLabel = "ROLE", description = "The party role that names an instance's RSP (default Reseller, as in diffo's livebook). Profile: rspRole. Env: DIFFO_ADMIN_RSP_ROLE.")
    String rspRole;

    @Option(names = "--keep-open", paramLabel = "TIME", description = "After a command on the embedded store, keep the store open in the background for TIME after the last command (default 10m), so that the next command on it takes seconds; 0 never does. 'serve --stop' stops it at once. Env: DIFFO_ADMIN_KEEP_OPEN.")
    String keepOpen;

    @Option(names = "--password", arity = "0", interactive = true, description = "Prompt for the server password (else DIFFO_ADMIN_PASSWORD, else the connection dialog asks).")
    char[] password;

    public ConnectionSettings resolve(Map<String, String> env) {
        return resolve(env, new ProfileFile(DataDirectories.configFor(env)), false);
    }

    /**
     * As {@link #resolve(Map)}, with {@code --profile NAME} looked up in {@code profiles}; for the desktop
     * ({@code desktop}), when nothing names a server, the profile used last.
     */
    public ConnectionSettings resolve(Map<String, String> env, Profiles profiles, boolean desktop) {
        // an empty value given on purpose is a mistake, never "use the default" (an empty --uri used to open the
        // embedded store, an empty --data-dir to make a store in the current directory)
        if (uri != null && uri.isBlank()) {
            throw new InvalidInputException("--uri is empty", "Give a Neo4j address such as bolt://127.0.0.1:7687, or leave --uri out to use the embedded store.");
        }
        if (dataDir != null && dataDir.toString().isBlank()) {
            throw new InvalidInputException("--data-dir is empty", "Give a directory (e.g. ~/diffo-bench), or leave --data-dir out for the user's data directory.");
        }
        if (env.get("DIFFO_ADMIN_DATA_DIR") != null && env.get("DIFFO_ADMIN_DATA_DIR").isBlank() && dataDir == null) {
            throw new InvalidInputException("DIFFO_ADMIN_DATA_DIR is set but empty", "Unset it, or give a directory.");
        }
        if (profile != null && profile.isBlank()) {
            throw new InvalidInputException("--profile is empty", "Give a stored profile's name (File → Connect… lists them) or a profile file.");
        }
        Optional<ConnectionProfile> stored = Optional.empty();
        if (profile != null && !isFile(profile)) {
            stored = Optional.of(profiles.find(profile).orElseThrow(() -> new InvalidInputException("There is no profile named " + profile.strip()
                    + " (in " + profiles.location() + ")", profiles.list().isEmpty() ? "Add one in File → Connect…, or give a profile file's path."
                            : "Profiles there: " + String.join(", ", profiles.list().stream().map(ConnectionProfile::name).toList()) + ".")));
        } else if (desktop && profile == null && uri == null && first(env.get("DIFFO_ADMIN_URI")) == null) {
            stored = profiles.lastUsed().flatMap(profiles::find);
        }
        Properties fromProfile = stored.isPresent() ? asProperties(stored.get()) : readProfileFile();
        String resolvedUri = first(uri, fromProfile.getProperty("uri"), env.get("DIFFO_ADMIN_URI"));
        String resolvedUser = first(user, fromProfile.getProperty("user"), env.get("DIFFO_ADMIN_USER"), ConnectionSettings.DEFAULT_USER);
        String resolvedDatabase = first(database, fromProfile.getProperty("database"), env.get("DIFFO_ADMIN_DATABASE"));
        Path resolvedDataDir = dataDirectory(env);
        char[] resolvedPassword = password != null && password.length > 0 ? password
                : env.get("DIFFO_ADMIN_PASSWORD") != null ? env.get("DIFFO_ADMIN_PASSWORD").toCharArray() : null;
        boolean resolvedNoAuth = noAuth || "none".equalsIgnoreCase(fromProfile.getProperty("auth", "").strip());
        if (resolvedNoAuth && password != null && password.length > 0) {
            throw new InvalidInputException("--no-auth and --password together", "Give one: a server without authentication takes no password.");
        }
        ConnectionSettings settings = new ConnectionSettings(resolvedUri, resolvedUser, resolvedPassword, resolvedDatabase, resolvedDataDir.toAbsolutePath());
        settings = resolvedNoAuth ? settings.withoutAuth() : settings;
        String ca = fromProfile.getProperty("trustedCa");
        return settings.withProfile(stored.map(ConnectionProfile::name).orElse(null), ca == null || ca.isBlank() ? null : Path.of(ca.strip()),
                access(fromProfile, env));
    }

    /**
     * The role: {@code --role}/{@code --rsp} over the profile's, the profile's over {@code DIFFO_ADMIN_ROLE}/{@code
     * DIFFO_ADMIN_RSP} (the order of every {@code DIFFO_ADMIN_*}: option, profile, environment); the environment's
     * pair counts only when the profile says nothing of a role. {@code --rsp} alone makes an RSP operator; a role
     * changed on the command line drops the RSP below it unless it stays an RSP operator. Null when nothing says.
     */
    private Access access(Properties fromProfile, Map<String, String> env) {
        String baseRole = first(fromProfile.getProperty("role"));
        String baseRsp = first(fromProfile.getProperty("rsp"));
        if (baseRole == null && baseRsp == null) {
            baseRole = first(env.get("DIFFO_ADMIN_ROLE"));
            baseRsp = first(env.get("DIFFO_ADMIN_RSP"));
        }
        if (first(role) == null && first(rsp) == null) {
            return baseRole == null && baseRsp == null ? null : over(null, null, baseRole, baseRsp);
        }
        return over(first(role), first(rsp), baseRole, baseRsp);
    }

    /** A role and RSP given ({@code givenRole}, {@code givenRsp}, either may be null) over the ones below them. */
    private static Access over(String givenRole, String givenRsp, String baseRole, String baseRsp) {
        Role chosen = givenRole != null ? Role.parse(givenRole) : givenRsp != null ? Role.RSP_OPERATOR
                : baseRole != null ? Role.parse(baseRole) : baseRsp != null ? Role.RSP_OPERATOR : Role.CATALOGUE_MANAGER;
        String key = givenRsp != null ? givenRsp.strip() : chosen == Role.RSP_OPERATOR ? baseRsp : null;
        return new Access(chosen, key);
    }

    /** {@code --profile} names a file (a path, or a .properties name) rather than a stored profile. */
    private static boolean isFile(String value) {
        return value.endsWith(".properties") || value.contains("/") || value.contains(java.io.File.separator) || Files.isRegularFile(Path.of(value));
    }

    private Properties readProfileFile() {
        Properties fromProfile = new Properties();
        if (profile != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(profile))) {
                fromProfile.load(reader);
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read the profile " + profile + ": " + e.getMessage(), "Give the path of a .properties file with uri, user and database, or a stored profile's name.");
            }
            if (fromProfile.containsKey("password")) {
                throw new InvalidInputException("The profile " + profile + " contains a password", "Remove it: passwords come from the prompt, the dialog, the OS keyring or DIFFO_ADMIN_PASSWORD.");
            }
        }
        return fromProfile;
    }

    private static Properties asProperties(ConnectionProfile p) {
        Properties props = new Properties();
        props.setProperty("uri", p.uri());
        if (p.user() != null) {
            props.setProperty("user", p.user());
        }
        if (p.noAuth()) {
            props.setProperty("auth", "none");
        }
        if (p.database() != null) {
            props.setProperty("database", p.database());
        }
        if (p.trustedCa() != null) {
            props.setProperty("trustedCa", p.trustedCa().toString());
        }
        props.setProperty("role", p.access().role().key());
        p.access().rsp().ifPresent(k -> props.setProperty("rsp", k));
        return props;
    }

    /** The data directory: {@code --data-dir}, else {@code DIFFO_ADMIN_DATA_DIR}, else the user's data directory. */
    Path dataDirectory(Map<String, String> env) {
        return dataDir != null ? dataDir
                : env.get("DIFFO_ADMIN_DATA_DIR") != null ? Path.of(env.get("DIFFO_ADMIN_DATA_DIR")) : DataDirectories.defaultFor(env);
    }

    /**
     * How long a store started for a command is kept open after the last command: {@code --keep-open}, else
     * {@code DIFFO_ADMIN_KEEP_OPEN}, else {@code byDefault}.
     */
    public java.time.Duration keepOpen(Map<String, String> env, java.time.Duration byDefault) {
        if (keepOpen != null) {
            return dev.diffo.admin.common.Durations.parse(keepOpen, "--keep-open");
        }
        String fromEnv = first(env.get("DIFFO_ADMIN_KEEP_OPEN"));
        return fromEnv != null ? dev.diffo.admin.common.Durations.parse(fromEnv, "DIFFO_ADMIN_KEEP_OPEN") : byDefault;
    }

    /** The RSP role given by option, profile or environment; null when none is (the app's preference or the default then). */
    public String rspRole(Map<String, String> env) {
        Properties fromProfile = profile != null && isFile(profile) ? readProfileFile() : new Properties();
        String role = first(rspRole, fromProfile.getProperty("rspRole"), env.get("DIFFO_ADMIN_RSP_ROLE"));
        return role == null ? null : dev.diffo.admin.common.CatalogueSettings.checkedRole(role);
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.strip();
            }
        }
        return null;
    }
}
