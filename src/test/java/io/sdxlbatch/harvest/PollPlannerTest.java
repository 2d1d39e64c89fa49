package io.sdxlbatch.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.runpod.JobState;

class PollPlannerTest {

    private static final long SECOND = 1_000;

    /** 1 s for running jobs and the 4 oldest queued ones, up to 16 s for jobs deeper in the queue. */
    private final PollPlanner planner = new PollPlanner(Duration.ofSeconds(1), Duration.ofSeconds(16), 4);

    private static LedgerEntry queued(int line, Long submittedAt) {
        return new LedgerEntry("run", line, "p" + line, null, null, LedgerState.QUEUED, "job-" + line, "IN_QUEUE",
                1, 0, false, submittedAt, null, null, null, null, null, null, null, null, null);
    }

    /** Jobs on lines 1..n, submitted one second apart from t=1 s: line 1 is the oldest. */
    private static List<LedgerEntry> submitted(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(line -> queued(line, line * SECOND)).toList();
    }

    private static List<Integer> lines(List<LedgerEntry> rows) {
        return rows.stream().map(LedgerEntry::line).toList();
    }

    private static QueueSighting sighting(long inQueue, long inProgress, long askedAt) {
        return new QueueSighting(inQueue, inProgress, 1, askedAt);
    }

    // guided by the endpoint's counts

    @Test
    void givenCountsSayingOneStartedJobFinished_whenARoundBegins_thenOnlyTheOldestStartedJobIsPolled() {
        List<LedgerEntry> jobs = submitted(10);
        planner.track(jobs, 20 * SECOND);

        // 7 queued and 2 running of our 10: the 3 oldest started, and one of them is finished
        PollPlanner.Round round = planner.round(jobs, sighting(7, 2, 20 * SECOND), 0, 20 * SECOND);

        assertThat(round.guided()).isTrue();
        assertThat(round.owed()).isEqualTo(1);
        assertThat(lines(round.first())).containsExactly(1);
    }

    @Test
    void givenCountsSayingNothingFinished_whenARoundBegins_thenNoJobIsPolledQueuedOrRunning() {
        List<LedgerEntry> jobs = submitted(10);
        planner.track(jobs, 20 * SECOND);

        PollPlanner.Round round = planner.round(jobs, sighting(7, 3, 20 * SECOND), 0, 20 * SECOND);

        assertThat(round.first()).isEmpty();
        assertThat(round.next(0, false)).isEmpty();
    }

    @Test
    void givenTheOldestStartedJobStillRunning_whenTheBatchFoundNothing_thenTheNextOldestIsAskedUntilFound() {
        List<LedgerEntry> jobs = submitted(10);
        planner.track(jobs, 20 * SECOND);
        PollPlanner.Round round = planner.round(jobs, sighting(7, 2, 20 * SECOND), 0, 20 * SECOND);
        round.answered(jobs.get(0), 20_010, JobState.IN_PROGRESS);

        List<LedgerEntry> second = round.next(0, false);
        round.answered(second.get(0), 20_020, JobState.COMPLETED);

        assertThat(lines(second)).containsExactly(2);
        assertThat(round.next(1, false)).isEmpty();
    }

    @Test
    void givenEveryStartedJobAskedAndStillRunning_whenCountsAreNotAccountedFor_thenNobodyIsAskedTwice() {
        List<LedgerEntry> jobs = submitted(5);
        planner.track(jobs, 20 * SECOND);
        PollPlanner.Round round = planner.round(jobs, sighting(3, 0, 20 * SECOND), 0, 20 * SECOND);

        assertThat(lines(round.first())).containsExactly(1, 2);
        assertThat(round.next(0, false)).isEmpty();
    }

    @Test
    void givenAFailedCallInTheBatch_whenMoreAreOwed_thenTheRoundStopsAsking() {
        List<LedgerEntry> jobs = submitted(10);
        planner.track(jobs, 20 * SECOND);
        PollPlanner.Round round = planner.round(jobs, sighting(7, 2, 20 * SECOND), 0, 20 * SECOND);

        assertThat(round.next(0, true)).isEmpty();
    }

    @Test
    void givenJobAnsweredAfterHealthWasAsked_whenTheNextRoundUsesThatSighting_thenItIsNotACandidate() {
        List<LedgerEntry> jobs = submitted(4);
        planner.track(jobs, 20 * SECOND);
        planner.round(jobs, sighting(2, 1, 20 * SECOND), 0, 20 * SECOND).answered(jobs.get(0), 20_500,
                JobState.IN_PROGRESS);

        // this /health was asked before job 1's answer: job 1 was running then, so job 2 is the finished one
        PollPlanner.Round round = planner.round(jobs, sighting(2, 1, 20_400), 0, 20_600);

        assertThat(lines(round.first())).containsExactly(2);
    }

    @Test
    void givenRetriedJob_whenCountsSayOneStarted_thenItQueuesBehindTheJobsSentBeforeTheRetry() {
        List<LedgerEntry> jobs = submitted(3);
        planner.track(jobs, 10 * SECOND);
        planner.round(jobs, sighting(2, 0, 10 * SECOND), 0, 10 * SECOND).answered(jobs.get(0), 10_100,
                JobState.FAILED);

        // all three in flight (job 1 retried on Runpod), one started and finished: job 2, not job 1
        PollPlanner.Round round = planner.round(jobs, sighting(2, 0, 11 * SECOND), 0, 11 * SECOND);

        assertThat(lines(round.first())).containsExactly(2);
    }

    @Test
    void givenJobBelievedStartedAnsweringQueued_whenNextRound_thenItCountsAsQueuedBehindTheOthers() {
        List<LedgerEntry> jobs = submitted(3);
        planner.track(jobs, 10 * SECOND);
        planner.round(jobs, sighting(2, 0, 10 * SECOND), 0, 10 * SECOND).answered(jobs.get(0), 10_100,
                JobState.IN_QUEUE);

        PollPlanner.Round round = planner.round(jobs, sighting(1, 1, 11 * SECOND), 0, 11 * SECOND);

        assertThat(lines(round.first())).containsExactly(2);
    }

    @Test
    void givenStartedJobUnaskedForAMinuteOfEndpointTime_whenARoundBegins_thenItIsCheckedAnyway() {
        List<LedgerEntry> jobs = submitted(2);
        planner.track(jobs, 10 * SECOND);
        // a simulator running 12 times faster: a minute of its time is 5 real seconds
        planner.round(jobs, new QueueSighting(1, 1, 12, 10 * SECOND), 0, 10 * SECOND);

        PollPlanner.Round early = planner.round(jobs, new QueueSighting(1, 1, 12, 14_900), 0, 14_900);
        PollPlanner.Round late = planner.round(jobs, new QueueSighting(1, 1, 12, 15_000), 0, 15_000);

        assertThat(early.first()).isEmpty();
        assertThat(lines(late.first())).containsExactly(1);
    }

    @Test
    void givenDueChecksAmongTheOwed_whenARoundBegins_thenTheyCountAsTheProbesAndNobodyElseIsAsked() {
        List<LedgerEntry> jobs = submitted(5);
        planner.track(jobs, 10 * SECOND);
        planner.round(jobs, new QueueSighting(3, 2, 12, 10 * SECOND), 0, 10 * SECOND);
        planner.round(jobs, new QueueSighting(2, 3, 12, 12 * SECOND), 0, 12 * SECOND);

        // jobs 1 and 2 started at 10 s and are due for a check at 15 s; one of the three started has finished
        PollPlanner.Round round = planner.round(jobs, new QueueSighting(2, 2, 12, 15 * SECOND), 0, 15 * SECOND);

        assertThat(lines(round.first())).containsExactly(1, 2);
    }

    @Test
    void givenQueuedJobUnaskedForTenMinutesOfEndpointTime_whenARoundBegins_thenItIsCheckedAnyway() {
        List<LedgerEntry> jobs = submitted(2);
        planner.track(jobs, 2 * SECOND);
        long tenMinutes = PollPlanner.QUEUED_CHECK.toMillis();

        // job 1 was last heard of at its submission (1 s), job 2 at 2 s
        PollPlanner.Round early = planner.round(jobs, sighting(2, 0, tenMinutes + SECOND), 0,
                tenMinutes + SECOND);
        PollPlanner.Round late = planner.round(jobs, sighting(2, 0, tenMinutes + 2 * SECOND), 0,
                tenMinutes + 2 * SECOND);

        assertThat(lines(early.first())).containsExactly(1);
        assertThat(lines(late.first())).containsExactly(1, 2);
    }

    @Test
    void givenDeepQueue_whenTenMinutesOfEndpointTimePass_thenOnlyItsHeadIsChecked() {
        List<LedgerEntry> jobs = submitted(30);
        planner.track(jobs, 30 * SECOND);
        long later = PollPlanner.QUEUED_CHECK.toMillis() + 60 * SECOND;

        // 2 started and running, 28 queued: the 4 oldest of those are the head
        PollPlanner.Round round = planner.round(jobs, sighting(28, 2, later), 0, later);

        assertThat(lines(round.first())).containsExactly(3, 4, 5, 6);
    }

    @Test
    void givenRateLimitedJob_whenCountsOweIt_thenItWaitsAndTheNextCandidateIsAsked() {
        List<LedgerEntry> jobs = submitted(4);
        planner.track(jobs, 10 * SECOND);
        planner.later(1, 10 * SECOND, Duration.ofSeconds(5));

        PollPlanner.Round round = planner.round(jobs, sighting(2, 1, 11 * SECOND), 0, 11 * SECOND);

        assertThat(lines(round.first())).containsExactly(2);
    }

    @Test
    void givenGuidedRound_whenAskedForTheNextDue_thenItIsHalfAnIntervalLater() {
        List<LedgerEntry> jobs = submitted(2);
        planner.track(jobs, 10 * SECOND);

        planner.round(jobs, sighting(2, 0, 10 * SECOND), 0, 10 * SECOND);

        assertThat(planner.nextDue()).isEqualTo(10_500L);
    }

    @Test
    void givenJobsOnTheWay_whenCountsExceedOurJobsInFlightByThem_thenTheCountsStillGuide() {
        List<LedgerEntry> jobs = submitted(3);
        planner.track(jobs, 10 * SECOND);

        assertThat(planner.round(jobs, sighting(4, 1, 10 * SECOND), 2, 10 * SECOND).guided()).isTrue();
        assertThat(planner.round(jobs, sighting(4, 2, 10 * SECOND), 2, 10 * SECOND).guided()).isFalse();
    }

    // each job on its own schedule: /health unreadable, or the endpoint shared

    private PollPlanner.Round ownRound(List<LedgerEntry> jobs, long now) {
        return planner.round(jobs, null, 0, now);
    }

    /** The instant the job is next due, found by beginning rounds without /health as the harvester does. */
    private long dueAt(LedgerEntry row, long from) {
        for (long t = from; t < from + 60 * SECOND; t += 100) {
            if (!ownRound(List.of(row), t).first().isEmpty()) {
                return t;
            }
        }
        throw new AssertionError("line " + row.line() + " never became due");
    }

    @Test
    void givenSharedEndpoint_whenCountsExceedOurJobs_thenEveryJobIsDueOnItsOwnSchedule() {
        List<LedgerEntry> jobs = submitted(3);
        planner.track(jobs, 10 * SECOND);

        PollPlanner.Round round = planner.round(jobs, sighting(50, 3, 10 * SECOND), 0, 10 * SECOND);

        assertThat(round.guided()).isFalse();
        assertThat(lines(round.first())).containsExactly(1, 2, 3);
    }

    @Test
    void givenNewlySubmittedJob_whenTracked_thenItIsDueOneIntervalAfterSubmission() {
        LedgerEntry job = queued(2, 10 * SECOND);

        planner.track(List.of(job), 10_300);

        assertThat(ownRound(List.of(job), 10_999).first()).isEmpty();
        assertThat(ownRound(List.of(job), 11_000).first()).containsExactly(job);
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
    void givenRunningJobOrQueueHead_whenAnswered_thenItIsPolledAgainOneIntervalLater() {
        List<LedgerEntry> jobs = submitted(3);
        planner.track(jobs, 0);
        PollPlanner.Round round = ownRound(jobs, 5 * SECOND);

        round.answered(jobs.get(0), 5 * SECOND, JobState.IN_PROGRESS);
        round.answered(jobs.get(1), 5 * SECOND, JobState.IN_QUEUE);

        assertThat(dueAt(jobs.get(0), 5 * SECOND)).isEqualTo(6 * SECOND);
        assertThat(dueAt(jobs.get(1), 5 * SECOND)).isEqualTo(6 * SECOND);
    }

    @Test
    void givenJobDeepInTheQueue_whenAnsweredRepeatedly_thenItBacksOffExponentiallyUpToTheCap() {
        List<LedgerEntry> jobs = submitted(6);
        LedgerEntry deep = jobs.get(5);
        planner.track(jobs, 0);

        long now = 10 * SECOND;
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ownRound(jobs, now).answered(deep, now, JobState.IN_QUEUE);
            long next = dueAt(deep, now);
            gaps.add(next - now);
            now = next;
        }

        assertThat(gaps).containsExactly(2 * SECOND, 4 * SECOND, 8 * SECOND, 16 * SECOND, 16 * SECOND,
                16 * SECOND);
    }

    @Test
    void givenBackedOffJob_whenItStartsRunning_thenBackoffStartsOver() {
        List<LedgerEntry> jobs = submitted(6);
        LedgerEntry deep = jobs.get(5);
        planner.track(jobs, 0);
        ownRound(jobs, 1 * SECOND).answered(deep, 1 * SECOND, JobState.IN_QUEUE);
        ownRound(jobs, 3 * SECOND).answered(deep, 3 * SECOND, JobState.IN_QUEUE);

        ownRound(jobs, 7 * SECOND).answered(deep, 7 * SECOND, JobState.IN_PROGRESS);

        assertThat(dueAt(deep, 7 * SECOND)).isEqualTo(8 * SECOND);
    }

    @Test
    void givenJobsThatLeftFlight_whenTracked_thenTheyAreForgotten() {
        LedgerEntry a = queued(2, 0L);
        LedgerEntry b = queued(3, 0L);
        planner.track(List.of(a, b), 0);

        planner.track(List.of(b), 500);

        assertThat(ownRound(List.of(a, b), 5 * SECOND).first()).containsExactly(b);
        planner.track(List.of(), 600);
        assertThat(planner.nextDue()).isNull();
    }

    @Test
    void givenLineSentAgainUnderANewJobId_whenTracked_thenItGetsAFreshSchedule() {
        List<LedgerEntry> jobs = submitted(6);
        planner.track(jobs, 0);
        ownRound(jobs, 1 * SECOND).answered(jobs.get(5), 1 * SECOND, JobState.IN_QUEUE);
        ownRound(jobs, 3 * SECOND).answered(jobs.get(5), 3 * SECOND, JobState.IN_QUEUE);

        LedgerEntry resubmitted = new LedgerEntry("run", 6, "p6", null, null, LedgerState.QUEUED, "job-6-again",
                "IN_QUEUE", 2, 0, false, 20 * SECOND, null, null, null, null, null, null, null, null, null);
        planner.track(List.of(resubmitted), 20 * SECOND);

        assertThat(dueAt(resubmitted, 20 * SECOND)).isEqualTo(21 * SECOND);
    }

    @Test
    void givenRateLimitedJob_whenDelayed_thenOnlyThatJobWaits() {
        LedgerEntry a = queued(2, 0L);
        LedgerEntry b = queued(3, 0L);
        planner.track(List.of(a, b), 0);

        planner.later(2, 1 * SECOND, Duration.ofSeconds(5));

        assertThat(ownRound(List.of(a, b), 1 * SECOND).first()).containsExactly(b);
        assertThat(dueAt(a, 1 * SECOND)).isEqualTo(6 * SECOND);
    }

    @Test
    void givenSeveralDueJobs_whenAsked_thenTheyComeInLineOrder() {
        LedgerEntry c = queued(7, 0L);
        LedgerEntry a = queued(2, 0L);
        LedgerEntry b = queued(5, 0L);
        planner.track(List.of(c, a, b), 0);

        assertThat(lines(ownRound(List.of(c, a, b), 2 * SECOND).first())).containsExactly(2, 5, 7);
    }

    @Test
    void givenNothingTracked_whenAskedForTheNextDue_thenThereIsNone() {
        assertThat(planner.nextDue()).isNull();
        assertThat(ownRound(List.of(queued(2, 0L)), 99 * SECOND).first()).isEmpty();
    }
}
