package io.sdxlbatch.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.cli.ArgParser;
import io.sdxlbatch.cli.Commands;
import io.sdxlbatch.cli.UsageException;

class StopSettingsTest {

    /** 23:00 in Berlin on 4 December. */
    private static final Clock EVENING = Clock.fixed(Instant.parse("2026-12-04T22:00:00Z"), ZoneId.of("Europe/Berlin"));

    private static StopSettings parse(String... args) {
        return StopSettings.of(new ArgParser(Commands.ALL).parse(args), EVENING);
    }

    @Test
    void givenATimeOfDayStillAheadToday_whenParsed_thenTheDeadlineIsToday() {
        assertThat(parse("--deadline", "23:30").deadline()).isEqualTo(Instant.parse("2026-12-04T22:30:00Z"));
    }

    @Test
    void givenATimeOfDayAlreadyPast_whenParsed_thenTheDeadlineIsTomorrowMorning() {
        assertThat(parse("--deadline", "6:00").deadline()).isEqualTo(Instant.parse("2026-12-05T05:00:00Z"));
    }

    @Test
    void givenADuration_whenParsed_thenTheDeadlineIsThatLongFromNow() {
        assertThat(parse("--deadline", "90m").deadline()).isEqualTo(Instant.parse("2026-12-04T23:30:00Z"));
    }

    @Test
    void givenLimits_whenParsed_thenTheyAreKept() {
        StopSettings s = parse("--max-images", "500", "--max-cost", "$2.50", "--grace-period", "30s",
                "--cancel-on-abort", "--failure-window", "10");

        assertThat(s.maxImages()).isEqualTo(500);
        assertThat(s.maxCost()).isEqualByComparingTo(new BigDecimal("2.50"));
        assertThat(s.grace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.cancelOnAbort()).isTrue();
        assertThat(s.failureWindow()).isEqualTo(10);
    }

    @Test
    void givenNothing_whenParsed_thenNoLimitsAndTheDefaults() {
        assertThat(parse()).isEqualTo(StopSettings.none());
    }

    @Test
    void givenBadValues_whenParsed_thenEachIsAUsageErrorNamingTheOption() {
        assertThatThrownBy(() -> parse("--deadline", "25:00")).isInstanceOf(UsageException.class)
                .hasMessage("--deadline '25:00' is not a time of day (HH:MM, 00:00 to 23:59)");
        assertThatThrownBy(() -> parse("--deadline", "soon")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--deadline 'soon' is not a duration");
        assertThatThrownBy(() -> parse("--max-images", "0")).isInstanceOf(UsageException.class)
                .hasMessage("--max-images '0' is not a whole number of at least 1");
        assertThatThrownBy(() -> parse("--max-cost", "lots")).isInstanceOf(UsageException.class)
                .hasMessage("--max-cost 'lots' is not a positive number of dollars");
        assertThatThrownBy(() -> parse("--failure-window", "2")).isInstanceOf(UsageException.class)
                .hasMessage("--failure-window must be at least 4, was 2");
    }
}
