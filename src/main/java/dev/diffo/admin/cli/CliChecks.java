package dev.diffo.admin.cli;

import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Identifiers;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.MigrationPlan;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The command line's input checks, made before anything is read or written, and its careful file output. */
final class CliChecks {
    private CliChecks() {
    }

    /** Refused before connecting: a batch size outside 1..{@link MigrationPlan#MAX_BATCH_SIZE}. */
    static void batchSize(int batchSize) {
        if (batchSize < 1 || batchSize > MigrationPlan.MAX_BATCH_SIZE) {
            throw new InvalidInputException("--batch-size " + batchSize + " is out of range",
                    String.format("Use 1 to %,d (default %d). Nothing was read or written.", MigrationPlan.MAX_BATCH_SIZE, MigrationPlan.DEFAULT_BATCH_SIZE));
        }
    }

    /** A run id is a UUID4 (as {@code migrate runs} lists them). */
    static void runId(String run) {
        if (!Identifiers.isUuid4(run)) {
            throw new InvalidInputException("'" + Identifiers.shown(run) + "' is not a run id",
                    "Run ids are UUIDs as listed by: diffo-admin migrate runs --name NAME --major N. Nothing was read or written.");
        }
    }

    /** A file {@code --out} may name: not a directory, in a directory that exists. */
    static void outputFile(Path file) {
        if (file.toString().isBlank()) {
            throw new InvalidInputException("--out is empty", "Give a file name, or leave --out out to write to standard output.");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("--out " + file + " is a directory", "Give a file name.");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("The directory of --out " + file + " does not exist", "Create it first, or write elsewhere.");
        }
    }

    interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file beside {@code file} and moves it into place only when all of it was
     * written: a failure (an unknown run, a lost connection) leaves an existing file exactly as it was.
     */
    static void writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            if (e instanceof IOException io) {
                throw new DiffoAdminException("Cannot write " + file + ": " + io.getMessage(), "Check the path and its permissions. " + file + " was left as it was.", io);
            }
            throw e;
        }
    }
}
