package dev.diffo.admin.domain;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a node of the graph view stands for, typed: one element of the graph (a specification, an instance, a
 * migration run, any other node), a specification's instances (all of them, or one RSP's share), or the next page
 * ("more…") of another node's expansion. {@link #key()} is the one string form (a map key for the view); only this
 * type builds or reads it.
 */
public sealed interface GraphRef {

    /** A stable string naming this reference, unique among references; {@link #parse(String)} reads it back. */
    String key();

    /** Whether this is a specification's whole instance aggregate, which splits into one aggregate per RSP. */
    default boolean splitsByRsp() {
        return false;
    }

    /** A reference to one element of the graph, by its element id. */
    sealed interface Element extends GraphRef {
        String elementId();
    }

    /** A specification version. */
    record Specification(String elementId) implements Element {
        public Specification {
            Objects.requireNonNull(elementId, "elementId");
        }

        @Override
        public String key() {
            return join("specification", elementId);
        }
    }

    /** A service instance. */
    record Instance(String elementId) implements Element {
        public Instance {
            Objects.requireNonNull(elementId, "elementId");
        }

        @Override
        public String key() {
            return join("instance", elementId);
        }
    }

    /** A migration run. */
    record Run(String elementId) implements Element {
        public Run {
            Objects.requireNonNull(elementId, "elementId");
        }

        @Override
        public String key() {
            return join("run", elementId);
        }
    }

    /** Any other element: a characteristic, a party, a node diffo does not know. */
    record Node(String elementId) implements Element {
        public Node {
            Objects.requireNonNull(elementId, "elementId");
        }

        @Override
        public String key() {
            return join("node", elementId);
        }
    }

    /** A specification's instances, of one RSP when {@code rsp} is given ({@code null}: all of them). */
    record Aggregate(String specElementId, String rsp) implements GraphRef {
        public Aggregate {
            Objects.requireNonNull(specElementId, "specElementId");
        }

        @Override
        public String key() {
            return rsp == null ? join("instances", specElementId) : join("instances", specElementId, rsp);
        }

        @Override
        public boolean splitsByRsp() {
            return rsp == null;
        }
    }

    /** The next page of {@code parent}'s expansion, after its first {@code offset} nodes. */
    record More(GraphRef parent, long offset) implements GraphRef {
        public More {
            Objects.requireNonNull(parent, "parent");
            if (parent instanceof More) {
                throw new IllegalArgumentException("\"more…\" pages a node's expansion, not another \"more…\"");
            }
            if (offset < 0) {
                throw new IllegalArgumentException("offset " + offset + " is negative");
            }
        }

        @Override
        public String key() {
            return join("more", Long.toString(offset), parent.key());
        }
    }

    /** The reference a {@link #key()} names. */
    static GraphRef parse(String key) {
        String[] parts = Objects.requireNonNull(key, "key").split("\\|", -1);
        String[] fields = new String[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            fields[i - 1] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return switch (parts[0] + "/" + fields.length) {
            case "specification/1" -> new Specification(fields[0]);
            case "instance/1" -> new Instance(fields[0]);
            case "run/1" -> new Run(fields[0]);
            case "node/1" -> new Node(fields[0]);
            case "instances/1" -> new Aggregate(fields[0], null);
            case "instances/2" -> new Aggregate(fields[0], fields[1]);
            case "more/2" -> new More(parse(fields[1]), offset(fields[0], key));
            default -> throw new IllegalArgumentException("Not a graph reference: " + key);
        };
    }

    private static long offset(String text, String key) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a graph reference: " + key, e);
        }
    }

    /** {@code kind|field|field}, each field URL-encoded so that no field can contain the separator. */
    private static String join(String kind, String... fields) {
        StringBuilder key = new StringBuilder(kind);
        for (String field : fields) {
            key.append('|').append(URLEncoder.encode(field, StandardCharsets.UTF_8));
        }
        return key.toString();
    }
}
