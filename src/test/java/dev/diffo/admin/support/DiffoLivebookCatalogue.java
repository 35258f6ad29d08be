package dev.diffo.admin.support;

import java.util.List;
import java.util.Map;

/**
 * A catalogue as diffo itself writes it, not as diffo-admin does: broadband v1 and v2 with nothing of ours (no
 * allowed values recorded, no status, no history), and instances related to their parties the way diffo's
 * livebook ({@code diffo.livemd}, "Adding Parties and Places", "Resolving the Outstanding Service") relates
 * them: an Individual in role {@code SiteContact}, NBNCo in role {@code Provider} and the reseller Organization
 * in role {@code Reseller}, PartyRefs created in that order. Both resellers' parties are named
 * {@code organizationId} (the identifier kind, as diffo names them); their keys tell them apart. Instance
 * names carry no RSP prefix.
 */
public final class DiffoLivebookCatalogue {

    public static final String V1 = "3c0f5f0e-6d8b-4c59-9a57-2f1e0b7d4a11";
    public static final String V2 = "8d2a7c41-0b6e-4f3a-8e19-5c7d9b1a2e22";
    public static final String RESELLER_A = "ORG000000123456";
    public static final String RESELLER_B = "ORG000000654321";
    public static final String NBN = "nbn";
    /** Reseller A's instances on v1: 6, of which 2 carry fttb. */
    public static final int A_ON_V1 = 6;
    public static final int A_FTTB = 2;
    /** Reseller B's instances on v1: 4, of which 2 carry fttb; and 1 on v2. */
    public static final int B_ON_V1 = 4;

    private DiffoLivebookCatalogue() {
    }

    public static void write(TestGraph graph) {
        graph.run("""
                CREATE (:Provider:Specification {uuid: $v1, type: 'serviceSpecification', name: 'broadband', majorVersion: 1, minorVersion: 1,
                        patchVersion: 0, tmfVersion: 4, description: 'A broadband access service', category: 'Access',
                        createdAt: datetime({year: 2025, month: 3, day: 4, hour: 9, timezone: 'Etc/UTC'}),
                        updatedAt: datetime({year: 2025, month: 6, day: 2, hour: 14, timezone: 'Etc/UTC'})})
                CREATE (:Provider:Specification {uuid: $v2, type: 'serviceSpecification', name: 'broadband', majorVersion: 2, minorVersion: 0,
                        patchVersion: 0, tmfVersion: 4, description: 'A broadband access service — :fttb technology retired', category: 'Access',
                        createdAt: datetime({year: 2025, month: 9, day: 15, hour: 10, timezone: 'Etc/UTC'}),
                        updatedAt: datetime({year: 2025, month: 9, day: 15, hour: 10, timezone: 'Etc/UTC'})})
                CREATE (:Provider:Organization:Party {key: $nbn, name: 'NBNCo', type: 'PartyRef', referredType: 'Organization'})
                CREATE (:Provider:Organization:Party {key: $a, name: 'organizationId', type: 'PartyRef', referredType: 'Organization'})
                CREATE (:Provider:Organization:Party {key: $b, name: 'organizationId', type: 'PartyRef', referredType: 'Organization'})
                """, Map.of("v1", V1, "v2", V2, "nbn", NBN, "a", RESELLER_A, "b", RESELLER_B));
        List<String> aTech = List.of("fttb", "fttp", "fttn", "fttb", "fttc", "fttp");
        List<String> bTech = List.of("fttb", "fttb", "fttp", "fttn");
        for (int k = 0; k < aTech.size(); k++) {
            instance(graph, V1, "Broadband", "BroadbandValue", String.format("bb-%04d", k + 1), aTech.get(k), RESELLER_A, k + 1);
        }
        for (int k = 0; k < bTech.size(); k++) {
            instance(graph, V1, "Broadband", "BroadbandValue", String.format("bb-%04d", 101 + k), bTech.get(k), RESELLER_B, 101 + k);
        }
        instance(graph, V2, "BroadbandV2", "BroadbandV2Value", "bb-0201", "fttn", RESELLER_B, 201);
    }

    /** One instance with its characteristic and three PartyRefs (SiteContact, Provider, Reseller, in that order). */
    private static void instance(TestGraph graph, String spec, String label, String valueType, String name, String technology, String reseller, int n) {
        graph.run("""
                MATCH (s:Specification {uuid: $spec}), (nbn:Party {key: $nbn}), (org:Party {key: $reseller})
                CREATE (i:Nbn:Instance:Provider {uuid: randomUUID(), which: 'actual', type: 'service', name: $name, state: 'initial',
                        createdAt: datetime({timezone: 'Etc/UTC'}), updatedAt: datetime({timezone: 'Etc/UTC'})})
                SET i:$($label)
                CREATE (c:Provider:Characteristic {uuid: randomUUID(), name: 'broadband', type: 'instance', isArray: false,
                        value: '{"type":"dynamic","value":{"type":"Elixir.Diffo.Nbn.' + $valueType + '","value":{"technology":"' + $technology + '"}}}'})
                CREATE (i)-[:SPECIFIED_BY]->(s), (i)-[:HAS]->(c)
                CREATE (person:Provider:Individual:Party {key: $individual, name: 'individualId', type: 'PartyRef', referredType: 'Individual'})
                CREATE (i)-[:RELATES]->(:Provider:PartyRef {uuid: randomUUID(), role: 'SiteContact'})-[:RELATES]->(person)
                CREATE (i)-[:RELATES]->(:Provider:PartyRef {uuid: randomUUID(), role: 'Provider'})-[:RELATES]->(nbn)
                CREATE (i)-[:RELATES]->(:Provider:PartyRef {uuid: randomUUID(), role: 'Reseller'})-[:RELATES]->(org)
                """, Map.of("spec", spec, "nbn", NBN, "reseller", reseller, "name", name, "label", label, "valueType", valueType,
                "technology", technology, "individual", String.format("IND%012d", n)));
    }
}
