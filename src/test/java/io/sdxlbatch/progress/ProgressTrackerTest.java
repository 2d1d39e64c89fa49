package io.sdxlbatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.time.MutableClock;

class ProgressTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final ProgressTracker tracker = new ProgressTracker("night", 4242, clock);

    @Test
    void givenNothingAnsweredYet_whenObserved_thenNoEtaAndNoRate() {
        tracker.next(Map.of(LedgerState.PENDING, 100), 0, null, Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));

        ProgressSnapshot s = tracker.next(Map.of(LedgerState.PENDING, 40, LedgerState.QUEUED, 60), 0, null,
                Duration.ZERO);

        assertThat(s.etaSeconds()).as("cold starts say nothing about the end").isNull();
        assertThat(s.imagesPerMinute()).isZero();
        assertThat(s.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void givenTwentyRowsAnsweredInTwoMinutes_whenEightyAreLeft_thenTheEtaIsEightMinutes() {
        tracker.next(Map.of(LedgerState.PENDING, 100), 0, null, Duration.ZERO);
        clock.advance(Duration.ofMinutes(2));

        ProgressSnapshot s = tracker.next(Map.of(LedgerState.HARVESTED, 15, LedgerState.FAILED, 5,
                LedgerState.QUEUED, 50, LedgerState.PENDING, 30), 25, "line 9: FAILED: boom", Duration.ofSeconds(3));

        assertThat(s.etaSeconds()).isEqualTo(480);
        assertThat(s.imagesPerMinute()).isEqualTo(12.5);
        assertThat(s.total()).isEqualTo(100);
        assertThat(s.imagesWritten()).isEqualTo(25);
        assertThat(s.backoffMs()).isEqualTo(3000);
        assertThat(s.lastError()).isEqualTo("line 9: FAILED: boom");
        assertThat(s.byState()).containsEntry("HARVESTED", 15).containsEntry("PENDING", 30);
    }

    @Test
    void givenAResumedRun_whenMeasured_thenOnlyWhatThisProcessDidCounts() {
        // the earlier process answered 90 rows and wrote 90 images; this one starts with 10 to go
        tracker.next(Map.of(LedgerState.DONE, 90, LedgerState.QUEUED, 10), 90, null, Duration.ZERO);
        clock.advance(Duration.ofSeconds(30));

        ProgressSnapshot s = tracker.next(Map.of(LedgerState.DONE, 90, LedgerState.HARVESTED, 5,
                LedgerState.QUEUED, 5), 95, null, Duration.ZERO);

        assertThat(s.imagesPerMinute()).isEqualTo(10.0);
        assertThat(s.etaSeconds()).isEqualTo(30);
    }

    @Test
    void givenRejectedRowsAppearingWhileLoading_whenMeasured_thenTheyDoNotCountAsAnswered() {
        tracker.next(Map.of(), 0, null, Duration.ZERO);
        clock.advance(Duration.ofSeconds(10));

        ProgressSnapshot s = tracker.next(Map.of(LedgerState.REJECTED, 50, LedgerState.PENDING, 50), 0, null,
                Duration.ZERO);

        assertThat(s.etaSeconds()).isNull();
    }

    @Test
    void givenEveryRowAnswered_whenMeasured_thenTheEtaIsZero() {
        tracker.next(Map.of(LedgerState.QUEUED, 1), 0, null, Duration.ZERO);
        clock.advance(Duration.ofSeconds(5));

        assertThat(tracker.next(Map.of(LedgerState.DONE, 1), 1, null, Duration.ZERO).etaSeconds()).isZero();
    }
}
