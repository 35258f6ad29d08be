package dev.diffo.admin.domain;

import java.util.Map;

/** What to do with one instance: leave it (excluded, and why), or move it with these characteristic values rewritten. */
public record Decision(boolean exclude, String reason, Map<String, String> newValues) {
    public Decision(boolean exclude, Map<String, String> newValues) {
        this(exclude, null, newValues);
    }

    public static Decision excluded(String reason) {
        return new Decision(true, reason, Map.of());
    }
}
