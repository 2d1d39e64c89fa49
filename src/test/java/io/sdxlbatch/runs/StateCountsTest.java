package io.sdxlbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StateCountsTest {

    @Test
    void givenRowsInEveryKindOfState_whenCounted_thenOutcomesSeparateOurCancellationsFromFailures() {
        StateCounts counts = new StateCounts(Map.of("DONE", 10, "FAILED", 2, "REJECTED", 1, "EXPIRED", 1,
                "CANCELLED", 3, "QUEUED", 4, "SENDING", 1, "PENDING", 5, "HARVESTED", 2));

        assertThat(counts.total()).isEqualTo(29);
        assertThat(counts.done()).isEqualTo(10);
        assertThat(counts.failed()).as("rejected and expired included, cancelled not").isEqualTo(4);
        assertThat(counts.cancelled()).isEqualTo(3);
        assertThat(counts.unfinished()).isEqualTo(12);
        assertThat(counts.inFlight()).isEqualTo(5);
    }

    @Test
    void givenCountsInAnyOrder_whenDescribed_thenInTheLedgersOrderWithDoneCalledCompleted() {
        StateCounts counts = new StateCounts(Map.of("CANCELLED", 3, "DONE", 10, "QUEUED", 1, "FAILED", 0));

        assertThat(counts.describe()).isEqualTo("14: QUEUED 1, COMPLETED 10, CANCELLED 3");
        assertThat(new StateCounts(Map.of()).describe()).isEqualTo("none");
    }

    @Test
    void givenAStateThisVersionDoesNotKnow_whenCounted_thenShownLastAndInNoOutcome() {
        StateCounts counts = new StateCounts(Map.of("DONE", 1, "PARKED", 2));

        assertThat(counts.describe()).isEqualTo("3: COMPLETED 1, PARKED 2");
        assertThat(counts.done() + counts.failed() + counts.cancelled() + counts.unfinished()).isEqualTo(1);
    }
}
