package io.sdxlbatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProgressTextTest {

    private static ProgressSnapshot snapshot(Map<String, Integer> byState, double imagesPerMinute, Long eta,
                                             long backoffMs) {
        int total = byState.values().stream().mapToInt(Integer::intValue).sum();
        return new ProgressSnapshot("night", 42, Instant.parse("2026-12-04T02:00:00Z"), total, byState, 500,
                imagesPerMinute, eta, backoffMs, null, null);
    }

    /** 1000 rows: 400 published and 12 staged, 3 failed, 35 queued and 2 sending on Runpod, 120 not sent yet. */
    private static final Map<String, Integer> MID_RUN = Map.of("DONE", 400, "HARVESTED", 12, "FAILED", 2,
            "EXPIRED", 1, "QUEUED", 35, "SENDING", 2, "PENDING", 548);

    @Test
    void givenARunMidway_whenShownOnATerminal_thenOneLineWithEveryFigure() {
        String line = ProgressText.live(snapshot(MID_RUN, 14.23, 2460L, 4_200), true);

        assertThat(line).isEqualTo("\u25b6 412/1000 done \u00b7 3 failed \u00b7 37 in flight \u00b7 548 queued to"
                + " send \u00b7 14.2 img/min \u00b7 ETA 41 min \u00b7 back-off 5 s");
    }

    @Test
    void givenATerminalWhoseCharsetLacksTheSymbols_whenShown_thenPlainAscii() {
        String line = ProgressText.live(snapshot(MID_RUN, 14.23, 2460L, 0), false);

        assertThat(line).isEqualTo("> 412/1000 done | 3 failed | 37 in flight | 548 queued to send | 14.2 img/min"
                + " | ETA 41 min");
    }

    @Test
    void givenTheSameSnapshot_whenLogged_thenTheSameNumbersWithoutSymbols() {
        String line = ProgressText.plain(snapshot(MID_RUN, 14.23, 2460L, 4_200));

        assertThat(line).isEqualTo("progress: 412/1000 done, 3 failed, 37 in flight, 548 queued to send,"
                + " 14.2 img/min, ETA 41 min, back-off 5 s");
    }

    @Test
    void givenRejectedRowsAndNoEstimateYet_whenLogged_thenRejectedAreNotInTheDenominatorAndNoEtaIsShown() {
        String line = ProgressText.plain(snapshot(Map.of("REJECTED", 2, "QUEUED", 3, "PENDING", 5), 0, null, 0));

        assertThat(line).isEqualTo("progress: 0/8 done, 2 rejected, 3 in flight, 5 queued to send, 0.0 img/min");
    }

    @Test
    void givenAFinishedRun_whenLogged_thenNoEtaAndNothingLeft() {
        String line = ProgressText.plain(snapshot(Map.of("DONE", 10), 30, 0L, 0));

        assertThat(line).isEqualTo("progress: 10/10 done, 0 in flight, 0 queued to send, 30.0 img/min");
    }

    @Test
    void givenAStoppedRunWithCancelledRows_whenLogged_thenThePartsAddUpAndNoEtaPromisesTheUnsentRows() {
        ProgressSnapshot stopped = snapshot(Map.of("DONE", 4, "CANCELLED", 2, "QUEUED", 1, "PENDING", 3), 6, 90L, 0)
                .withStopReason("SIGTERM received");

        assertThat(ProgressText.plain(stopped)).isEqualTo("progress: 4/10 done, 2 cancelled, 1 in flight, 3 not sent"
                + " (stopped), 6.0 img/min");
        assertThat(stopped.etaSeconds()).isNull();
    }

    @Test
    void givenEstimates_whenFormatted_thenSecondsUnderAMinuteMinutesUnderAnHourThenHoursAndMinutes() {
        assertThat(ProgressText.eta(45)).isEqualTo("45 s");
        assertThat(ProgressText.eta(89)).isEqualTo("1 min");
        assertThat(ProgressText.eta(90)).isEqualTo("2 min");
        assertThat(ProgressText.eta(3569)).isEqualTo("59 min");
        assertThat(ProgressText.eta(3599)).isEqualTo("1 h 00 min");
        assertThat(ProgressText.eta(3600)).isEqualTo("1 h 00 min");
        assertThat(ProgressText.eta(7500)).isEqualTo("2 h 05 min");
    }
}
