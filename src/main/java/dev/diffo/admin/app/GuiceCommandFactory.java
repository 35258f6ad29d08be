package dev.diffo.admin.app;

import com.google.inject.Injector;
import picocli.CommandLine;

/**
 * picocli's factory backed by the injector: our commands are built by Guice and get their services by constructor
 * injection; whatever else picocli instantiates (collections, converters, its help command) comes from its default
 * factory. picocli builds every command before it parses the arguments, so nothing a command injects may read the
 * connection settings at construction (the launcher binds them to the parsed options, and refuses an early read).
 */
final class GuiceCommandFactory implements CommandLine.IFactory {

    private final Injector injector;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    GuiceCommandFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.isAnnotationPresent(CommandLine.Command.class) && type.getName().startsWith("dev.diffo.admin.")) {
            return injector.getInstance(type);
        }
        return fallback.create(type);
    }
}
