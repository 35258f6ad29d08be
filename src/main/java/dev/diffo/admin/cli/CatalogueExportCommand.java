package dev.diffo.admin.cli;

import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.exchange.ExchangeService;
import dev.diffo.admin.exchange.TmfVersion;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code catalogue export}: every specification version as TMF633/TMF634 JSON. */
@Command(name = "export", description = {"Write every specification version as TM Forum TMF633/TMF634 JSON (a list of ServiceSpecification /"
        + " ResourceSpecification): id, href, name, version, description, category, lifecycleStatus (current → Active, frozen → Retired,"
        + " withdrawn → Obsolete), lastUpdate and one characteristic per allowed-values rule (broadband.technology)."})
public class CatalogueExportCommand implements Callable<Integer> {

    @ParentCommand
    CatalogueCommand parent;

    @Spec
    CommandSpec spec;

    private final Provider<ExchangeService> exchange;

    @Inject
    public CatalogueExportCommand(Provider<ExchangeService> exchange) {
        this.exchange = exchange;
    }

    @Option(names = "--name", paramLabel = "NAME", description = "Only this specification's majors.")
    String name;

    @Option(names = "--major", paramLabel = "N", description = "Only this major (with --name).")
    Long major;

    @Option(names = "--tmf", paramLabel = "4|5", description = "TMF release of the field names: 4 (default) or 5.")
    int tmf = 4;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path file;

    @Option(names = "--overwrite", description = "Replace FILE if it exists (otherwise an existing file is refused).")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        TmfVersion release = TmfVersion.of(tmf);
        if (major != null && (name == null || name.isBlank())) {
            throw new InvalidInputException("--major needs --name", "Give the specification's name too, e.g. --name broadband --major 2.");
        }
        if (file != null) {
            CliChecks.outputFile(file);
            if (Files.exists(file) && !overwrite) {
                throw new InvalidInputException(file + " exists", "Give another --out, or --overwrite to replace it. Nothing was written.");
            }
        }
        parent.context.connect();
        ExchangeService.Export export = exchange.get().export(name, major, release);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (file == null) {
            out.print(export.json());
        } else {
            CliChecks.writeAtomically(file, writer -> writer.write(export.json()));
            out.printf("Wrote %d specification version%s to %s (TMF%s v%d)%n", export.specifications(), export.specifications() == 1 ? "" : "s", file,
                    "633/634", tmf);
        }
        export.notes().forEach(note -> err.println("note: " + note));
        out.flush();
        err.flush();
        return 0;
    }
}
