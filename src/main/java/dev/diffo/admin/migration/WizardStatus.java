package dev.diffo.admin.migration;

import dev.diffo.admin.common.Errors;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the wizard's steps share: whether one of them is working (a check, a run: the others wait), and the report
 * every step writes to (a check refused, a dry run's counts, a run's verification, any error as a message).
 */
@Singleton
public class WizardStatus {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");

    @Inject
    public WizardStatus() {
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    boolean isBusy() {
        return busy.get();
    }

    void busy(boolean working) {
        busy.set(working);
    }

    void report(String text) {
        report.set(text);
    }

    /** Adds a line under what the report says. */
    void reportMore(String line) {
        report.set(report.get().isEmpty() ? line : report.get() + System.lineSeparator() + line);
    }

    /** Work failed: nothing is busy any more, and the report says what happened and what to do. */
    void failed(Throwable error) {
        busy.set(false);
        report.set(Errors.describe(error));
    }
}
