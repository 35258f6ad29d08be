package dev.diffo.admin.app;

import com.google.inject.Injector;
import dev.diffo.admin.common.Views;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads {@code XView.fxml} beside {@code XView.class}, with controllers (and nested includes) built by Guice. */
@Singleton
public class ViewLoader implements Views {

    private final Injector injector;

    @Inject
    public ViewLoader(Injector injector) {
        this.injector = injector;
    }

    public record Loaded<C>(Parent root, C controller) {
    }

    @Override
    public <C> Views.Loaded<C> loadView(Class<C> viewClass) {
        Loaded<C> loaded = load(viewClass);
        return new Views.Loaded<>(loaded.root(), loaded.controller());
    }

    public <C> Loaded<C> load(Class<C> viewClass) {
        URL fxml = viewClass.getResource(viewClass.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("no FXML for " + viewClass.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, null, null, injector::getInstance);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, viewClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }
}
