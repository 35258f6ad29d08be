package dev.diffo.admin.app;

import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    @Option(names = "--profile", paramLabel = "FILE", description = "A connection profile (uri, user, database), see resources/profiles.")
    Path profile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded store lives (default: the user's data directory). Env: DIFFO_ADMIN_DATA_DIR.")
    Path dataDir;

    @Option(names = "--no-auth", description = "The server has authentication disabled: no user or password is sent or asked for. Profile: auth=none.")
    boolean noAuth;

    @Option(names = "--rsp-role", paramLabel = "ROLE", description = "The party role that names an instance's RSP (default Reseller, as in diffo's livebook). Profile: rspRole. Env: DIFFO_ADMIN_RSP_ROLE.")
    String rspRole;

    @Option(names = "--password", arity = "0", interactive = true, description = "Prompt for the server password (else DIFFO_ADMIN_PASSWORD, else the connection dialog asks).")
    char[] password;

    public ConnectionSettings resolve(Map<String, String> env) {
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
        Properties fromProfile = new Properties();
        if (profile != null) {
            try (Reader reader = Files.newBufferedReader(profile)) {
                fromProfile.load(reader);
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read the profile " + profile + ": " + e.getMessage(), "Give the path of a .properties file with uri, user and database.");
            }
            if (fromProfile.containsKey("password")) {
                throw new InvalidInputException("The profile " + profile + " contains a password", "Remove it: passwords come from the prompt, the dialog or DIFFO_ADMIN_PASSWORD.");
            }
        }
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
        return resolvedNoAuth ? settings.withoutAuth() : settings;
    }

    /** The data directory: {@code --data-dir}, else {@code DIFFO_ADMIN_DATA_DIR}, else the user's data directory. */
    Path dataDirectory(Map<String, String> env) {
        return dataDir != null ? dataDir
                : env.get("DIFFO_ADMIN_DATA_DIR") != null ? Path.of(env.get("DIFFO_ADMIN_DATA_DIR")) : DataDirectories.defaultFor(env);
    }

    /** The RSP role given by option, profile or environment; null when none is (the app's preference or the default then). */
    public String rspRole(Map<String, String> env) {
        Properties fromProfile = new Properties();
        if (profile != null) {
            try (Reader reader = Files.newBufferedReader(profile)) {
                fromProfile.load(reader);
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read the profile " + profile + ": " + e.getMessage(), "Give the path of a .properties file.");
            }
        }
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
