package dev.diffo.admin.common;

/** Dialogs and notifications, behind an interface so ViewModels can be tested with a fake (STYLE S8). */
public interface DialogService {

    void showError(String title, Throwable error);

    void showInformation(String title, String message);

    boolean confirm(String title, String message);
}
