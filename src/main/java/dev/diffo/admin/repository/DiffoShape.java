package dev.diffo.admin.repository;

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

    /** {@link #rspOf} for an instance whose name is read from the node. */
    static final String RSP_OF_INSTANCE = rspOf("", "i.name");

    /** Keeps only the instances of RSP {@code $rsp} (a party key or a name prefix, any case). */
    static final String OF_RSP = "WITH i WHERE toLower(rsp) = toLower($rsp)\n";

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
}
