package dev.diffo.admin.app;

import dev.diffo.admin.common.Durations;
import dev.diffo.admin.domain.DiffoAdminException;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
 * Keeps the embedded store open between commands: a command that opened the store itself hands it, once it has
 * closed it, to a process started in the background ({@code serve --idle D}, the same program with the same JVM
 * options), so that the next command on that data directory talks to it over Bolt and takes seconds instead of a
 * store start and stop, while the first command takes no longer than before. The holder stops by itself once no command
 * has used the store for {@code D} ({@link Store#holdUntilIdle}); {@code serve --stop} stops it at once. While the
 * holder starts, its process id is in {@link #STARTING_FILE}: a command that comes then waits for it rather than race
 * it for the store's lock.
 */
final class BackgroundHolder {

    /** The {@code --keep-open} given when none is: ten minutes after the last command. */
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);
    /** Seconds a command waits for a holder that is starting to publish its address; default 180 (a loaded machine). */
    static final String WAIT_PROPERTY = "diffo.keepOpen.waitSeconds";
    /** Where the holder's own console goes (its log proper is the data directory's usual one). */
    static final String CONSOLE_FILE = "keep-open-console.txt";
    /** The process id of a holder that is starting, until it has published its address. */
    static final String STARTING_FILE = "store-holder-starting";

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
     * Starts a holder for {@code dataDirectory} (whose store this process has just closed) and returns at once: its
     * process id, or empty when it could not be started (the next command then opens the store itself). The holder is
     * detached from this terminal where {@code setsid} exists, its console in {@link #CONSOLE_FILE}.
     */
    static OptionalLong spawn(Path dataDirectory, Duration idle) {
        List<String> command = new ArrayList<>(command(dataDirectory, idle));
        File setsid = new File("/usr/bin/setsid");
        if (setsid.canExecute()) {
            command.addFirst(setsid.getPath());
        }
        try {
            Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
                    .redirectOutput(logs.resolve(CONSOLE_FILE).toFile())
                    .redirectErrorStream(true);
            // what the installed launcher hands its JVM (_JPACKAGE_LAUNCHER…): a launcher that finds it takes the
            // arguments for the JVM's own ("Unrecognized option: --data-dir")
            builder.environment().keySet().removeIf(name -> name.toUpperCase(Locale.ROOT).contains("JPACKAGE"));
            Process holder = builder.start();
            Files.writeString(dataDirectory.resolve(STARTING_FILE), Long.toString(holder.pid()), StandardCharsets.UTF_8);
            LOG.info("Started diffo-admin process " + holder.pid() + " to keep the store open: " + String.join(" ", command));
            return OptionalLong.of(holder.pid());
        } catch (IOException | RuntimeException e) {
            LOG.warning("Could not start a process to keep the store open (" + e.getMessage() + "; its command: " + String.join(" ", command) + ")");
            return OptionalLong.empty();
        }
    }

    /**
     * When a holder is starting for {@code dataDirectory} ({@link #STARTING_FILE} names a live process), waits until
     * it publishes its address, ends, or the wait runs out: the store it holds, else empty.
     */
    static Optional<HeldStore.Held> awaitStarting(Path dataDirectory) {
        Optional<ProcessHandle> starting = startingHolder(dataDirectory);
        if (starting.isEmpty()) {
            return Optional.empty();
        }
        Optional<HeldStore.Held> held = HeldStore.await(() -> HeldStore.find(dataDirectory), Duration.ofSeconds(Long.getLong(WAIT_PROPERTY, 180)),
                starting.get()::isAlive);
        return held.isPresent() || Thread.currentThread().isInterrupted() ? held : HeldStore.find(dataDirectory);
    }

    /** The holder named in {@link #STARTING_FILE}, while it is alive and a Java program or diffo-admin's launcher. */
    private static Optional<ProcessHandle> startingHolder(Path dataDirectory) {
        try {
            Path file = dataDirectory.resolve(STARTING_FILE);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
            // the holder itself, opening the store, waits for no one
            return ProcessHandle.of(pid).filter(p -> p.pid() != ProcessHandle.current().pid()).filter(ProcessHandle::isAlive).filter(BackgroundHolder::ours);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Removes {@link #STARTING_FILE} when it names this process: called by the holder once it has published its address. */
    static void started(Path dataDirectory) {
        Path file = dataDirectory.resolve(STARTING_FILE);
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.fine("Could not remove " + file + ": " + e.getMessage());
        }
    }

    /** A process that may be ours: a Java program or diffo-admin's launcher (not a process id reused by another program). */
    private static boolean ours(ProcessHandle p) {
        return p.info().command().map(c -> c.contains("java") || c.contains("diffo-admin") || c.contains("setsid")).orElse(true);
    }

    /**
     * Stops the process that holds the store of {@code dataDirectory} open (as Ctrl+C would: its store is closed
     * cleanly) and waits for it to end: its pid, or empty when no live process holds it. A process that is not a Java
     * program or diffo-admin's launcher is never signalled (a note whose process id was reused).
     */
    static OptionalLong stop(Path dataDirectory, Duration wait) throws InterruptedException {
        // one that holds the store, or one that is starting to (stopped once it has opened the store: a stop in the
        // middle of its start would leave the store to be recovered at its next start)
        Optional<ProcessHandle> process = HeldStore.find(dataDirectory).or(() -> awaitStarting(dataDirectory))
                .flatMap(held -> ProcessHandle.of(held.pid())).filter(BackgroundHolder::ours);
        if (process.isEmpty()) {
            return OptionalLong.empty();
        }
        long pid = process.get().pid();
        process.get().destroy();
        try {
            process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new DiffoAdminException("diffo-admin process " + pid + " holding the store at " + dataDirectory
                    + " did not stop within " + Durations.format(wait), "It may be finishing a command's work; try again, or stop it with kill " + pid + ".");
        }
        return OptionalLong.of(pid);
    }

    /** Why {@link #holdUntilIdle} returned. */
    enum HoldEnd { IDLE, TIME_UP }

    private static final long IDLE_POLL_MILLIS = 500;

    /**
     * Holds {@code held} open until no other process has used it for {@code idle} (no Bolt connection open to it, no
     * command's use noted on the address file: {@link HeldStore#touch}), or until {@code atMost} has passed (null: no
     * limit). Idle, the address is withdrawn first so that no new command finds it, then the connections are looked at
     * once more: a command that came in between keeps the store open. The caller's own driver must be closed (a closed
     * connection leaves the server's list within moments, and only delays the idle stop by that).
     */
    static HoldEnd holdUntilIdle(EmbeddedNeo4j held, Duration idle, Duration atMost) throws InterruptedException {
        Path dir = held.dataDirectory();
        started(dir);
        long start = System.nanoTime();
        long lastUse = start;
        while (true) {
            long now = System.nanoTime();
            if (atMost != null && now - start >= atMost.toNanos()) {
                return HoldEnd.TIME_UP;
            }
            if (!held.boltConnections().isEmpty()) {
                lastUse = now;
            }
            lastUse = Math.max(lastUse, now - HeldStore.sinceTouched(dir).toNanos());
            if (idle != null && now - lastUse >= idle.toNanos()) {
                HeldStore.withdraw(dir);
                if (held.boltConnections().isEmpty()) {
                    return HoldEnd.IDLE;
                }
                HeldStore.publish(dir, held.boltUri());
                lastUse = now;
            }
            Thread.sleep(IDLE_POLL_MILLIS);
        }
    }
}
