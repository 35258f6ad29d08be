package dev.diffo.admin.repository;

import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.GraphNode;
import dev.diffo.admin.domain.GraphRef;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.GraphNode.Kind;
import dev.diffo.admin.domain.GraphSlice;
import dev.diffo.admin.domain.SpecificationStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The graph view's reads, each bounded: a specification's instances are counted from its degree (never walked)
 * and read only as a capped page; an expansion reads at most the cap (plus one) neighbours.
 */
@Singleton
public class Neo4jGraphRepository implements GraphRepository {

    /** A node as the view needs it; a specification also brings its status and its instance count (its degree, no walk). */
    static String node(String n) {
        return """
                {id: elementId(%1$s), labels: labels(%1$s), props: properties(%1$s),
                 status: CASE WHEN %1$s:Specification THEN COLLECT { MATCH (%1$s)-[:HAS_STATUS]->(st:SpecificationStatus) RETURN st.status } ELSE [] END,
                 instances: CASE WHEN %1$s:Specification THEN COUNT { (%1$s)<-[:SPECIFIED_BY]-() } ELSE 0 END}""".formatted(n);
    }

    static final String LINEAGE = """
            MATCH (n:Specification {name: $name})
            RETURN %s AS node ORDER BY n.majorVersion
            """.formatted(node("n"));

    static final String RUNS_BETWEEN = """
            MATCH (r:MigrationRun) WHERE r.source IN $uuids AND r.kind = 'RUN'
            RETURN %s AS node, r.source AS source, r.target AS target ORDER BY r.startedAt DESC LIMIT $cap
            """.formatted(node("r"));

    static final String SPECIFICATION = """
            MATCH (n:Specification {uuid: $uuid})
            RETURN %s AS node
            """.formatted(node("n"));

    static final String INSTANCE = """
            MATCH (n:Instance {uuid: $uuid})
            RETURN %s AS node
            """.formatted(node("n"));

    static final String RUN = """
            MATCH (n:MigrationRun {uuid: $uuid})
            OPTIONAL MATCH (s:Specification {uuid: n.source})
            OPTIONAL MATCH (t:Specification {uuid: n.target})
            RETURN %s AS node, CASE WHEN s IS NULL THEN null ELSE %s END AS source, CASE WHEN t IS NULL THEN null ELSE %s END AS target
            """.formatted(node("n"), node("s"), node("t"));

    /** A page of a specification's instances: the LIMIT stops the walk of its SPECIFIED_BY edges. */
    static final String INSTANCES = """
            MATCH (s) WHERE elementId(s) = $spec
            MATCH (s)<-[:SPECIFIED_BY]-(i)
            WITH i SKIP $offset LIMIT $limit
            RETURN %s AS node
            """.formatted(node("i"));

    static final String RSP_INSTANCES = """
            MATCH (s) WHERE elementId(s) = $spec
            MATCH (s)<-[:SPECIFIED_BY]-(i)
            """ + DiffoShape.RSP_OF_INSTANCE + """
            WITH i WHERE rsp = $rsp
            WITH i SKIP $offset LIMIT $limit
            RETURN %s AS node
            """.formatted(node("i"));

    /** Counting per RSP has to look at every instance of the specification (in the database; nothing but the counts comes back). */
    static final String BY_RSP = """
            MATCH (s) WHERE elementId(s) = $spec
            MATCH (s)<-[:SPECIFIED_BY]-(i)
            """ + DiffoShape.RSP_OF_INSTANCE + """
            RETURN rsp, rspName, rspBy, count(*) AS n ORDER BY n DESC, rsp LIMIT $cap
            """;

    /** An RSP's share of a specification's instances: every instance's RSP is worked out (as for the split by RSP). */
    static final String RSP_COUNT = """
            MATCH (s) WHERE elementId(s) = $spec
            MATCH (s)<-[:SPECIFIED_BY]-(i)
            """ + DiffoShape.RSP_OF_INSTANCE + """
            WITH i WHERE toLower(rsp) = toLower($rsp)
            RETURN count(i) AS n
            """;

    /** The RSP of each instance of a list, by element id. */
    static final String RSP_OF_ELEMENTS = """
            UNWIND $ids AS id
            MATCH (i:Instance) WHERE elementId(i) = id
            """ + DiffoShape.RSP_OF_INSTANCE + """
            RETURN elementId(i) AS id, rsp
            """;

    /** Neighbours of a node, at most the limit; a specification's instances are left to its aggregate. */
    static final String NEIGHBOURS = """
            MATCH (n) WHERE elementId(n) = $id
            MATCH (n)-[r]-(m)
            WHERE NOT (type(r) = 'SPECIFIED_BY' AND startNode(r) = m)
            WITH r, m SKIP $offset LIMIT $limit
            RETURN type(r) AS type, startNode(r) = m AS incoming, %s AS node
            """.formatted(node("m"));

    /**
     * {@link #NEIGHBOURS} as RSP {@code $rsp} sees them: an instance only when it is the RSP's ({@link DiffoShape#isOfRsp}),
     * and a node that instances relate to one by one (a PartyRef, a PlaceRef: what diffo makes for one instance) only
     * when one of those instances is the RSP's, checked in the read before the page is cut (a party related to every
     * instance, such as NBNCo in role Provider, pages through the RSP's own PartyRefs only).
     */
    static final String RSP_NEIGHBOURS = """
            MATCH (n) WHERE elementId(n) = $id
            MATCH (n)-[r]-(m)
            WHERE NOT (type(r) = 'SPECIFIED_BY' AND startNode(r) = m)
              AND CASE WHEN m:Instance THEN %s
                       WHEN EXISTS { (:Instance)-[:RELATES]->(m) } THEN EXISTS { MATCH (owner:Instance)-[:RELATES]->(m) WHERE %s }
                       ELSE true END
            WITH r, m SKIP $offset LIMIT $limit
            RETURN type(r) AS type, startNode(r) = m AS incoming, %s AS node
            """.formatted(DiffoShape.isOfRsp("m", "m.name"), DiffoShape.isOfRsp("owner", "owner.name"), node("m"));

    private static final int PROPERTY_TEXT = 240;

    private final Database database;
    private final CatalogueSettings settings;

    @Inject
    public Neo4jGraphRepository(Database database, CatalogueSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public GraphSlice lineage(String specificationName, int cap) {
        return database.read(tx -> {
            List<GraphNode> nodes = new ArrayList<>();
            List<GraphSlice.Edge> edges = new ArrayList<>();
            Map<String, GraphRef> refByUuid = new LinkedHashMap<>();
            GraphNode previous = null;
            for (Record r : tx.run(LINEAGE, Map.of("name", specificationName)).list()) {
                GraphNode spec = toNode(r.get("node"));
                nodes.add(spec);
                refByUuid.put(spec.properties().get("uuid"), spec.ref());
                addAggregate(spec, nodes, edges);
                if (previous != null) {
                    edges.add(new GraphSlice.Edge(previous.ref(), spec.ref(), "NEXT_MAJOR"));
                }
                previous = spec;
            }
            if (!refByUuid.isEmpty()) {
                for (Record r : tx.run(RUNS_BETWEEN, Map.of("uuids", List.copyOf(refByUuid.keySet()), "cap", cap)).list()) {
                    GraphNode run = toNode(r.get("node"));
                    nodes.add(run);
                    GraphRef source = refByUuid.get(r.get("source").asString(null));
                    GraphRef target = refByUuid.get(r.get("target").asString(null));
                    if (source != null) {
                        edges.add(new GraphSlice.Edge(source, run.ref(), "MIGRATED_BY"));
                    }
                    if (target != null) {
                        edges.add(new GraphSlice.Edge(run.ref(), target, "MOVED_TO"));
                    }
                }
            }
            return new GraphSlice(nodes, edges);
        });
    }

    private static void addAggregate(GraphNode spec, List<GraphNode> nodes, List<GraphSlice.Edge> edges) {
        if (spec.count() > 0 && spec.ref() instanceof GraphRef.Specification specification) {
            GraphNode aggregate = new GraphNode(new GraphRef.Aggregate(specification.elementId(), null), Kind.INSTANCES, String.format("%,d instance%s", spec.count(),
                    spec.count() == 1 ? "" : "s"), "of " + spec.title(), Map.of("specification", spec.title(), "instances", String.format("%,d", spec.count())),
                    spec.count());
            nodes.add(aggregate);
            edges.add(new GraphSlice.Edge(aggregate.ref(), spec.ref(), "SPECIFIED_BY"));
        }
    }

    @Override
    public GraphSlice specification(String uuid) {
        return database.read(tx -> {
            List<GraphNode> nodes = new ArrayList<>();
            List<GraphSlice.Edge> edges = new ArrayList<>();
            for (Record r : tx.run(SPECIFICATION, Map.of("uuid", uuid)).list()) {
                GraphNode spec = toNode(r.get("node"));
                nodes.add(spec);
                addAggregate(spec, nodes, edges);
            }
            return new GraphSlice(nodes, edges);
        });
    }

    @Override
    public GraphSlice instance(String uuid, int cap) {
        List<GraphNode> found = database.read(tx -> tx.run(INSTANCE, Map.of("uuid", uuid)).list(r -> toNode(r.get("node"))));
        if (found.isEmpty()) {
            return GraphSlice.empty();
        }
        GraphSlice around = neighbours((GraphRef.Element) found.getFirst().ref(), 0, cap);
        List<GraphNode> nodes = new ArrayList<>(found);
        nodes.addAll(around.nodes());
        return new GraphSlice(nodes, around.edges());
    }

    @Override
    public GraphSlice migrationRun(String uuid) {
        return database.read(tx -> {
            List<GraphNode> nodes = new ArrayList<>();
            List<GraphSlice.Edge> edges = new ArrayList<>();
            for (Record r : tx.run(RUN, Map.of("uuid", uuid)).list()) {
                GraphNode run = toNode(r.get("node"));
                nodes.add(run);
                if (!r.get("source").isNull()) {
                    GraphNode source = toNode(r.get("source"));
                    nodes.add(source);
                    edges.add(new GraphSlice.Edge(source.ref(), run.ref(), "MIGRATED_BY"));
                }
                if (!r.get("target").isNull()) {
                    GraphNode target = toNode(r.get("target"));
                    nodes.add(target);
                    edges.add(new GraphSlice.Edge(run.ref(), target.ref(), "MOVED_TO"));
                    addAggregate(target, nodes, edges);
                }
            }
            return new GraphSlice(nodes, edges);
        });
    }

    @Override
    public GraphSlice instances(String specificationElementId, String rsp, long offset, int cap) {
        GraphRef parent = new GraphRef.Aggregate(specificationElementId, rsp);
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("spec", specificationElementId);
        params.put("rsp", rsp);
        params.put("rspRole", settings.rspRole());
        params.put("offset", offset);
        params.put("limit", cap + 1);
        List<GraphNode> read = database.read(tx -> tx.run(rsp == null ? INSTANCES : RSP_INSTANCES, params).list(r -> toNode(r.get("node"))));
        List<GraphNode> nodes = new ArrayList<>(read.subList(0, Math.min(cap, read.size())));
        List<GraphSlice.Edge> edges = new ArrayList<>(nodes.stream().map(n -> new GraphSlice.Edge(n.ref(), parent, "SPECIFIED_BY")).toList());
        if (read.size() > cap) {
            GraphNode more = new GraphNode(new GraphRef.More(parent, offset + cap), Kind.MORE, "more…", "the next " + cap, Map.of("after", String.format("%,d", offset + cap)), 0);
            nodes.add(more);
            edges.add(new GraphSlice.Edge(more.ref(), parent, "MORE"));
        }
        return new GraphSlice(nodes, edges);
    }

    @Override
    public GraphSlice instancesByRsp(String specificationElementId, int cap) {
        GraphRef parent = new GraphRef.Aggregate(specificationElementId, null);
        List<GraphNode> nodes = database.read(tx -> tx.run(BY_RSP, Map.of("spec", specificationElementId, "cap", cap, "rspRole", settings.rspRole())).list(r -> {
            String rsp = r.get("rsp").asString();
            Rsp owner = Rsp.of(rsp, r.get("rspName").asString(null), r.get("rspBy").asString(), settings.rspRole());
            long n = r.get("n").asLong();
            return new GraphNode(new GraphRef.Aggregate(specificationElementId, rsp), Kind.INSTANCES, String.format("%s: %,d instance%s", owner.display(), n, n == 1 ? "" : "s"),
                    "RSP " + owner.display() + " (" + owner.how() + ")",
                    Map.of("rsp", rsp, "rsp name", owner.name() == null ? "" : owner.name(), "found", owner.how(), "instances", String.format("%,d", n)), n);
        }));
        return new GraphSlice(nodes, nodes.stream().map(n -> new GraphSlice.Edge(n.ref(), parent, "PART_OF")).toList());
    }

    @Override
    public long instanceCount(String specificationElementId, String rsp) {
        return database.read(tx -> tx.run(RSP_COUNT, Map.of("spec", specificationElementId, "rsp", rsp, "rspRole", settings.rspRole())).single().get("n").asLong());
    }

    @Override
    public Map<String, String> rspsOf(List<String> instanceElementIds) {
        if (instanceElementIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> owners = new LinkedHashMap<>();
        database.read(tx -> tx.run(RSP_OF_ELEMENTS, Map.of("ids", instanceElementIds, "rspRole", settings.rspRole())).list())
                .forEach(r -> owners.put(r.get("id").asString(), r.get("rsp").asString(null)));
        return owners;
    }

    @Override
    public GraphSlice neighbours(GraphRef.Element node, String rsp, long offset, int cap) {
        List<Record> read = database.read(tx -> rsp == null ? tx.run(NEIGHBOURS, Map.of("id", node.elementId(), "offset", offset, "limit", cap + 1)).list()
                : tx.run(RSP_NEIGHBOURS, Map.of("id", node.elementId(), "rsp", rsp, "rspRole", settings.rspRole(), "offset", offset, "limit", cap + 1)).list());
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphSlice.Edge> edges = new ArrayList<>();
        for (Record r : read.subList(0, Math.min(cap, read.size()))) {
            GraphNode m = toNode(r.get("node"));
            nodes.add(m);
            String type = r.get("type").asString();
            edges.add(r.get("incoming").asBoolean() ? new GraphSlice.Edge(m.ref(), node, type) : new GraphSlice.Edge(node, m.ref(), type));
            if (m.kind().specification()) {
                addAggregate(m, nodes, edges);
            }
        }
        if (read.size() > cap) {
            GraphNode more = new GraphNode(new GraphRef.More(node, offset + cap), Kind.MORE, "more…", "the next " + cap, Map.of("after", String.format("%,d", offset + cap)), 0);
            nodes.add(more);
            edges.add(new GraphSlice.Edge(node, more.ref(), "MORE"));
        }
        return new GraphSlice(nodes, edges);
    }

    static GraphNode toNode(Value v) {
        List<String> labels = v.get("labels").asList(Value::asString);
        Map<String, String> props = new TreeMap<>();
        v.get("props").asMap().forEach((key, value) -> props.put(key, text(value)));
        props.put("labels", ":" + String.join(":", labels));
        String name = props.get("name");
        Kind kind;
        String title;
        String subtitle;
        long count = 0;
        if (labels.contains("Specification")) {
            List<Object> status = v.get("status").asList();
            kind = Kind.ofSpecification(status.isEmpty() ? SpecificationStatus.CURRENT : SpecificationStatus.fromStored(String.valueOf(status.getFirst())));
            title = name + " v" + props.getOrDefault("majorVersion", "?") + "." + props.getOrDefault("minorVersion", "0") + "." + props.getOrDefault("patchVersion", "0");
            count = v.get("instances").asLong();
            subtitle = kind.legend().replace("Specification ", "");
            props.put("instances", String.format("%,d", count));
        } else if (labels.contains("Instance")) {
            kind = Kind.INSTANCE;
            title = name == null ? props.getOrDefault("uuid", "instance") : name;
            subtitle = props.getOrDefault("state", props.getOrDefault("type", ""));
        } else if (labels.contains("Characteristic")) {
            kind = Kind.CHARACTERISTIC;
            Map<String, String> flat = new TreeMap<>();
            DiffoShape.flatten(name, props.get("value"), flat);
            title = flat.isEmpty() ? String.valueOf(name) : String.join(", ", flat.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            subtitle = "characteristic";
        } else if (labels.contains("Party") || labels.contains("PartyRef")) {
            kind = Kind.PARTY;
            title = name != null ? name : props.getOrDefault("key", props.getOrDefault("role", "party"));
            subtitle = labels.contains("PartyRef") ? "party ref" + (props.containsKey("role") ? " (" + props.get("role") + ")" : "") : "party";
        } else if (labels.contains("MigrationRun")) {
            kind = Kind.MIGRATION_RUN;
            title = "run " + props.getOrDefault("rsp", "") + " " + props.getOrDefault("sourceVersion", "") + " → " + props.getOrDefault("targetVersion", "");
            subtitle = props.getOrDefault("status", "") + " · " + props.getOrDefault("migrated", "0") + " moved";
        } else {
            kind = Kind.OTHER;
            String label = labels.isEmpty() ? "node" : labels.getLast();
            title = label + (name != null ? " " + name : props.containsKey("key") ? " " + props.get("key") : "");
            subtitle = String.join(":", labels);
        }
        return new GraphNode(ref(kind, v.get("id").asString()), kind, title, subtitle, props, count);
    }

    private static GraphRef.Element ref(Kind kind, String elementId) {
        if (kind.specification()) {
            return new GraphRef.Specification(elementId);
        }
        return switch (kind) {
            case INSTANCE -> new GraphRef.Instance(elementId);
            case MIGRATION_RUN -> new GraphRef.Run(elementId);
            default -> new GraphRef.Node(elementId);
        };
    }

    private static String text(Object value) {
        String text;
        if (value instanceof List<?> list) {
            text = list.size() > 20 ? list.size() + " values" : list.toString();
        } else if (value instanceof byte[] bytes) {
            // a byte array (Neo4j's only array the driver hands back as an array): its size, not the array's identity
            text = String.format("%,d bytes", bytes.length);
        } else {
            text = String.valueOf(value);
        }
        return text.length() > PROPERTY_TEXT ? text.substring(0, PROPERTY_TEXT) + "… (" + text.length() + " characters)" : text;
    }
}
