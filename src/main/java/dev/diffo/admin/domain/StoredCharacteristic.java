package dev.diffo.admin.domain;

/** A characteristic of an instance as stored: its node, its name and its JSON value. */
public record StoredCharacteristic(String elementId, String name, String value) {
}
