package dev.diffo.admin.ui;

import javafx.beans.value.ObservableValue;
import impl.org.controlsfx.skin.DecorationPane;
import javafx.scene.Node;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * ControlsFX validation decorations driven by a ViewModel's messages (S7): the rules and the words stay in the
 * ViewModel; a View only says which control a message belongs to. A control shows an error graphic (its tooltip the
 * message) while its message is not empty, and none once it is.
 */
public final class Decorations {

    private final ValidationSupport support = new ValidationSupport();

    public Decorations() {
        support.setValidationDecorator(new GraphicValidationDecoration());
    }

    /** Decorates {@code control} while {@code message} holds a sentence (null or blank: no decoration). */
    public Decorations error(Control control, ObservableValue<String> message) {
        boolean registered = support.registerValidator(control, false, (Control c, Object value) -> {
            String text = message.getValue();
            return ValidationResult.fromErrorIf(c, text, text != null && !text.isBlank());
        });
        if (!registered) {
            // ControlsFX validates only controls it can read a value of (a Spinner's is its editor): say so, not nothing
            throw new IllegalArgumentException("ControlsFX cannot validate a " + control.getClass().getSimpleName() + "; decorate its editor");
        }
        // the message changes without the control's value changing (a lookup answered, a refusal came back)
        message.subscribe(text -> support.revalidate(control));
        return this;
    }

    /**
     * Shows the decorations before the user changed anything (ControlsFX waits for a first change): for a choice that
     * must be made before anything can go on, such as a remedy the check asks for.
     */
    public Decorations shownAtOnce() {
        support.initInitialDecoration();
        return this;
    }

    /**
     * {@code content} in a layer that draws the decorations of the fields under it. Without one ControlsFX makes itself
     * the scene's root on the first decoration, moving the window's own root under it: after that a theme change
     * left part of the window (the status bar, a details pane, empty table rows) in the old theme's colours.
     */
    public static Node layer(Node content) {
        DecorationPane layer = new DecorationPane();
        layer.setRoot(content);
        return layer;
    }

    /** Whether any decorated control has an error now (tests and the View may ask). */
    public boolean invalid() {
        return Boolean.TRUE.equals(support.isInvalid());
    }

    public ValidationSupport support() {
        return support;
    }
}
