package dev.diffo.admin.cli;

import dev.diffo.admin.common.Durations;
import dev.diffo.admin.domain.ConnectionInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Keeps the embedded store open so that commands on the same data directory use it over Bolt instead of each starting
 * (and stopping) the store: for scripts of several commands. The window does the same while it is open, and a command
 * starts one with {@code --idle} by itself ({@code --keep-open}).
 */
@Command(name = "serve", description = {
        "Keep the embedded store open until stopped (Ctrl+C, kill, serve --stop), for --minutes, or until no command has used it for --idle, "
                + "so that commands on the same --data-dir use it instead of starting the store each time (seconds instead of ten or more). "
                + "The window shares its store the same way, and a command keeps the store open by itself for --keep-open (10m)."})
public class ServeCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "N", description = "Stop after N minutes (default: until stopped).")
    Long minutes;

    @Option(names = "--idle", paramLabel = "TIME", description = "Stop once no command has used the store for TIME (10m, 90s, 1h): no connection and no command begun.")
    String idle;

    @Option(names = "--stop", description = "Stop the process that holds this data directory's store open (serve, or one a command started), and wait for it to close the store.")
    boolean stop;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (stop) {
            if (minutes != null || idle != null) {
                throw new ParameterException(spec.commandLine(), "--stop takes neither --minutes nor --idle");
            }
            OptionalLong stopped = context.stopHolder();
            out.println(stopped.isPresent() ? "Stopped diffo-admin process " + stopped.getAsLong() + "; the store at " + context.dataDirectory() + " is closed."
                    : "No diffo-admin process holds the store at " + context.dataDirectory() + " open.");
            out.flush();
            return 0;
        }
        if (minutes != null && minutes <= 0) {
            throw new ParameterException(spec.commandLine(), "--minutes must be 1 or more, not " + minutes);
        }
        Duration idleFor = idle == null ? null : Durations.parse(idle, "--idle");
        if (idleFor != null && idleFor.isZero()) {
            throw new ParameterException(spec.commandLine(), "--idle must be more than 0, not " + idle);
        }
        ConnectionInfo info = context.connect();
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
                + (minutes == null ? "" : " for " + minutes + " minute(s)")
                + (idleFor == null ? "" : (minutes == null ? "" : ",") + " until no command has used it for " + Durations.format(idleFor))
                + "; Ctrl+C, kill " + ProcessHandle.current().pid() + " or serve --stop stops it.");
        out.flush();
        boolean wasIdle = context.holdUntilIdle(idleFor, minutes == null ? null : Duration.ofMinutes(minutes));
        out.println(wasIdle ? "Stopped: no command used the store for " + Durations.format(idleFor) + "." : "Stopped after " + minutes + " minute(s).");
        out.flush();
        return 0;
    }
}
