package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Key;
import dev.diffo.admin.cli.CatalogueCommand;
import dev.diffo.admin.cli.MigrateCommand;
import dev.diffo.admin.cli.SpecCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The commands are built by the injector (constructor injection, no service locator), before the arguments are
 * parsed: so building them must not read the connection settings, which come from the parsed root options.
 */
class GuiceCommandFactoryTest {

    final CommandLine cli = Launcher.commandLine(Map.of());
    final Launcher.RootCommand root = (Launcher.RootCommand) cli.getCommand();

    @Test
    void everyCommandOfOursIsBuiltByTheInjector() {
        for (CommandLine sub : cli.getSubcommands().values()) {
            Object command = sub.getCommand();
            if (command.getClass().getName().startsWith("dev.diffo.admin.")) {
                assertThat(root.injector.getAllBindings()).as("%s made by Guice", command.getClass().getSimpleName())
                        .containsKey(Key.get(command.getClass()));
            }
        }
        assertThat((Object) cli.getSubcommands().get("catalogue").getCommand()).isInstanceOf(CatalogueCommand.class);
        assertThat((Object) cli.getSubcommands().get("migrate").getCommand()).isInstanceOf(MigrateCommand.class);
        assertThat((Object) cli.getSubcommands().get("spec").getCommand()).isInstanceOf(SpecCommand.class);
    }

    @Test
    void buildingTheCommandsReadsNoSettings() {
        assertThatThrownBy(root::settings).isInstanceOf(IllegalStateException.class).hasMessageContaining("before the command line was parsed");
    }

    @Test
    void aParsedCommandLineHasItsSettings() {
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(cli.execute("help", "catalogue")).isZero();
        assertThat(root.settings()).isNotNull();
        root.close();
    }
}
