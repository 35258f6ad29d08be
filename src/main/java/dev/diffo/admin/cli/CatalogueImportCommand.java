package dev.diffo.admin.cli;

import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.exchange.ExchangeService;
import dev.diffo.admin.exchange.ImportPlan;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code catalogue import}: a TMF633/TMF634 document into the catalogue, through the versioning checks and history. */
@Command(name = "import", description = {"Import a TMF633/TMF634 specification or list: creates the {name, major} that do not exist (at the"
        + " document's version), records the allowed values of those that have none, adds new values as the next minor; refuses a"
        + " narrowing, never overwrites a version. Prints the plan first; a document with a refused specification writes nothing."})
public class CatalogueImportCommand implements Callable<Integer> {

    @ParentCommand
    CatalogueCommand parent;

    @Spec
    CommandSpec spec;

    private final Provider<ExchangeService> exchange;

    @Inject
    public CatalogueImportCommand(Provider<ExchangeService> exchange) {
        this.exchange = exchange;
    }

    @Parameters(paramLabel = "FILE", description = "The TMF JSON document.")
    Path file;

    @Option(names = "--dry-run", description = "Only print what would be created, recorded and refused; write nothing.")
    boolean dryRun;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why: recorded in the history (default: imported from FILE).")
    String reason;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + " is not a file", "Give the path of a TMF JSON document.");
        }
        String json = Files.readString(file);
        parent.context.connect();
        ImportPlan plan = exchange.get().preview(json, file.getFileName().toString());
        PrintWriter out = spec.commandLine().getOut();
        out.println(plan.describe());
        if (dryRun) {
            out.println("Dry run: nothing was written.");
            out.flush();
            return plan.refuses() ? 1 : 0;
        }
        out.flush();
        ExchangeService.Result result = exchange.get().importPlan(plan, reason);
        if (result.done().isEmpty()) {
            out.println("Nothing to import: every specification is as the document says.");
        }
        result.done().forEach(line -> out.println("done: " + line));
        out.flush();
        return 0;
    }
}
