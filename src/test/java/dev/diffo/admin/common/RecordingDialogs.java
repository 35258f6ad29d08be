package dev.diffo.admin.common;

import java.util.ArrayList;
import java.util.List;

/** A DialogService for ViewModel tests: records what would have been shown, and answers confirmations as the test says. */
public final class RecordingDialogs implements DialogService {
    /** "title: message" of each error shown. */
    public final List<String> errors = new ArrayList<>();
    /** "title: message" of each confirmation asked. */
    public final List<String> confirmations = new ArrayList<>();
    /** The action button's label of each confirmation asked ("Withdraw v1"). */
    public final List<String> actions = new ArrayList<>();
    /** "title: message" of each information shown. */
    public final List<String> informations = new ArrayList<>();
    public boolean answer = true;

    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + error.getMessage());
    }

    @Override
    public void showInformation(String title, String message) {
        informations.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String actionLabel) {
        confirmations.add(title + ": " + message);
        actions.add(actionLabel);
        return answer;
    }
}
