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
        CommandLine cli = new CommandLine(new RootCommand(env)) {
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
        return cli;
    }

    @Command(name = "diffo-admin", mixinStandardHelpOptions = true, version = "diffo-admin 0.1.0",
            description = "Administer a TMF service catalogue stored in Neo4j in diffo's graph shape. With no command, opens the desktop app.",
            subcommands = {CatalogueCommand.class, DemoCommand.class, SpecCommand.class, MigrateCommand.class, InstancesCommand.class, BenchmarkCommand.class, InstancesBenchmarkCommand.class, GraphBenchmarkCommand.class, CommandLine.HelpCommand.class})
    static final class RootCommand implements Callable<Integer>, CommandContext, AutoCloseable {

        @Mixin
        StartupOptions options = new StartupOptions();

        private final Map<String, String> env;
        private Injector injector;

        RootCommand(Map<String, String> env) {
            this.env = env;
        }

        /** No command: the desktop app. */
        @Override
        public Integer call() {
            DesktopApp.run(settings(), options.rspRole(env));
            return 0;
        }

        ConnectionSettings settings() {
            return options.resolve(env);
        }

        private Injector injector() {
            if (injector == null) {
                ConnectionSettings settings = settings();
                String role = options.rspRole(env);
                injector = Guice.createInjector(new AppModule(settings, EmbeddedNeo4j.Options.defaults()));
                if (role != null) {
                    injector.getInstance(CatalogueSettings.class).rspRole(role);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(this::close, "diffo-admin-shutdown"));
            }
            return injector;
        }

        @Override
        public ConnectionInfo connect() {
            Connector connector = injector().getInstance(Connector.class);
            return connector.connect(connector.startupSettings());
        }

        @Override
        public <T> T service(Class<T> type) {
            return injector().getInstance(type);
        }

        @Override
        public void close() {
            if (injector != null) {
                injector.getInstance(Store.class).close();
            }
        }
    }
}
