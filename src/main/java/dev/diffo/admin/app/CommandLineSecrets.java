package dev.diffo.admin.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code --password} takes no value (it prompts). A password typed after it by mistake makes the command line
 * fail to parse, and picocli's message would echo it ("Unmatched argument … 'secret'"): this handler says what
 * happened without ever printing what followed {@code --password}.
 */
final class CommandLineSecrets implements CommandLine.IParameterExceptionHandler {

    private final CommandLine.IParameterExceptionHandler fallback;

    CommandLineSecrets(CommandLine.IParameterExceptionHandler fallback) {
        this.fallback = fallback;
    }

    /**
     * What may be a password in {@code args}: the token after {@code --password} unless it is an option or one of the
     * {@code commands} ({@code --password catalogue} prompts, then lists), and {@code --password=…}'s value.
     */
    static List<String> suspects(String[] args, java.util.Set<String> commands) {
        List<String> suspects = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--password") && i + 1 < args.length && !args[i + 1].startsWith("-") && !commands.contains(args[i + 1])) {
                suspects.add(args[i + 1]);
            } else if (args[i].startsWith("--password=")) {
                suspects.add(args[i].substring("--password=".length()));
            }
        }
        suspects.removeIf(String::isEmpty);
        return suspects;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) throws Exception {
        List<String> suspects = suspects(args, ex.getCommandLine().getSubcommands().keySet());
        if (suspects.isEmpty()) {
            return fallback.handleParseException(ex, args);
        }
        return refuse(ex.getCommandLine().getErr());
    }

    /** The refusal, which never shows what followed {@code --password}; exit code 2. */
    static int refuse(PrintWriter err) {
        err.println("error: --password takes no value: it asks for the password at a prompt (what followed it is not shown here)");
        err.println("Run again with nothing after --password, or set DIFFO_ADMIN_PASSWORD. It may now be in your shell history: consider changing that password.");
        err.flush();
        return 2;
    }
}
