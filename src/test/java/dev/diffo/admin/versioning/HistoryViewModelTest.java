package dev.diffo.admin.versioning;

import dev.diffo.admin.common.CurrentAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.ManualTaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.SpecificationSnapshot;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.VersionEvent;
import dev.diffo.admin.repository.FakeVersioningRepository;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A name's history and the difference between two of its versions, without a toolkit or a database. */
class HistoryViewModelTest {

    static final String V1 = "a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5";
    static final String V2 = "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";

    static List<CharacteristicRule> technologies(String... allowed) {
        return List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of(allowed), false));
    }

    static SpecificationSnapshot snapshot(String version, String description, List<CharacteristicRule> rules) {
        return new SpecificationSnapshot(version, description, "Access", SpecificationStatus.CURRENT, rules);
    }

    static VersionEvent event(String name, String uuid, long major, VersionEvent.Action action, SpecificationSnapshot before, SpecificationSnapshot after) {
        return new VersionEvent("e-" + after.version(), name, uuid, major, action, before == null ? null : before.version(), after.version(), before, after,
                "ops", null, ZonedDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC));
    }

    final FakeVersioningRepository repository = new FakeVersioningRepository();
    HistoryViewModel history = new HistoryViewModel(new VersioningService(repository, new Operator("ops"), new CurrentAccess()), new ImmediateTaskRunner());

    /** broadband: v1.0.0 created, v1.1.0 adds fw, v2.0.0 drops fttb (and says so in its description). */
    void broadbandHistory() {
        SpecificationSnapshot v100 = snapshot("v1.0.0", "Broadband", technologies("fttb", "fttp"));
        SpecificationSnapshot v110 = snapshot("v1.1.0", "Broadband", technologies("fttb", "fttp", "fw"));
        SpecificationSnapshot v200 = snapshot("v2.0.0", "Broadband without fttb", technologies("fttp", "fw"));
        repository.events.addAll(List.of(
                event("broadband", V1, 1, VersionEvent.Action.CREATED, null, v100),
                event("broadband", V1, 1, VersionEvent.Action.MINOR, v100, v110),
                event("broadband", V2, 2, VersionEvent.Action.MAJOR_PUBLISHED, null, v200)));
    }

    @Test
    void withoutANameItAsksForOne() {
        assertThat(history.titleProperty().get()).isEqualTo("Select a specification to see its history");
        assertThat(history.eventsProperty()).isEmpty();
    }

    @Test
    void aNameShowsItsChangesAcrossMajors() {
        broadbandHistory();

        history.nameProperty().set("broadband");

        assertThat(history.titleProperty().get()).isEqualTo("History of broadband: 3 entries");
        assertThat(history.eventsProperty()).extracting(VersionEvent::headline)
                .containsExactly("v1.0.0 created", "v1.0.0 → v1.1.0 minor", "v2.0.0 published");
    }

    @Test
    void theVersionsAreOfferedOldestFirstAndTheLastTwoAreCompared() {
        broadbandHistory();

        history.nameProperty().set("broadband");

        assertThat(history.versionsProperty()).containsExactly("v1.0.0", "v1.1.0", "v2.0.0");
        assertThat(history.fromProperty().get()).isEqualTo("v1.1.0");
        assertThat(history.toProperty().get()).isEqualTo("v2.0.0");
        assertThat(history.diffProperty().get()).isEqualTo(String.join("\n",
                "v1.1.0 → v2.0.0",
                "~ description: \"Broadband\" → \"Broadband without fttb\"",
                "− value broadband.technology = fttb"));
    }

    @Test
    void choosingTwoVersionsShowsWhatChangedBetweenThem() {
        broadbandHistory();
        history.nameProperty().set("broadband");

        history.fromProperty().set("v1.0.0");
        history.toProperty().set("v1.1.0");

        assertThat(history.diffProperty().get()).isEqualTo("v1.0.0 → v1.1.0\n+ value broadband.technology = fw");
    }

    @Test
    void aVersionComparedWithItselfHasNoDifference() {
        broadbandHistory();
        history.nameProperty().set("broadband");

        history.fromProperty().set("v2.0.0");

        assertThat(history.diffProperty().get()).isEqualTo("v2.0.0 → v2.0.0\nno difference");
    }

    @Test
    void versionsAreOrderedByNumberNotText() {
        SpecificationSnapshot v190 = snapshot("v1.9.0", "Broadband", technologies("fttb"));
        SpecificationSnapshot v1100 = snapshot("v1.10.0", "Broadband", technologies("fttb", "fw"));
        repository.events.addAll(List.of(
                event("broadband", V1, 1, VersionEvent.Action.MINOR, null, v1100),
                event("broadband", V1, 1, VersionEvent.Action.MINOR, null, v190)));

        history.nameProperty().set("broadband");

        assertThat(history.versionsProperty()).containsExactly("v1.9.0", "v1.10.0");
    }

    @Test
    void aNameWithoutRecordedChangesSaysWhy() {
        history.nameProperty().set("router");

        assertThat(history.titleProperty().get()).isEqualTo("No history for router");
        assertThat(history.diffProperty().get()).isEmpty();
    }

    @Test
    void aFailedReadIsShownInTheTitle() {
        FakeVersioningRepository broken = new FakeVersioningRepository() {
            @Override
            public List<VersionEvent> history(String name) {
                throw new DiffoAdminException("Lost the connection to Neo4j", "Reconnect.");
            }
        };
        history = new HistoryViewModel(new VersioningService(broken, new Operator("ops"), new CurrentAccess()), new ImmediateTaskRunner());

        history.nameProperty().set("broadband");

        assertThat(history.titleProperty().get()).isEqualTo("History of broadband: Lost the connection to Neo4j");
    }

    @Test
    void theHistoryOfANameNoLongerSelectedIsDropped() {
        broadbandHistory();
        ManualTaskRunner tasks = new ManualTaskRunner();
        history = new HistoryViewModel(new VersioningService(repository, new Operator("ops"), new CurrentAccess()), tasks);
        history.nameProperty().set("broadband");
        history.nameProperty().set("router");

        tasks.runNewest();
        tasks.runAll();

        assertThat(history.titleProperty().get()).startsWith("No history for router");
        assertThat(history.eventsProperty()).isEmpty();
    }
}
