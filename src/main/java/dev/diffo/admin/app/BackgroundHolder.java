package dev.diffo.admin.app;

import dev.diffo.admin.common.Durations;
import dev.diffo.admin.domain.DiffoAdminException;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps the embedded store open between commands: a command that finds no process holding its store starts one in
 * the background ({@code serve --idle D}, the same program with the same JVM options) and talks to it over Bolt, so
 * that the next command on that data directory takes seconds instead of a store start and stop. The holder stops by
 * itself once no command has used the store for {@code D} ({@link Store#holdUntilIdle}); {@code serve --stop} stops it
 * at once. A holder that does not come up is not waited on forever: the command then opens the store itself.
 */
final class BackgroundHolder {

    /** The {@code --keep-open} given when none is: ten minutes after the last command. */
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);
    /** Seconds a command waits for the holder it started to publish its address; default 180 (a loaded machine). */
    static final String WAIT_PROPERTY = "diffo.keepOpen.waitSeconds";
    /** Where the holder's own console goes (its log proper is the data directory's usual one). */
    static final String CONSOLE_FILE = "keep-open-console.txt";

    private static final Logger LOG = Logger.getLogger(BackgroundHolder.class.getName());
    /** JVM options that must not be passed on: agents (a debugger's port, coverage), a recording, an AOT cache being written. */
    private static final List<String> NOT_PASSED_ON = List.of("-javaagent", "-agentlib", "-agentpath", "-XX:AOTCacheOutput", "-XX:AOTMode=record",
            "-XX:AOTConfiguration", "-XX:StartFlightRecording", "-XX:FlightRecorderOptions", "-Xdebug", "-Xrunjdwp");

    private BackgroundHolder() {
    }

    /**
     * The holder's command line: the installed launcher when this process is one (jpackage names it in
     * {@code jpackage.app-path}: the same runtime, options and AOT cache), else this JVM with its options (less those in
     * {@link #NOT_PASSED_ON}) and class path, as {@code -jar} when this JVM was started so (the jar's manifest grants
     * native access only then); then {@code --data-dir DIR serve --idle D}.
     */
    static List<String> command(Path dataDirectory, Duration idle, String appPath, String javaHome, List<String> jvmOptions, String classPath,
                                boolean asJar) {
        List<String> command = new ArrayList<>();
        if (appPath != null && !appPath.isBlank()) {
            command.add(appPath);
        } else {
            command.add(Path.of(javaHome, "bin", "java").toString());
            jvmOptions.stream().filter(o -> NOT_PASSED_ON.stream().noneMatch(o::startsWith)).forEach(command::add);
            command.addAll(asJar ? List.of("-jar", classPath) : List.of("-cp", classPath, Launcher.class.getName()));
        }
        command.addAll(List.of("--data-dir", dataDirectory.toString(), "serve", "--idle", Durations.format(idle)));
        return command;
    }

    private static List<String> command(Path dataDirectory, Duration idle) {
        return command(dataDirectory, idle, System.getProperty("jpackage.app-path"), System.getProperty("java.home"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"), launchedAsJar());
    }

    /** Whether this JVM was started with {@code -jar} (the launcher names the jar where it would name the main class). */
    private static boolean launchedAsJar() {
        String classPath = System.getProperty("java.class.path", "");
        String command = System.getProperty("sun.java.command", "");
        return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator) && (command.equals(classPath) || command.startsWith(classPath + " "));
    }

    /**
     * Starts a holder for {@code dataDirectory} and waits until it publishes its address (or ends, or the wait runs
     * out): the store it holds, else empty (the caller then opens the store itself, and says why if that fails too).
     * The holder is detached from this terminal where {@code setsid} exists, its console in {@link #CONSOLE_FILE}.
     */
    static Optional<HeldStore.Held> start(Path dataDirectory, Duration idle) {
        List<String> command = new ArrayList<>(command(dataDirectory, idle));
        File setsid = new File("/usr/bin/setsid");
        if (setsid.canExecute()) {
            command.addFirst(setsid.getPath());
        }
        Process holder;
        try {
            PrivateFiles.prepareDirectory(dataDirectory);
            Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
                    .redirectOutput(logs.resolve(CONSOLE_FILE).toFile())
                    .redirectErrorStream(true);
            // what the installed launcher hands its JVM (_JPACKAGE_LAUNCHER…): a launcher that finds it takes the
            // arguments for the JVM's own ("Unrecognized option: --data-dir")
            builder.environment().keySet().removeIf(name -> name.toUpperCase(Locale.ROOT).contains("JPACKAGE"));
            holder = builder.start();
        } catch (IOException | RuntimeException e) {
            LOG.warning("Could not start a process to keep the store open (" + e.getMessage() + "); opening it here");
            return Optional.empty();
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong(WAIT_PROPERTY, 180));
        while (System.nanoTime() < until) {
            Optional<HeldStore.Held> held = HeldStore.find(dataDirectory);
            if (held.isPresent()) {
                return held;
            }
            if (!holder.isAlive()) {
                // setsid forks and exits at once: follow its child, the JVM, by the note alone
                if (holder.exitValue() != 0 || !setsid.getPath().equals(command.getFirst())) {
                    LOG.warning("The process started to keep the store open ended (exit " + holder.exitValue() + "; its console: "
                            + dataDirectory.resolve("logs").resolve(CONSOLE_FILE) + "; its command: " + String.join(" ", command) + "); opening the store here");
                    return Optional.empty();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        LOG.warning("The process started to keep the store open did not publish its address in time; opening the store here");
        return Optional.empty();
    }

    /**
     * Stops the process that holds the store of {@code dataDirectory} open (as Ctrl+C would: its store is closed
     * cleanly) and waits for it to end: its pid, or empty when no live process holds it. A process that is not a Java
     * program or diffo-admin's launcher is never signalled (a note whose process id was reused).
     */
    static OptionalLong stop(Path dataDirectory, Duration wait) throws InterruptedException {
        Optional<HeldStore.Held> held = HeldStore.find(dataDirectory);
        if (held.isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(held.get().pid())
                .filter(p -> p.info().command().map(c -> c.contains("java") || c.contains("diffo-admin")).orElse(true));
        if (process.isEmpty()) {
            return OptionalLong.empty();
        }
        process.get().destroy();
        try {
            process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new DiffoAdminException("diffo-admin process " + held.get().pid() + " holding the store at " + dataDirectory
                    + " did not stop within " + Durations.format(wait), "It may be finishing a command's work; try again, or stop it with kill "
                    + held.get().pid() + ".");
        }
        return OptionalLong.of(held.get().pid());
    }
}
