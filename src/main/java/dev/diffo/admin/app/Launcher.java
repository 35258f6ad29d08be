package dev.diffo.admin.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.diffo.admin.cli.BenchmarkCommand;
import dev.diffo.admin.cli.GraphBenchmarkCommand;
import dev.diffo.admin.cli.InstancesBenchmarkCommand;
import dev.diffo.admin.cli.InstancesCommand;
import dev.diffo.admin.cli.CatalogueCommand;
import dev.diffo.admin.cli.CommandContext;
import dev.diffo.admin.cli.DemoCommand;
import dev.diffo.admin.cli.MigrateCommand;
import dev.diffo.admin.cli.SpecCommand;
import dev.diffo.admin.common.CatalogueSettings;
import dev.diffo.admin.common.Connector;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.domain.DiffoAdminException;
import java.util.Map;
import java.util.concurrent.Callable;
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
        int code = commandLine(System.getenv()).execute(args);
        System.exit(code);
    }

    static CommandLine commandLine(Map<String, String> env) {
        RootCommand root = new RootCommand(env);
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
            commandLine.getErr().println(t instanceof DiffoAdminException known ? "error: " + known.describe() : "error: " + error);
            commandLine.getErr().flush();
            return 2;
        });
        cli.setParameterExceptionHandler(new CommandLineSecrets(cli.getParameterExceptionHandler()));
        CommandLine.IExecutionStrategy run = cli.getExecutionStrategy();
        cli.setExecutionStrategy(parseResult -> {
            root.parsed();
            return run.execute(parseResult);
        });
        return cli;
    }

    @Command(name = "diffo-admin", mixinStandardHelpOptions = true, version = "diffo-admin 0.1.0",
            description = "Administer a TMF service catalogue stored in Neo4j in diffo's graph shape. With no command, opens the desktop app.",
            subcommands = {CatalogueCommand.class, DemoCommand.class, SpecCommand.class, MigrateCommand.class, InstancesCommand.class, BenchmarkCommand.class, InstancesBenchmarkCommand.class, GraphBenchmarkCommand.class, CommandLine.HelpCommand.class})
    static final class RootCommand implements Callable<Integer>, CommandContext, AutoCloseable {

        @Mixin
        StartupOptions options = new StartupOptions();

        private final Map<String, String> env;
        /** The services; built before parsing (picocli makes the commands first), its settings read from the parsed options. */
        final Injector injector;
        private boolean parsed;
        private ConnectionSettings settings;
        private volatile boolean connected;

        RootCommand(Map<String, String> env) {
            this.env = env;
            this.injector = Guice.createInjector(new AppModule(this::settings, EmbeddedNeo4j.Options.defaults()));
        }

        synchronized void parsed() {
            parsed = true;
        }

        /** No command: the desktop app. */
        @Override
        public Integer call() {
            DesktopApp.run(settings(), options.rspRole(env));
            return 0;
        }

        /** The global options resolved once (a password may be prompted for); only after parsing, never while the commands are built. */
        synchronized ConnectionSettings settings() {
            if (!parsed) {
                throw new IllegalStateException("The connection settings were read before the command line was parsed; "
                        + "a command must not need them (nor the store) when it is built");
            }
            if (settings == null) {
                settings = options.resolve(env);
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
            Connector connector = injector.getInstance(Connector.class);
            return connector.connect(connector.startupSettings());
        }

        @Override
        public void close() {
            injector.getInstance(WorkerPool.class).close();
            if (connected) {
                injector.getInstance(Store.class).close();
            }
        }
    }
}
