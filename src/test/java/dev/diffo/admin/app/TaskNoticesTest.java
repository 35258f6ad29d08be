package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.app.Navigation.Screen;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.MigrationRun;
import dev.diffo.admin.exchange.ExchangeService;
import dev.diffo.admin.migration.DryRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** What the notification says when a background task ends, and where its link leads. */
class TaskNoticesTest {

    static FxTaskRunner.Finished ok(String title, Object result, long millis) {
        return new FxTaskRunner.Finished(title, result, null, Duration.ofMillis(millis));
    }

    static MigrationRun run(MigrationRun.Kind kind, MigrationRun.Status status, long migrated, long excluded) {
        return MigrationRun.builder().uuid("r1").kind(kind).rsp("acme").sourceUuid("s").targetUuid("t").sourceVersion("v1.0.0").targetVersion("v2.0.0")
                .status(status).total(migrated + excluded).migrated(migrated).excluded(excluded).build();
    }

    @Test
    void aCompletedRunSaysHowManyMovedAndWereExcludedAndHowLongItTookAndLeadsToTheWizard() {
        TaskNotices.Notice notice = TaskNotices.of(ok("Migrating", run(MigrationRun.Kind.RUN, MigrationRun.Status.COMPLETED, 2, 0), 39_812)).orElseThrow();
        assertThat(notice.text()).isEqualTo("Run completed: 2 moved, 0 excluded · 39.8 s");
        assertThat(notice.screen()).isEqualTo(Screen.MIGRATION);
        assertThat(notice.failed()).isFalse();
    }

    @Test
    void aPausedRunAndAnUndoAreToldAsSuch() {
        assertThat(TaskNotices.of(ok("Migrating", run(MigrationRun.Kind.RUN, MigrationRun.Status.PAUSED, 5_000, 1), 125_000)).orElseThrow().text())
                .isEqualTo("Run paused: 5,000 moved, 1 excluded · 2 min 05 s");
        assertThat(TaskNotices.of(ok("Undoing", run(MigrationRun.Kind.UNDO, MigrationRun.Status.COMPLETED, 2, 0), 1_200)).orElseThrow().text())
                .isEqualTo("Undo completed: 2 moved back · 1.2 s");
    }

    @Test
    void aDryRunAndAnImportAreToldEvenWhenQuick() {
        DryRun dry = new DryRun(2, 2, 0, 0, 0, List.of(), List.of(), 2);
        assertThat(TaskNotices.of(ok("Dry run", dry, 300)).orElseThrow().text()).isEqualTo("Dry run: 2 would move, 0 would be excluded · 0.3 s");
        TaskNotices.Notice imported = TaskNotices.of(ok("Importing a.json", new ExchangeService.Result(List.of("created x", "recorded y")), 2_000)).orElseThrow();
        assertThat(imported.text()).isEqualTo("Import completed: 2 changes · 2.0 s");
        assertThat(imported.screen()).isEqualTo(Screen.CATALOGUE);
    }

    @Test
    void otherTasksAreToldOnlyWhenTheyRanLong() {
        assertThat(TaskNotices.of(ok("Counting instances", 1_000_000L, 2_000))).isEmpty();
        TaskNotices.Notice slow = TaskNotices.of(ok("Counting instances", 1_000_000L, 12_300)).orElseThrow();
        assertThat(slow.text()).isEqualTo("Counting instances completed · 12.3 s");
        assertThat(slow.screen()).isNull();
    }

    @Test
    void aFailedRunIsToldWithItsReasonAndACancelledTaskIsNot() {
        TaskNotices.Notice failed = TaskNotices.of(new FxTaskRunner.Finished("Migrating", null,
                new DiffoAdminException("The connection to Neo4j was lost", "Reconnect, then resume the run."), Duration.ofSeconds(4))).orElseThrow();
        assertThat(failed.failed()).isTrue();
        assertThat(failed.title()).isEqualTo("Migrating failed");
        assertThat(failed.text()).startsWith("The connection to Neo4j was lost").endsWith(" · 4.0 s");
        assertThat(TaskNotices.of(new FxTaskRunner.Finished("Migrating", null, new CancellationException("x"), Duration.ofSeconds(4)))).isEmpty();
    }
}
