package dev.diffo.admin.support;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.diffo.admin.app.AppModule;
import dev.diffo.admin.app.EmbeddedNeo4j;
import dev.diffo.admin.app.FxModule;
import dev.diffo.admin.app.Store;
import dev.diffo.admin.common.ConnectionState;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.ConnectionSettings;
import dev.diffo.admin.repository.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real embedded Neo4j per test JVM (it takes seconds to start), reached over Bolt exactly as the app
 * reaches it. Before each test the data is wiped and a fresh injector is built around the shared
 * connection, so every test gets new ViewModels and services over the same store. Test methods may ask
 * for {@link Injector}, {@link TestGraph}, {@link ConnectionInfo}, or any class the injector provides.
 */
public final class Neo4jExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Neo4jExtension.class);

    /** The JVM-wide store, closed when the test run ends. */
    static final class Shared implements AutoCloseable {
        final Path dataDirectory;
        final ConnectionSettings settings;
        final Database database = new Database();
        final Store store;
        final ConnectionInfo info;

        Shared() throws IOException {
            dataDirectory = Files.createTempDirectory("diffo-admin-it");
            settings = ConnectionSettings.embedded(dataDirectory);
            store = new Store(database, settings, new EmbeddedNeo4j.Options(128L * 1024 * 1024));
            info = store.connect(settings);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, type -> {
            try {
                return new Shared();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, Shared.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Shared shared = shared(context);
        new TestGraph(shared.database).wipe();
        Injector injector = Guice.createInjector(Modules.override(new AppModule(shared.settings, new EmbeddedNeo4j.Options(0)), new FxModule())
                .with(binder -> {
                    binder.bind(Database.class).toInstance(shared.database);
                    binder.bind(Store.class).toInstance(shared.store);
                }));
        injector.getInstance(ConnectionState.class).connected(shared.info);
        context.getStore(NAMESPACE).put(Injector.class, injector);
    }

    private static Injector injector(ExtensionContext context) {
        Injector injector = context.getStore(NAMESPACE).get(Injector.class, Injector.class);
        if (injector == null) {
            throw new IllegalStateException("Neo4jExtension builds the injector before each test; parameters are only resolved for test methods");
        }
        return injector;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Injector.class || type == TestGraph.class || type == ConnectionInfo.class || type.getName().startsWith("dev.diffo.admin.");
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Shared shared = shared(context);
        if (type == TestGraph.class) {
            return new TestGraph(shared.database);
        }
        if (type == ConnectionInfo.class) {
            return shared.info;
        }
        if (type == ConnectionSettings.class) {
            return shared.settings;
        }
        if (type == StoreCredentials.class) {
            return new StoreCredentials(shared.info.uri(), EmbeddedPassword.read(shared.dataDirectory));
        }
        return injector(context).getInstance(type);
    }
}
