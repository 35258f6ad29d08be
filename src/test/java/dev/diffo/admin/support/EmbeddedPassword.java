package dev.diffo.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class EmbeddedPassword {
    private EmbeddedPassword() {
    }

    static char[] read(Path dataDirectory) {
        try {
            return Files.readString(dataDirectory.resolve("neo4j-password")).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
