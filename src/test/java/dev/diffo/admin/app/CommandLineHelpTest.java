package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command and subcommand answers {@code --help} and {@code -h}, found from picocli's model of the command
 * line (not a list kept here), so a command added later is covered too. Nothing connects: help is told before any
 * command runs.
 */
class CommandLineHelpTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Launcher.commandLine(Map.of());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Each command's path below the root ([] is the root itself), walked from the model. */
    static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(Launcher.commandLine(Map.of()), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) { // each command once, not once per alias
                List<String> below = new ArrayList<>(path);
                below.add(name);
                collect(sub, below, paths);
            }
        });
    }

    static Stream<Arguments> everyCommandWithEachHelpOption() {
        return commandPaths().stream().flatMap(path -> Stream.of(Arguments.of(path, "--help"), Arguments.of(path, "-h")));
    }

    @Test
    void theModelHoldsTheCommandsAndTheirSubcommands() {
        List<List<String>> paths = commandPaths();

        // a floor, not the list: the walk must reach nested subcommands (spec …, migrate …)
        assertThat(paths).contains(List.of(), List.of("catalogue"), List.of("spec", "create"), List.of("migrate", "undo"));
    }

    @ParameterizedTest(name = "diffo-admin {0} {1}")
    @MethodSource("everyCommandWithEachHelpOption")
    void everyCommandAnswersHelpWithItsUsage(List<String> path, String helpOption) {
        List<String> args = new ArrayList<>(path);
        args.add(helpOption);

        Run help = run(args.toArray(String[]::new));

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).contains("Usage: " + String.join(" ", Stream.concat(Stream.of("diffo-admin"), path.stream()).toList()));
    }

    @Test
    void versionNamesTheAppTheDriverAndTheEmbeddedStore() {
        Run version = run("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("diffo-admin " + Versions.app())
                .containsPattern("Neo4j Java driver \\d+\\.\\d+\\.\\d+")
                .containsPattern("embedded Neo4j \\d{4}\\.\\d+\\.\\d+")
                .contains("server: not connected");
        assertThat(Versions.app()).isNotEqualTo("unknown");
    }

    @Test
    void anUnknownOptionIsOneLineWithAHintToHelp() {
        Run wrong = run("catalogue", "--jsn");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).startsWith("error: Unknown option: '--jsn'")
                .contains("Try 'diffo-admin catalogue --help'")
                .doesNotContain("Usage:");
    }
}
