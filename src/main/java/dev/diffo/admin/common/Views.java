package dev.diffo.admin.common;

/** Loads a view (its FXML beside the class) with a controller built by the injector; implemented in {@code app}. */
public interface Views {

    <C> Loaded<C> loadView(Class<C> viewClass);

    /** A loaded view: its root node (typed as Object so that this seam needs no scene graph) and its controller. */
    record Loaded<C>(Object root, C controller) {
    }
}
