package dev.diffo.admin.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.diffo.admin.cli.BenchmarkCommand;
import dev.diffo.admin.cli.GraphBenchmarkCommand;
import dev.diffo.admin.cli.ReadinessBenchmarkCommand;
import dev.diffo.admin.cli.InstancesBenchmarkCommand;
import dev.diffo.admin.cli.RecountCommand;
import dev.diffo.admin.cli.ServeCommand;
import dev.diffo.admin.cli.InstancesCommand;
import dev.diffo.admin.cli.CatalogueCommand;
import dev.diffo.admin.cli.CommandContext;
import dev.diffo.admin.cli.DemoCommand;
import dev.diffo.admin.cli.MigrateCommand;
import dev.diffo.admin.cli.SpecCommand;
import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The one entry point: with no command it opens the desktop app; {@code catalogue}, {@code demo}, … run
 * headless against the same services.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Guice's generated fast classes are defined through sun.misc.Unsafe (a JVM warning on JDK 24+); we use no
        // method interception, so it builds objects by reflection instead. Set before the first Guice class loads.
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
        CommandLine cli = commandLine(System.getenv(), true);
        int code = cli.execute(args);
        // the store closed (and handed to a holder, --keep-open) before the exit, so that the notice can still be printed
        ((RootCommand) cli.getCommand()).close();
        System.exit(code);
    }

    static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, false);
    }

    /** {@code logToFile}: a real run logs to the data directory's file (tests keep the console). */
    static CommandLine commandLine(Map<String, String> env, boolean logToFile) {
        RootCommand root = new RootCommand(env, logToFile);
        CommandLine cli = new CommandLine(root, new GuiceCommandFactory(root.injector)) {
            @Override
            public int execute(String... args) {
                // before parsing: picocli would first prompt for --password, then echo what followed it
                return CommandLineSecrets.suspects(args, getSubcommands().keySet()).isEmpty() ? super.execute(args) : CommandLineSecrets.refuse(getErr());
            }
        };
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            Throwable t = error;
            while (t.getCause() != null && !(t instanceof DiffoAdminException)) {
                t = t.getCause();
            }
            if (t instanceof DiffoAdminException known) {
                commandLine.getErr().println("error: " + known.describe());
            } else {
                // not one of ours: the one line here, the stack trace in the log
                Logger.getLogger(Launcher.class.getName()).log(Level.SEVERE, "diffo-admin " + String.join(" ", parseResult.originalArgs()) + " failed", error);
                commandLine.getErr().println("error: " + t);
                commandLine.getErr().println(root.logFile == null ? "This is a fault in diffo-admin; please report it with the command you ran."
                        : "This is a fault in diffo-admin; the details are in " + root.logFile + ". Please report it with that file.");
            }
            commandLine.getErr().flush();
            return 2;
        });
        cli.setParameterExceptionHandler(new CommandLineSecrets(Launcher::parameterError));
        withHelpEverywhere(cli);
        CommandLine.IExecutionStrategy run = cli.getExecutionStrategy();
        cli.setExecutionStrategy(parseResult -> {
            root.parsed();
            CommandLine.ParseResult sub = parseResult.subcommand();
            root.keepsStoreOpen = sub != null && KEEPS_STORE_OPEN.contains(sub.commandSpec().name());
            root.err = cli.getErr();
            if (logToFile && !helpRequested(parseResult) && !root.options.dataDirectory(env).toString().isBlank()) {
                root.logFile = AppLog.install(root.options.dataDirectory(env).toAbsolutePath());
            }
            return run.execute(parseResult);
        });
        return cli;
    }

    /**
     * {@code --help}/{@code -h} and {@code --version}/{@code -V} on every command and subcommand, whoever adds them
     * (a command declares only its own options).
     */
    static void withHelpEverywhere(CommandLine cli) {
        CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
        if (!spec.optionsMap().containsKey("--help")) {
            spec.mixinStandardHelpOptions(true);
        }
        if (spec.versionProvider() == null) {
            spec.versionProvider(new Versions());
        }
        cli.getSubcommands().values().stream().distinct().forEach(Launcher::withHelpEverywhere);
    }

    /** {@code --help} or {@code --version} anywhere on the line: answered without touching the data directory. */
    private static boolean helpRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested() || level.isVersionHelpRequested() || level.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return true;
            }
        }
        return false;
    }

    /** A command line that does not parse: one line saying what is wrong, one saying where the options are told. */
    static int parameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine failed = ex.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("error: " + ex.getMessage());
        List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException unmatched ? unmatched.getSuggestions() : List.of();
        err.println((suggestions.isEmpty() ? "" : "Did you mean " + String.join(" or ", suggestions) + "? ")
                + "Try '" + failed.getCommandSpec().qualifiedName() + " --help' for its commands and options.");
        err.flush();
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * The commands after which the embedded store is kept open in the background ({@code --keep-open}): the short ones
     * a user or script types one after another. Never {@code serve} (it is the holder) nor the benchmarks (their
     * figures are of a store in their own process).
     */
    static final java.util.Set<String> KEEPS_STORE_OPEN = java.util.Set.of("catalogue", "demo", "spec", "migrate", "instances", "recount");

    @Command(name = "diffo-admin", mixinStandardHelpOptions = true, versionProvider = Versions.class,
            description = "Administer a TMF service catalogue stored in Neo4j in diffo's graph shape. With no command, opens the desktop app.",
            subcommands = {CatalogueCommand.class, DemoCommand.class, SpecCommand.class, MigrateCommand.class, InstancesCommand.class, BenchmarkCommand.class, InstancesBenchmarkCommand.class, GraphBenchmarkCommand.class, ReadinessBenchmarkCommand.class, RecountCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
    static final class RootCommand implements Callable<Integer>, CommandContext, AutoCloseable {

        @Mixin
        StartupOptions options = new StartupOptions();

        private final Map<String, String> env;
        /** The services; built before parsing (picocli makes the commands first), its settings read from the parsed options. */
        final Injector injector;
        private boolean parsed;
        private ConnectionSettings settings;
        private volatile boolean connected;
        /** The log file of a real run (null in tests, or when it could not be made). */
        volatile Path logFile;
        /** A real run (not a test's): the store is kept open after a command unless told otherwise. */
        private final boolean realRun;
        /** Whether the command parsed is one after which the store is kept open ({@link #KEEPS_STORE_OPEN}). */
        volatile boolean keepsStoreOpen;
        /** Where the command line's messages go (the notice that the store is kept open). */
        volatile PrintWriter err;
        /** How long the store is kept open after this command ({@link #connect}: the option, the environment, the default). */
        private volatile java.time.Duration keepOpen = java.time.Duration.ZERO;
        private boolean closed;

        RootCommand(Map<String, String> env) {
            this(env, false);
        }

        RootCommand(Map<String, String> env, boolean realRun) {
            this.env = env;
            this.realRun = realRun;
            this.injector = Guice.createInjector(new AppModule(this::settings, EmbeddedNeo4j.Options.defaults()));
        }

        synchronized void parsed() {
            parsed = true;
        }

        /** No command: the desktop app. */
        @Override
        public Integer call() {
            DesktopApp.run(desktopSettings(), options.rspRole(env), logFile);
            return 0;
        }

        /** The desktop's settings: as a command's, and when nothing names a server, the profile used last. */
        synchronized ConnectionSettings desktopSettings() {
            if (settings == null) {
                parsed();
                settings = options.resolve(env, injector.getInstance(dev.diffo.admin.common.Profiles.class), true);
            }
            return settings;
        }

        /** The global options resolved once (a password may be prompted for); only after parsing, never while the commands are built. */
        synchronized ConnectionSettings settings() {
            if (!parsed) {
                throw new IllegalStateException("The connection settings were read before the command line was parsed; "
                        + "a command must not need them (nor the store) when it is built");
            }
            if (settings == null) {
                settings = options.resolve(env, injector.getInstance(dev.diffo.admin.common.Profiles.class), false);
            }
            return settings;
        }

        @Override
        public ConnectionInfo connect() {
            settings();
            if (!connected) {
                connected = true;
                String role = options.rspRole(env);
                if (role != null) {
                    injector.getInstance(CatalogueSettings.class).rspRole(role);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(this::close, "diffo-admin-shutdown"));
            }
            Store store = injector.getInstance(Store.class);
            keepOpen = keepsStoreOpen ? options.keepOpen(env, realRun ? BackgroundHolder.DEFAULT_IDLE : java.time.Duration.ZERO) : java.time.Duration.ZERO;
            store.keepOpen(keepOpen);
            return store.connect(store.startupSettings());
        }

        @Override
        public boolean holdUntilIdle(java.time.Duration idle, java.time.Duration atMost) throws InterruptedException {
            return injector.getInstance(Store.class).holdUntilIdle(idle, atMost) == BackgroundHolder.HoldEnd.IDLE;
        }

        @Override
        public java.util.OptionalLong stopHolder() throws InterruptedException {
            return BackgroundHolder.stop(dataDirectory(), java.time.Duration.ofSeconds(60));
        }

        @Override
        public Path dataDirectory() {
            return options.dataDirectory(env).toAbsolutePath();
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            injector.getInstance(WorkerPool.class).close();
            if (connected) {
                Store store = injector.getInstance(Store.class);
                store.close();
                store.startedHolder().ifPresent(pid -> {
                    if (err != null) {
                        err.println("The store stays open in the background for " + dev.diffo.admin.common.Durations.format(keepOpen)
                                + " after the last command (diffo-admin process " + pid + "), so that the next command on it takes seconds. 'diffo-admin --data-dir "
                                + dataDirectory() + " serve --stop' stops it now; --keep-open 0 (or DIFFO_ADMIN_KEEP_OPEN=0) never keeps it open.");
                        err.flush();
                    }
                });
            }
        }
    }
}
