package dev.diffo.admin.cli;

import dev.diffo.admin.catalogue.CatalogueService;
import dev.diffo.admin.catalogue.InstanceService;
import dev.diffo.admin.domain.InstanceQuery;
import dev.diffo.admin.domain.InstanceRow;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.Specification;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The instances table on the command line: pages of a version's instances, and creating one. */
@Command(name = "instances", description = "List a specification version's instances a page at a time (filters, order), or create one (--create).")
public class InstancesCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    private final Provider<CatalogueService> catalogue;
    private final Provider<InstanceService> instanceService;

    @Inject
    public InstancesCommand(Provider<CatalogueService> catalogue, Provider<InstanceService> instanceService) {
        this.catalogue = catalogue;
        this.instanceService = instanceService;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Specification name, e.g. broadband.") String name;
    @Option(names = "--major", required = true, paramLabel = "MAJOR", description = "Its major, e.g. 1.") long major;
    @Option(names = "--name-contains", paramLabel = "TEXT", description = "Only instances whose name contains TEXT (any case).") String nameContains;
    @Option(names = "--rsp", paramLabel = "RSP", description = "Only this RSP's instances: a party key or name prefix (a party name only when one party has it).") String rsp;
    @Option(names = "--value", paramLabel = "KEY=VALUE", description = "Only instances with this characteristic value, e.g. broadband.technology=fttb.") String value;
    @Option(names = "--sort", defaultValue = "name", paramLabel = "ORDER", description = "name, id, state or created (default ${DEFAULT-VALUE}).") String sort;
    @Option(names = "--desc", description = "Descending order.") boolean descending;
    @Option(names = "--page-size", defaultValue = "" + InstanceQuery.DEFAULT_PAGE_SIZE, description = "Rows per page (default ${DEFAULT-VALUE}).") int pageSize;
    @Option(names = "--pages", defaultValue = "1", description = "How many pages to print (default ${DEFAULT-VALUE}).") int pages;
    @Option(names = "--create", paramLabel = "INSTANCE-NAME", description = "Create an instance of this name on the version instead (with --set).") String create;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A value of the instance to create, e.g. broadband.technology=fttn; repeatable.") List<String> set = List.of();

    @Override
    public Integer call() {
        context.connect();
        PrintWriter out = spec.commandLine().getOut();
        Specification version = catalogue.get().require(name, major);
        InstanceService instances = instanceService.get();
        if (create != null) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : set) {
                String[] kv = split(pair, "--set");
                values.put(kv[0], kv[1]);
            }
            String uuid = instances.create(version.uuid(), create, values);
            out.printf("created %s (%s) on %s %s%n", create, uuid, version.name(), version.version());
            out.flush();
            return 0;
        }
        String[] kv = value == null ? new String[] {null, null} : split(value, "--value");
        String owner = rsp == null ? null : instances.resolveRsp(version, rsp).key();
        InstanceQuery query = new InstanceQuery(version.uuid(), nameContains, owner, kv[0], kv[1], sort(sort), descending, pageSize);
        long n = instances.count(query);
        out.printf("%s %s: %,d instance%s%s%n", version.name(), version.version(), n, n == 1 ? "" : "s",
                query.filtered() ? (n == 1 ? " matches" : " match") : "");
        InstanceQuery.Cursor after = null;
        for (int page = 1; page <= pages; page++) {
            InstanceQuery.Page rows = instances.page(query, after);
            for (InstanceRow row : rows.rows()) {
                out.printf("%-28s %s  %-8s %-10s %s%n", row.name(), row.uuid(), row.owner() == null ? "-" : row.owner().display(), row.state() == null ? "-" : row.state(), row.valuesText());
            }
            if (!rows.hasMore()) {
                break;
            }
            after = rows.next(query.sort());
            if (page == pages) {
                out.printf("… more: --pages %d shows the next page too%n", pages + 1);
            }
        }
        out.flush();
        return 0;
    }

    private static String[] split(String pair, String option) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
            throw new InvalidInputException(option + " " + pair + " is not KEY=VALUE", "Write it as broadband.technology=fttn.");
        }
        return new String[] {pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()};
    }

    private static InstanceQuery.Sort sort(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "name" -> InstanceQuery.Sort.NAME;
            case "id", "uuid" -> InstanceQuery.Sort.ID;
            case "state" -> InstanceQuery.Sort.STATE;
            case "created", "createdat" -> InstanceQuery.Sort.CREATED;
            default -> throw new InvalidInputException("--sort " + text + " is not an order", "Use name, id, state or created.");
        };
    }
}
