package dev.diffo.admin.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A diffo-admin command in a JVM of its own, as a user runs it: for the tests of what happens across processes (a
 * store held by another, a child killed mid-run, the packaged jar's console).
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** This JDK's {@code java}. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code java … -cp <this test's class path> Launcher ARGS}, with the options the README gives and the driver's
     * connect timeout raised (a loaded build machine: 5 s to reach a store just started are not enough there).
     */
    static List<String> launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(java(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx512m",
                "-D" + Drivers.CONNECT_TIMEOUT_PROPERTY + "=120",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A builder for {@code command} with none of this environment's diffo-admin settings or JVM options, and its user
     * data under {@code home} (a stored profile or preference of the machine's user is never read).
     */
    static ProcessBuilder builder(List<String> command, Path home) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DIFFO_ADMIN_") || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        builder.environment().put("XDG_DATA_HOME", home.resolve("xdg").toString());
        return builder;
    }
}
