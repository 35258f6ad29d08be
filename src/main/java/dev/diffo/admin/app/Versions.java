package dev.diffo.admin.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import picocli.CommandLine.IVersionProvider;

/**
 * What this build is made of: the app's version (from the pom, filtered into {@code version.properties}), the
 * Neo4j driver's and the embedded store's (from their jars' manifests), and the Java runtime. The server's
 * version is known only once connected ({@code ConnectionInfo}), so the command line's {@code --version}, which
 * does not connect, says so.
 */
public final class Versions implements IVersionProvider {

    private static final String UNKNOWN = "unknown";

    /** The app's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String app() {
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", UNKNOWN);
            return version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Neo4j Java driver's version, e.g. {@code 6.2.1}. */
    public static String driver() {
        return implementationVersion(Driver.class);
    }

    /** The embedded Neo4j's version, e.g. {@code 2026.08.1}. */
    public static String embeddedNeo4j() {
        return implementationVersion(DatabaseManagementServiceBuilder.class);
    }

    /** The Java runtime running the app, e.g. {@code 25.0.1+8-LTS (Eclipse Adoptium)}. */
    public static String java() {
        return Runtime.version() + " (" + System.getProperty("java.vendor", UNKNOWN) + ")";
    }

    /** One line per component, for {@code --version} and Help → About. */
    public static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("diffo-admin " + app());
        lines.add("Neo4j Java driver " + driver());
        lines.add("embedded Neo4j " + embeddedNeo4j());
        lines.add("Java " + java());
        return lines;
    }

    @Override
    public String[] getVersion() {
        List<String> lines = lines();
        lines.add("server: not connected (--version does not connect; the other commands print the server they reach)");
        return lines.toArray(String[]::new);
    }

    private static String implementationVersion(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        if (version == null) {
            return UNKNOWN;
        }
        // the driver's manifest adds the commit: 6.2.1-f9c3511…
        int commit = version.indexOf('-');
        return commit > 0 && version.length() - commit > 20 ? version.substring(0, commit) : version;
    }
}
