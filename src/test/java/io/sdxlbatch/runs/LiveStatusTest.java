package io.sdxlbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.progress.ProgressSnapshot;

/** The live part of the status command, on hand-made progress files: which one is live is decided by the pid. */
class LiveStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-04T02:10:00Z");
    private static final Path REPORT = Path.of("out", "night", "report", "report.html");

    private static ProgressSnapshot snapshot(String runId, long pid, Instant at, String stopReason) {
        return new ProgressSnapshot(runId, pid, at, 12, Map.of("DONE", 7, "QUEUED", 2, "PENDING", 3), 8, 6.5, 40L,
                3_000, null, stopReason);
    }

    @Test
    void givenTheHoldersOwnSnapshot_whenRendered_thenLiveFiguresWithAgeBackoffAndStopReason() {
        ProgressSnapshot live = snapshot("night", 4242, NOW.minusSeconds(3), "SIGTERM: finishing what is in flight");

        String text = LiveStatus.render("night", 4242, Optional.of(live), Optional.of(live), REPORT, NOW,
                ZoneOffset.UTC);

        assertThat(text).isEqualTo("""
                Run night is in progress: live, from process 4242, updated 3.0 s ago
                  rows:        12: PENDING 3, QUEUED 2, COMPLETED 7
                  in flight:   2 (queued or running on the endpoint, or being sent; their job ids are in the job \
                repository)
                  images:      8 written, 6.5 per minute; about 40.0 s to go
                  held back:   submission paused 3.0 s (Runpod asked us to wait, or the endpoint kept failing)
                  stopping:    SIGTERM: finishing what is in flight
                  last error:  none
                  report:      written when the run ends: %s
                """.formatted(REPORT));
    }

    @Test
    void givenOnlyASnapshotLeftByAnEarlierProcess_whenRendered_thenItIsTheLastKnownStateNotALiveOne() {
        ProgressSnapshot old = snapshot("night", 999, Instant.parse("2026-12-03T02:00:00Z"), null);

        String text = LiveStatus.render("night", 4242, Optional.empty(), Optional.of(old), REPORT, NOW,
                ZoneOffset.UTC);

        assertThat(text).startsWith("A run is in progress in process 4242 in this output folder (night, or another:"
                + " it has written no progress.json yet); nothing more is known until it ends.\n"
                + "Last known state of night, from an earlier process (pid 999) at 2026-12-03 02:00:00:\n"
                + "  rows:        12: PENDING 3, QUEUED 2, COMPLETED 7\n")
                .doesNotContain("to go").doesNotContain("held back").contains("  report:      " + REPORT);
    }
}
