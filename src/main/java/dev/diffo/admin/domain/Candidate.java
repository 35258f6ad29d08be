package dev.diffo.admin.domain;

import java.util.List;

/** An instance in a batch, read after its lock was taken. */
public record Candidate(String elementId, String uuid, String name, List<StoredCharacteristic> characteristics) {
}
