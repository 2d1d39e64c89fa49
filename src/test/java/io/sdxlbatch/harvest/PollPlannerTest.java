package io.sdxlbatch.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;

class PollPlannerTest {

    private static final long SECOND = 1_000;
    private static final int RUNNING = -1;

    /** 1 s for running jobs and the 4 oldest queued ones, up to 16 s for jobs deeper in the queue. */
    private final PollPlanner planner = new PollPlanner(Duration.ofSeconds(1), Duration.ofSeconds(16), 4);

    private static LedgerEntry queued(int line, Long submittedAt) {
        return new LedgerEntry("run", line, "p" + line, null, null, LedgerState.QUEUED, "job-" + line, "IN_QUEUE",
                1, 0, false, submittedAt, null, null, null, null, null, null, null, null, null);
    }

    private static List<Integer> lines(List<LedgerEntry> rows) {
        return rows.stream().map(LedgerEntry::line).toList();
    }

    /** The instant the job is next due, found by asking due() as the harvester does. */
    private long dueAt(LedgerEntry row, long from) {
        for (long t = from; t < from + 60 * SECOND; t += 100) {
            if (!planner.due(List.of(row), t).isEmpty()) {
                return t;
            }
        }
        throw new AssertionError("line " + row.line() + " never became due");
    }

    @Test
    void givenNewlySubmittedJob_whenTracked_thenItIsDueOneIntervalAfterSubmission() {
        LedgerEntry job = queued(2, 10 * SECOND);

        planner.track(List.of(job), 10_300);

        assertThat(planner.due(List.of(job), 10_999)).isEmpty();
        assertThat(planner.due(List.of(job), 11_000)).containsExactly(job);
        assertThat(planner.nextDue()).isEqualTo(11_000L);
    }

    @Test
    void givenJobWithoutSubmissionTimeOrFromTheFuture_whenTracked_thenItIsDueOneIntervalFromNow() {
        LedgerEntry unknown = queued(2, null);
        LedgerEntry skewed = queued(3, 99 * SECOND);

        planner.track(List.of(unknown, skewed), 5 * SECOND);

        assertThat(dueAt(unknown, 5 * SECOND)).isEqualTo(6 * SECOND);
        assertThat(dueAt(skewed, 5 * SECOND)).isEqualTo(6 * SECOND);
    }

    @Test
    void givenAlreadyTrackedJob_whenTrackedAgain_thenItsScheduleIsKept() {
        LedgerEntry job = queued(2, 0L);
        planner.track(List.of(job), 0);
        planner.answered(2, 1 * SECOND, 10);

        planner.track(List.of(job), 1_500);

        assertThat(dueAt(job, 1 * SECOND)).isEqualTo(3 * SECOND);
    }

    @Test
    void givenRunningJobOrQueueHead_whenAnswered_thenItIsPolledAgainOneIntervalLater() {
        LedgerEntry running = queued(2, 0L);
        LedgerEntry head = queued(3, 0L);
        LedgerEntry fourth = queued(4, 0L);
        planner.track(List.of(running, head, fourth), 0);

        planner.answered(2, 5 * SECOND, RUNNING);
        planner.answered(3, 5 * SECOND, 0);
        planner.answered(4, 5 * SECOND, 3);

        assertThat(dueAt(running, 5 * SECOND)).isEqualTo(6 * SECOND);
        assertThat(dueAt(head, 5 * SECOND)).isEqualTo(6 * SECOND);
        assertThat(dueAt(fourth, 5 * SECOND)).isEqualTo(6 * SECOND);
    }

    @Test
    void givenJobDeepInTheQueue_whenAnsweredRepeatedly_thenItBacksOffExponentiallyUpToTheCap() {
        LedgerEntry deep = queued(9, 0L);
        planner.track(List.of(deep), 0);

        long now = 1 * SECOND;
        long[] gaps = new long[6];
        for (int i = 0; i < gaps.length; i++) {
            planner.answered(9, now, 50);
            long next = dueAt(deep, now);
            gaps[i] = next - now;
            now = next;
        }

        assertThat(gaps).containsExactly(2 * SECOND, 4 * SECOND, 8 * SECOND, 16 * SECOND, 16 * SECOND,
                16 * SECOND);
    }

    @Test
    void givenBackedOffJob_whenItReachesTheHeadOrStartsRunning_thenBackoffStartsOver() {
        LedgerEntry job = queued(9, 0L);
        planner.track(List.of(job), 0);
        planner.answered(9, 1 * SECOND, 50);
        planner.answered(9, 3 * SECOND, 50);

        planner.answered(9, 7 * SECOND, RUNNING);
        assertThat(dueAt(job, 7 * SECOND)).isEqualTo(8 * SECOND);

        planner.answered(9, 8 * SECOND, 40);
        assertThat(dueAt(job, 8 * SECOND)).isEqualTo(10 * SECOND);
    }

    @Test
    void givenJobsThatLeftFlight_whenTracked_thenTheyAreForgotten() {
        LedgerEntry a = queued(2, 0L);
        LedgerEntry b = queued(3, 0L);
        planner.track(List.of(a, b), 0);

        planner.track(List.of(b), 500);

        assertThat(planner.due(List.of(a, b), 5 * SECOND)).containsExactly(b);
        planner.track(List.of(), 600);
        assertThat(planner.nextDue()).isNull();
    }

    @Test
    void givenForgottenJobComingBack_whenTrackedAgain_thenItGetsAFreshSchedule() {
        LedgerEntry job = queued(2, 0L);
        planner.track(List.of(job), 0);
        planner.answered(2, 1 * SECOND, 50);
        planner.answered(2, 3 * SECOND, 50);
        planner.track(List.of(), 4 * SECOND);

        LedgerEntry resubmitted = queued(2, 20 * SECOND);
        planner.track(List.of(resubmitted), 20 * SECOND);

        assertThat(dueAt(resubmitted, 20 * SECOND)).isEqualTo(21 * SECOND);
    }

    @Test
    void givenRateLimitedJob_whenDelayed_thenOnlyThatJobWaits() {
        LedgerEntry a = queued(2, 0L);
        LedgerEntry b = queued(3, 0L);
        planner.track(List.of(a, b), 0);

        planner.later(2, 1 * SECOND, Duration.ofSeconds(5));

        assertThat(planner.due(List.of(a, b), 1 * SECOND)).containsExactly(b);
        assertThat(dueAt(a, 1 * SECOND)).isEqualTo(6 * SECOND);
    }

    @Test
    void givenDelayedDeepJob_whenAnsweredAgain_thenItsBackoffContinuesWhereItWas() {
        LedgerEntry deep = queued(9, 0L);
        planner.track(List.of(deep), 0);
        planner.answered(9, 1 * SECOND, 50);
        planner.later(9, 3 * SECOND, Duration.ofSeconds(5));

        planner.answered(9, 8 * SECOND, 50);

        assertThat(dueAt(deep, 8 * SECOND)).isEqualTo(12 * SECOND);
    }

    @Test
    void givenSeveralDueJobs_whenAsked_thenTheyComeInLineOrder() {
        LedgerEntry c = queued(7, 0L);
        LedgerEntry a = queued(2, 0L);
        LedgerEntry b = queued(5, 0L);
        planner.track(List.of(c, a, b), 0);

        assertThat(lines(planner.due(List.of(c, a, b), 2 * SECOND))).containsExactly(2, 5, 7);
    }

    @Test
    void givenNothingTracked_whenAskedForTheNextDue_thenThereIsNone() {
        assertThat(planner.nextDue()).isNull();
        assertThat(planner.due(List.of(queued(2, 0L)), 99 * SECOND)).isEmpty();
    }
}
