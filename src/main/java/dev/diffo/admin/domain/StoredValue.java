package dev.diffo.admin.domain;

/** A characteristic value as stored: the characteristic's name and its JSON value. */
public record StoredValue(String name, String value) {
}
