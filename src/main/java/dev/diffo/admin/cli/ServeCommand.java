package dev.diffo.admin.cli;

import dev.diffo.admin.domain.ConnectionInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Keeps the embedded store open so that commands on the same data directory use it over Bolt instead of each starting
 * (and stopping) the store: for scripts of several commands. The window does the same while it is open.
 */
@Command(name = "serve", description = {
        "Keep the embedded store open until stopped (Ctrl+C, kill) or for --minutes, so that commands on the same --data-dir "
                + "use it instead of starting the store each time (seconds instead of ten or more). The window shares its store the same way."})
public class ServeCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "N", description = "Stop after N minutes (default: until stopped).")
    Long minutes;

    @Override
    public Integer call() throws InterruptedException {
        if (minutes != null && minutes <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--minutes must be 1 or more, not " + minutes);
        }
        ConnectionInfo info = context.connect();
        PrintWriter out = spec.commandLine().getOut();
        if (!info.embedded()) {
            spec.commandLine().getErr().println("error: serve keeps the embedded store open; this session is connected to a server (" + info.uri() + ")");
            spec.commandLine().getErr().println("Leave out --uri/--profile, or give --data-dir DIR.");
            return 2;
        }
        if (info.heldBy() > 0) {
            out.println("The store is already held open by diffo-admin process " + info.heldBy() + " (" + info.uri() + "); commands on it use that one.");
            out.flush();
            return 1;
        }
        out.println("Serving the embedded store on " + info.uri() + " to diffo-admin commands on the same data directory"
                + (minutes == null ? "; Ctrl+C (or kill " + ProcessHandle.current().pid() + ") stops it." : " for " + minutes + " minute(s)."));
        out.flush();
        CountDownLatch never = new CountDownLatch(1);
        if (minutes == null) {
            never.await();
        } else {
            never.await(Duration.ofMinutes(minutes).toMillis(), TimeUnit.MILLISECONDS);
            out.println("Stopped after " + minutes + " minute(s).");
            out.flush();
        }
        return 0;
    }
}
