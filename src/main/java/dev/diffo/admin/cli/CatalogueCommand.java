package dev.diffo.admin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationGroup;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "catalogue", description = "Print the specification catalogue: each name with its majors, versions and instance counts.",
        subcommands = {CatalogueExportCommand.class, CatalogueImportCommand.class})
public class CatalogueCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    private final Provider<CatalogueService> catalogue;

    @Inject
    public CatalogueCommand(Provider<CatalogueService> catalogue) {
        this.catalogue = catalogue;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only specifications whose name or category contains TEXT.")
    String search = "";

    @Override
    public Integer call() throws Exception {
        ConnectionInfo info = context.connect();
        CatalogueService.Snapshot snapshot = catalogue.get().load(search);
        PrintWriter out = spec.commandLine().getOut();
        if (snapshot.shape().isForeign()) {
            spec.commandLine().getErr().println("This database is not a diffo catalogue: " + snapshot.shape().nodeCount()
                    + " nodes, no :Specification. Found: " + snapshot.shape().describeLabels(8));
            return 3;
        }
        if (json) {
            out.println(toJson(info, snapshot));
        } else {
            printTree(out, info, snapshot);
        }
        out.flush();
        return 0;
    }

    private static void printTree(PrintWriter out, ConnectionInfo info, CatalogueService.Snapshot snapshot) {
        out.println("Connected: " + info.summary());
        if (snapshot.shape().isEmpty()) {
            out.println("The database is empty. Load the demo catalogue with: diffo-admin demo");
            return;
        }
        snapshot.shape().warnings().forEach(w -> out.println("warning: " + w));
        if (snapshot.groups().isEmpty()) {
            out.println("No specification matches '" + snapshot.search() + "'.");
        }
        // an RSP operator is shown its own share of the instances ("6 instances of yours"), never every RSP's total
        dev.diffo.admin.catalogue.InstanceCounts counts = snapshot.counts();
        for (SpecificationGroup group : snapshot.groups()) {
            out.printf("%s  (%d major%s, %s)%n", group.name(), group.majors().size(), group.majors().size() == 1 ? "" : "s",
                    counts.text(counts.of(group)));
            for (Specification s : group.majors()) {
                out.printf("  %-9s %-9s %-22s %-12s %-14s %s%n", s.version(), s.status().name(), s.type().stored(),
                        s.category() == null ? "-" : s.category(), counts.text(counts.of(s)), s.uuid());
            }
        }
    }

    /** {@code instanceCount} (every RSP's), or for an RSP operator {@code instancesOfRsp} (its own; null when not counted). */
    private static void putCount(ObjectNode node, dev.diffo.admin.catalogue.InstanceCounts counts, Long n) {
        if (counts.scoped()) {
            node.put("instancesOfRsp", n);
        } else {
            node.put("instanceCount", n);
        }
    }

    private static String toJson(ConnectionInfo info, CatalogueService.Snapshot snapshot) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode connection = root.putObject("connection");
        connection.put("embedded", info.embedded()).put("uri", info.uri()).put("serverVersion", info.serverVersion()).put("database", info.database());
        if (info.heldBy() > 0) {
            connection.put("heldBy", info.heldBy());
        }
        ArrayNode warnings = root.putArray("warnings");
        snapshot.shape().warnings().forEach(warnings::add);
        dev.diffo.admin.catalogue.InstanceCounts counts = snapshot.counts();
        if (counts.scoped()) {
            root.put("rsp", counts.rsp());
        }
        ArrayNode groups = root.putArray("specifications");
        for (SpecificationGroup group : snapshot.groups()) {
            ObjectNode g = groups.addObject().put("name", group.name());
            putCount(g, counts, counts.of(group));
            ArrayNode majors = g.putArray("majors");
            for (Specification s : group.majors()) {
                ObjectNode m = majors.addObject()
                        .put("uuid", s.uuid()).put("href", s.href()).put("name", s.name()).put("type", s.type().stored())
                        .put("version", s.version()).put("status", s.status().name()).put("majorVersion", s.majorVersion()).put("minorVersion", s.minorVersion())
                        .put("patchVersion", s.patchVersion()).put("tmfVersion", s.tmfVersion())
                        .put("description", s.description()).put("category", s.category())
                        .put("createdAt", dev.diffo.admin.domain.Dates.iso(s.createdAt()))
                        .put("updatedAt", dev.diffo.admin.domain.Dates.iso(s.updatedAt()));
                putCount(m, counts, counts.of(s));
                ArrayNode labels = m.putArray("labels");
                s.labels().forEach(labels::add);
            }
        }
        return mapper.writeValueAsString(root);
    }
}
