package dev.diffo.admin.domain;

/**
 * One of diffo-admin's read indexes as the database reports it: its name, what it serves ("pages by state"),
 * its state ({@code ONLINE}, {@code POPULATING}, {@code FAILED}, or {@code MISSING} when it is not there) and how far
 * its population is (0..100).
 */
public record ReadIndex(String name, String serves, String state, double populationPercent) {

    public boolean online() {
        return "ONLINE".equals(state);
    }

    /** e.g. "pages by state: index populating (42 %)", "pages by state: no index yet". */
    public String describe() {
        return switch (state) {
            case "ONLINE" -> serves + ": index online";
            case "POPULATING" -> String.format("%s: index populating (%.0f %%)", serves, populationPercent);
            case "MISSING" -> serves + ": no index yet";
            default -> serves + ": index " + state.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
