package dev.diffo.admin.repository;

import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.DiffoAdminException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.exceptions.ClientException;

/**
 * diffo-admin's own schema: the versioned steps {@code neo4j/schema/V000n__*.cypher} (constraints on our own labels
 * only), applied once per database and recorded in a {@code :DiffoAdmin:SchemaVersion} node (no {@code :Provider}
 * label: diffo never sees it). They are applied right before the first write that relies on them (a migration's
 * overlap guard), and, since step 2 (the read indexes and kept counts), when a user who may write opens a diffo
 * catalogue with the window or an instances command ({@code ReadSchemaService}, in the background): a database
 * that is not a diffo catalogue, or a user who may not write, is never written to. A user or database that may not
 * write gets a plain refusal of those writes, not a driver error.
 */
@Singleton
public class Neo4jSchema {

    /** The steps in order; add {@code V000n__…} here and under resources when the schema grows. */
    static final List<String> STEPS = List.of("V0001__Create_constraints.cypher", "V0002__Read_indexes_and_kept_counts.cypher",
            "V0003__Instance_name_text_index.cypher");
    public static final int LATEST = STEPS.size();
    /**
     * The steps a migration run needs: the constraints (one run per lock key, unique ids). The read indexes of the
     * later steps serve the screens; a run does not need them, and creating them at its start would have their
     * population (about 35 s of one core per million instances) share the run's first batches.
     */
    public static final int CONSTRAINTS = 1;

    static final String KEY = "diffo-admin";

    static final String CURRENT_VERSION = """
            OPTIONAL MATCH (v:DiffoAdmin:SchemaVersion {key: $key})
            RETURN coalesce(v.version, 0) AS version
            """;

    static final String RECORD_VERSION = """
            MERGE (v:DiffoAdmin:SchemaVersion {key: $key})
            ON CREATE SET v.appliedAt = datetime({timezone: 'Etc/UTC'})
            SET v.version = $version, v.step = $step, v.updatedAt = datetime({timezone: 'Etc/UTC'})
            """;

    private final Database database;
    /** The connection the schema was last checked on (a new connection checks again), and the step found applied there. */
    private record Checked(ConnectionInfo on, int version) {
    }

    private volatile Checked checked;

    @Inject
    public Neo4jSchema(Database database) {
        this.database = database;
    }

    /**
     * Makes sure every step is applied on the current database, applying the missing ones. Refuses, with what to do,
     * when the user or the database may not write: the caller's write relies on these constraints.
     */
    public void require(String forWhat) {
        require(forWhat, LATEST);
    }

    /** As {@link #require(String)}, applying the steps up to {@code upTo} only (e.g. {@link #CONSTRAINTS}). */
    public void require(String forWhat, int upTo) {
        ConnectionInfo on = database.info().orElse(null);
        Checked was = checked;
        if (on != null && was != null && was.on() == on && was.version() >= upTo) {
            return;
        }
        try {
            long version = database.read(tx -> tx.run(CURRENT_VERSION, Map.of("key", KEY)).single().get("version").asLong());
            for (int step = (int) version; step < Math.min(upTo, LATEST); step++) {
                for (String statement : statements(STEPS.get(step))) {
                    try {
                        database.write(tx -> tx.run(statement).consume());
                    } catch (DiffoAdminException e) {
                        // another process applied the same step at the same moment: its constraint is ours too
                        String code = e.getCause() instanceof ClientException client && client.code() != null ? client.code() : "";
                        if (!(code.contains("AlreadyExists") || code.contains("Equivalent"))) {
                            throw e;
                        }
                    }
                }
                int applied = step + 1;
                database.write(tx -> tx.run(RECORD_VERSION, Map.of("key", KEY, "version", applied, "step", STEPS.get(applied - 1))).consume());
            }
            checked = new Checked(on, (int) Math.max(version, Math.min(upTo, LATEST)));
        } catch (DiffoAdminException translated) {
            if (translated.getCause() instanceof ClientException e && isForbidden(e)) {
                String who = on == null ? "this user" : "user '" + on.user() + "'";
                throw new DiffoAdminException("Cannot " + forWhat + ": " + who + " may not write to this database"
                        + (on == null || on.database() == null ? "" : " (" + on.database() + ")")
                        + ", so diffo-admin's constraints (one migration at a time, unique run ids) cannot be created",
                        "Connect as a user who may create constraints (e.g. an admin), or to a writable database. Nothing was written.", e);
            }
            throw translated;
        }
    }

    static boolean isForbidden(ClientException e) {
        String code = e.code() == null ? "" : e.code();
        return code.contains("Forbidden") || code.contains("AccessMode") || code.contains("Unauthorized");
    }

    /** The statements of one step: {@code //} comment lines dropped, split on {@code ;}. */
    static List<String> statements(String step) {
        String text;
        try (InputStream in = Neo4jSchema.class.getResourceAsStream("/neo4j/schema/" + step)) {
            if (in == null) {
                throw new IllegalStateException("schema step " + step + " is missing from the build");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema step " + step, e);
        }
        String withoutComments = text.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(statements::add);
        return statements;
    }
}
