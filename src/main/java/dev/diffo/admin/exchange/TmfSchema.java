package dev.diffo.admin.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.diffo.admin.domain.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a document against our JSON schema ({@code tmf-specification.schema.json} beside this class, written from
 * TMF633/TMF634's field tables; TMF's own schema files are not available as a package) with networknt's
 * json-schema-validator (draft 2020-12). A malformed document is refused naming the JSON path of its first problem.
 */
public final class TmfSchema {

    public static final String RESOURCE = "tmf-specification.schema.json";

    private final Schema schema;

    public TmfSchema() {
        try (InputStream in = TmfSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems of the document, each as {@code $.specCharacteristic[0].name: …}; empty when it is well-formed. */
    public List<String> problems(JsonNode root) {
        if (root.isArray()) {
            java.util.ArrayList<String> all = new java.util.ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                all.addAll(problems(root.get(i), "$[" + i + "]"));
            }
            return all;
        }
        if (!root.isObject()) {
            return List.of("$: a " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " where a specification (an object) or a list of them is expected");
        }
        return problems(root, "$");
    }

    /** Refuses a malformed document, naming the path of its first problem (and how many there are). */
    public void check(JsonNode root) {
        List<String> problems = problems(root);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The document is not a TMF specification diffo-admin can read: " + problems.getFirst()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
                    "Fix the document at that path and import it again. Nothing was written.");
        }
    }

    private List<String> problems(JsonNode specification, String prefix) {
        if (!specification.isObject()) {
            return List.of(prefix + ": a " + specification.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " where a specification (an object) is expected");
        }
        return schema.validate(specification).stream()
                .sorted(Comparator.comparing((Error e) -> path(prefix, e.getInstanceLocation())))
                .map(e -> path(prefix, e.getInstanceLocation()) + ": " + message(e))
                .distinct()
                .toList();
    }

    static String path(String prefix, NodePath location) {
        StringBuilder path = new StringBuilder(prefix);
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append('.').append(element);
            }
        }
        return path.toString();
    }

    /** The validator's message without the location it starts with (we give our own). */
    private static String message(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        return colon > 0 && (message.startsWith("$") || message.startsWith("/")) ? message.substring(colon + 2) : message;
    }
}
