package dev.diffo.admin.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diffo.admin.common.CanonicalJson;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;

/**
 * diffo's graph shape, in one place: the Cypher fragments every feature shares (which party owns an instance,
 * an instance's characteristics, the values in use on a specification). Read from diffo's sources and its
 * livebook: an instance {@code RELATES} to one {@code :PartyRef {role}} per role, each {@code RELATES} to a
 * {@code :Party {key, name}}; the party's {@code key} is its identity, its {@code name} often only the kind of
 * identifier ({@code organizationId}), shared by many parties.
 */
final class DiffoShape {

    private DiffoShape() {
    }

    /**
     * The RSP of instance {@code i}: the key of the party in role {@code $rspRole} where the instance has one, else
     * its name prefix ({@code acme-…}), as {@code rsp}; that party's name as {@code rspName} (null by prefix);
     * {@code rspBy} says which way it was found ({@code 'party'} or {@code 'prefix'}). {@code carried} names more
     * variables kept along with {@code i} (e.g. {@code ", k"}), {@code name} where the instance's name is read from.
     */
    static String rspOf(String carried, String name) {
        return """
                WITH i%1$s, COLLECT { MATCH (i)-[:RELATES]->(ref:PartyRef)-[:RELATES]->(p:Party) WHERE ref.role = $rspRole
                                      WITH coalesce(p.key, p.name) AS partyKey, p.name AS partyName ORDER BY partyKey
                                      RETURN [partyKey, partyName] LIMIT 1 } AS owners
                WITH i%1$s, CASE WHEN size(owners) > 0 THEN owners[0][0]
                                 WHEN %2$s CONTAINS '-' THEN split(%2$s, '-')[0]
                                 ELSE coalesce(%2$s, '(unnamed)') END AS rsp,
                            CASE WHEN size(owners) > 0 THEN owners[0][1] END AS rspName,
                            CASE WHEN size(owners) > 0 THEN 'party' ELSE 'prefix' END AS rspBy
                """.formatted(carried, name);
    }

    /**
     * Whether instance {@code i} belongs to RSP {@code $rsp}, by the rule of {@link #rspOf} written as a predicate (the
     * party in role {@code $rspRole} with the lowest key, else the prefix of the name read from {@code name}), for a {@code WHERE}: unlike the
     * projection it keeps the order of an index-ordered read, so the read stops once the page is full.
     */
    static String isOfRsp(String name) {
        return isOfRsp("i", name);
    }

    /** {@link #isOfRsp(String)} for the instance in variable {@code instance}. */
    static String isOfRsp(String instance, String name) {
        return """
            (EXISTS { MATCH (i)-[:RELATES]->(ref:PartyRef)-[:RELATES]->(p:Party)
                      WHERE ref.role = $rspRole AND toLower(coalesce(p.key, p.name)) = toLower($rsp)
                        AND NOT EXISTS { MATCH (i)-[:RELATES]->(other:PartyRef)-[:RELATES]->(q:Party)
                                         WHERE other.role = $rspRole AND coalesce(q.key, q.name) < coalesce(p.key, p.name) } }
             OR (NOT EXISTS { MATCH (i)-[:RELATES]->(ref:PartyRef)-[:RELATES]->(:Party) WHERE ref.role = $rspRole }
                 AND toLower(CASE WHEN %1$s CONTAINS '-' THEN split(%1$s, '-')[0] ELSE coalesce(%1$s, '(unnamed)') END) = toLower($rsp)))""".formatted(name)
                .replace("(i)", "(" + instance + ")");
    }

    /** {@link #rspOf} for an instance whose name is read from the node. */
    static final String RSP_OF_INSTANCE = rspOf("", "i.name");

    /**
     * The instances {@code i} of RSP {@code $rsp} on specification {@code $source}, by the same rule as {@link #rspOf}
     * but read from the RSP's side: a party key walks from that party through its PartyRefs in role {@code $rspRole}
     * (a third of a million instances of one reseller are read, not every instance of the specification), and only
     * when no party has that key are the specification's instances matched by name prefix. Measured on 1,000,000
     * instances in diffo's livebook shape (warm, 2 cores): 2.3–2.8 s for one reseller's 333,333, against 5.3–7.4 s
     * working out every instance's RSP. The branches are disjoint (the second only where no party has that key).
     */
    static final String INSTANCES_OF_RSP = """
            CALL () {
              MATCH (s:Specification {uuid: $source})
              MATCH (p:Party {key: $rsp})<-[:RELATES]-(ref:PartyRef)<-[:RELATES]-(i)
              WHERE ref.role = $rspRole AND (i)-[:SPECIFIED_BY]->(s)
                AND NOT EXISTS { MATCH (i)-[:RELATES]->(other:PartyRef)-[:RELATES]->(q:Party)
                                 WHERE other.role = $rspRole AND coalesce(q.key, q.name) < $rsp }
              RETURN i
              UNION ALL
              MATCH (s:Specification {uuid: $source})
              WHERE NOT EXISTS { MATCH (:Party {key: $rsp}) }
              MATCH (s)<-[:SPECIFIED_BY]-(i)
              WHERE (toLower(i.name) STARTS WITH toLower($rsp) + '-' OR toLower(coalesce(i.name, '(unnamed)')) = toLower($rsp))
                AND NOT EXISTS { MATCH (i)-[:RELATES]->(ref:PartyRef)-[:RELATES]->(:Party) WHERE ref.role = $rspRole }
              RETURN i
            }
            """;

    /** Whether the {@code rsp} that {@link #rspOf} works out is RSP {@code $rsp} (a party key or a name prefix, any case). */
    static final String IS_RSP = "toLower(rsp) = toLower($rsp)";

    /** Keeps only the instances of RSP {@code $rsp} ({@link #IS_RSP}). */
    static final String OF_RSP = "WITH i WHERE " + IS_RSP + "\n";

    /** The RSPs whose instances stand on specification {@code $spec}, with their counts: one aggregate read. */
    static final String RSPS_ON = """
            MATCH (:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            %s
            RETURN rsp, rspName, rspBy, count(*) AS instances
            ORDER BY instances DESC, rsp
            """.formatted(RSP_OF_INSTANCE);

    /** An instance's characteristics as {@code [{name, value}]}, the value diffo's JSON string. */
    static final String CHARACTERISTICS_OF_I = "[(i)-[:HAS]->(c:Characteristic) | {name: c.name, value: c.value}]";

    /** The distinct characteristic values on specification {@code $spec}, with how many instances carry each. */
    static final String VALUES_ON = """
            MATCH (:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)-[:HAS]->(c:Characteristic)
            RETURN c.name AS name, c.value AS value, count(*) AS instances
            ORDER BY name, instances DESC
            """;

    /*
     * Matches :Specification broadly (not only :Provider:Specification) so that a node diffo cannot see is
     * still shown and flagged. The instance count is the SPECIFIED_BY degree, which Neo4j answers from the
     * node's relationship-group counts without touching millions of instance nodes.
     */
    /** The columns {@link #toSpecification} maps: the node, its instance count (degree) and our status. */
    static final String SPECIFICATION_COLUMNS = """
            s, COUNT { (s)<-[:SPECIFIED_BY]-() } AS instances,
            COLLECT { MATCH (s)-[:HAS_STATUS]->(st:SpecificationStatus) RETURN st.status } AS status
            """;

    static Specification toSpecification(Record record) {
        Node s = record.get("s").asNode();
        String typeValue = GraphValues.string(s.get("type"));
        SpecificationType type = SpecificationType.parse(typeValue == null ? SpecificationType.SERVICE.stored() : typeValue)
                .orElse(SpecificationType.SERVICE);
        String uuid = GraphValues.string(s.get("uuid"));
        return new Specification(
                uuid == null ? "(no uuid: " + s.elementId() + ")" : uuid,
                Optional.ofNullable(GraphValues.string(s.get("name"))).orElse("(unnamed)"),
                type,
                GraphValues.integer(s.get("majorVersion"), 1),
                GraphValues.integer(s.get("minorVersion"), 0),
                GraphValues.integer(s.get("patchVersion"), 0),
                GraphValues.integer(s.get("tmfVersion"), 4),
                GraphValues.string(s.get("description")),
                GraphValues.string(s.get("category")),
                GraphValues.dateTime(s.get("createdAt")),
                GraphValues.dateTime(s.get("updatedAt")),
                record.get("instances").asLong(),
                StreamSupport.stream(s.labels().spliterator(), false).sorted().toList(),
                record.get("status").isEmpty() ? SpecificationStatus.CURRENT
                        : SpecificationStatus.fromStored(record.get("status").get(0).asString()));
    }

    static final String COMMON_LABELS = """
            MATCH (:Specification {uuid: $spec})<-[:SPECIFIED_BY]-(i)
            WITH i LIMIT 1000
            WITH labels(i) AS labels, count(*) AS n
            RETURN labels ORDER BY n DESC LIMIT 1
            """;


    /** diffo's characteristic JSON as {@code name.field → value} (dynamic) or {@code name → value} (primitive). */
    static void flatten(String name, String json, Map<String, String> into) {
        if (name == null || json == null) {
            return;
        }
        JsonNode root;
        try {
            root = CanonicalJson.read(json);
        } catch (IllegalArgumentException e) {
            into.put(name, json);
            return;
        }
        if ("dynamic".equals(root.path("type").asText())) {
            JsonNode fields = root.path("value").path("value");
            fields.fieldNames().forEachRemaining(f -> into.put(name + "." + f, fields.get(f).isValueNode() ? fields.get(f).asText() : fields.get(f).toString()));
        } else {
            JsonNode holder = root.path("value");
            JsonNode v = holder.path(holder.path("type").asText(root.path("type").asText("")));
            into.put(name, v.isMissingNode() ? holder.toString() : v.asText());
        }
    }
}
