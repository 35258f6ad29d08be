package dev.diffo.admin.cli;

import dev.diffo.admin.catalogue.ReadSchemaService;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.ReadIndex;
import dev.diffo.admin.domain.Recount;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Rebuilds the instance counts diffo-admin keeps from the graph (after diffo, or anyone, created, respecified or
 * deleted instances behind the app's back), creating the read indexes first when they are missing.
 */
@Command(name = "recount", description = "Rebuild the instance counts diffo-admin keeps from the graph (after diffo wrote instances), and create its read indexes.")
public class RecountCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    @Spec
    CommandSpec spec;

    private final Provider<ReadSchemaService> readSchema;

    @Inject
    public RecountCommand(Provider<ReadSchemaService> readSchema) {
        this.readSchema = readSchema;
    }

    @Override
    public Integer call() {
        context.connect();
        PrintWriter out = spec.commandLine().getOut();
        List<Recount> done = readSchema.get().recount(TaskRunner.Progress.NONE);
        for (Recount r : done) {
            out.printf("%s: %,d instances in %,d counts (%,d ms)%n", r.specificationUuid(), r.instances(), r.counts(), r.millis());
        }
        out.printf("recounted %,d instances of %d specification(s)%n", done.stream().mapToLong(Recount::instances).sum(), done.size());
        for (ReadIndex index : readSchema.get().indexes()) {
            if (!index.online()) {
                out.println(index.describe());
            }
        }
        out.flush();
        return 0;
    }
}
