package dev.diffo.admin.common;

/** Dialogs and notifications, behind an interface so ViewModels can be tested with a fake (STYLE S8). */
public interface DialogService {

    void showError(String title, Throwable error);

    void showInformation(String title, String message);

    /**
     * Asks before a bulk or destructive step. {@code message} says what will happen, with the counts;
     * {@code actionLabel} is the action's verb and object ("Withdraw v1"), never "OK". Cancel is the default
     * button: Enter or Escape does nothing. True only when the action button was chosen.
     */
    boolean confirm(String title, String message, String actionLabel);
}
