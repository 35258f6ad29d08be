package dev.diffo.admin.app;

import dev.diffo.admin.app.Navigation.Screen;
import dev.diffo.admin.common.Errors;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.exchange.ExchangeService;
import dev.diffo.admin.migration.Check;
import dev.diffo.admin.migration.DryRun;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * What a notification says when a background task ends: a migration run, resume or undo, a dry run, a check and an
 * import always (the user may have gone to another screen meanwhile); any other task only when it ran long. Each
 * names the screen that shows the result. No scene graph: the main window shows the notice.
 */
final class TaskNotices {

    /** Tasks shorter than this end without a notification unless they are one of the kinds above. */
    static final Duration LONG = Duration.ofSeconds(10);

    private static final Set<String> MIGRATION_TITLES = Set.of("Migrating", "Resuming", "Undoing", "Dry run");

    /** {@code screen}: where the result is shown (the notification's link); null for none. */
    record Notice(String title, String text, Screen screen, boolean failed) {
    }

    private TaskNotices() {
    }

    static Optional<Notice> of(FxTaskRunner.Finished finished) {
        String took = took(finished.took());
        if (finished.error() != null) {
            if (finished.error() instanceof CancellationException) {
                return Optional.empty();
            }
            boolean notable = MIGRATION_TITLES.contains(finished.title()) || finished.title().startsWith("Checking ")
                    || finished.title().startsWith("Importing ") || finished.took().compareTo(LONG) >= 0;
            return notable ? Optional.of(new Notice(finished.title() + " failed", Errors.headline(finished.error()) + " · " + took,
                    finished.title().startsWith("Importing ") ? Screen.CATALOGUE : MIGRATION_TITLES.contains(finished.title())
                            || finished.title().startsWith("Checking ") ? Screen.MIGRATION : null, true)) : Optional.empty();
        }
        return switch (finished.result()) {
            case MigrationRun run -> Optional.of(run(run, took));
            case DryRun dry -> Optional.of(new Notice("Migration", String.format(Locale.ROOT, "Dry run: %,d would move, %,d would be excluded · %s",
                    dry.wouldMigrate(), dry.wouldExclude(), took), Screen.MIGRATION, false));
            case Check check -> Optional.of(new Notice("Migration", String.format(Locale.ROOT, "Check: %,d selected, %,d need remediation · %s",
                    check.selected(), check.needingRemediation(), took), Screen.MIGRATION, false));
            case ExchangeService.Result imported -> Optional.of(new Notice("Import", String.format(Locale.ROOT, "Import completed: %,d %s · %s",
                    imported.done().size(), imported.done().size() == 1 ? "change" : "changes", took), Screen.CATALOGUE, false));
            case null, default -> finished.took().compareTo(LONG) >= 0
                    ? Optional.of(new Notice(finished.title() + " completed", finished.title() + " completed · " + took, null, false))
                    : Optional.empty();
        };
    }

    private static Notice run(MigrationRun run, String took) {
        boolean undo = run.kind() == MigrationRun.Kind.UNDO;
        String what = undo ? "Undo" : "Run";
        String state = switch (run.status()) {
            case COMPLETED, UNDONE -> "completed";
            case PAUSED -> "paused";
            case RUNNING, INTERRUPTED -> "stopped";
        };
        String text = undo
                ? String.format(Locale.ROOT, "%s %s: %,d moved back · %s", what, state, run.migrated(), took)
                : String.format(Locale.ROOT, "%s %s: %,d moved, %,d excluded · %s", what, state, run.migrated(), run.excluded(), took);
        return new Notice("Migration", text, Screen.MIGRATION, false);
    }

    /** "39.8 s", "2 min 05 s". */
    static String took(Duration took) {
        long millis = took.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }
}
