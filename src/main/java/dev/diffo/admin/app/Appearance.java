package dev.diffo.admin.app;

import java.util.Arrays;
import java.util.Optional;

/** The window's look, chosen in View → Theme and remembered: AtlantaFX's Primer light or dark, or whichever the OS uses. */
public enum Appearance {
    LIGHT("Light"), DARK("Dark"), SYSTEM("Follow the system");

    private final String label;

    Appearance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What {@link #name()} gave back; empty for anything else (a preference written by another version, say). */
    static Optional<Appearance> parse(String stored) {
        return Arrays.stream(values()).filter(a -> a.name().equals(stored)).findFirst();
    }
}
