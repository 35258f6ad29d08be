package dev.diffo.admin.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diffo.admin.domain.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsMinutesSecondsAndHoursAsTypedAndOffAsZero() {
        assertThat(Durations.parse("10", "--keep-open")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("10m", "--keep-open")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse(" 90s ", "--keep-open")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2H", "--keep-open")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("0", "--keep-open")).isZero();
        assertThat(Durations.parse("off", "--keep-open")).isZero();
    }

    @Test
    void somethingElseIsRefusedNamingTheOptionAndTheForms() {
        assertThatThrownBy(() -> Durations.parse("10 minutes", "DIFFO_ADMIN_KEEP_OPEN"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DIFFO_ADMIN_KEEP_OPEN is '10 minutes', not a duration")
                .satisfies(e -> assertThat(((InvalidInputException) e).describe()).contains("90s").contains("0 or off"));
        assertThatThrownBy(() -> Durations.parse("-5m", "--idle")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Durations.parse("", "--idle")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void showsTheLargestWholeUnitSoThatItReadsBack() {
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofHours(1))).isEqualTo("1h");
        for (String typed : new String[] {"10m", "90s", "1h", "45s"}) {
            assertThat(Durations.format(Durations.parse(typed, "x"))).isEqualTo(typed);
        }
    }
}
