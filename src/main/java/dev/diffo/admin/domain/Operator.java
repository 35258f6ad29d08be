package dev.diffo.admin.domain;

/** Who the history says made a change: a configured operator name, else the OS user. */
public record Operator(String name) {
    public Operator {
        name = name == null || name.isBlank() ? "unknown" : name.strip();
    }
}
