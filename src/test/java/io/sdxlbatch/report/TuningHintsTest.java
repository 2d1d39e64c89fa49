package io.sdxlbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.cost.Billing;
import io.sdxlbatch.cost.BillingModel;
import io.sdxlbatch.cost.JobTiming;

class TuningHintsTest {

    private static final BigDecimal PRICE = new BigDecimal("0.001");

    private static List<Hint> hints(List<JobTiming> jobs, Duration timeout, List<FailureGroup> failures) {
        Billing billing = BillingModel.bill(jobs, PRICE, 5_000);
        long night = jobs.stream().mapToLong(JobTiming::endedAt).max().orElse(0);
        return TuningHints.of(new TuningHints.Inputs(billing, jobs, Distribution.of(jobs.stream()
                .map(JobTiming::executionMs).toList()), timeout, failures, jobs.size(), night));
    }

    private static List<Hint> hints(List<JobTiming> jobs) {
        return hints(jobs, Duration.ofSeconds(60), List.of());
    }

    /** {@code n} jobs of 10 s on warm workers w1..w{workers}, each submitted as the previous one on it ended. */
    private static List<JobTiming> steady(int n, int workers) {
        List<JobTiming> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(new JobTiming(i + 1, "w" + (i % workers + 1), (i / workers) * 10_000L, 200, 9_800));
        }
        return jobs;
    }

    @Test
    void givenASteadyWellFedRun_whenHinted_thenThereIsNoHint() {
        assertThat(hints(steady(30, 3))).isEmpty();
    }

    @Test
    void givenColdStartsOverAFifthOfBilledTime_whenHinted_thenActiveWorkerOrFlashBootIsSuggestedWithTheShare() {
        List<Hint> hints = hints(List.of(new JobTiming(1, "w1", 0, 20_000, 10_000)));

        assertThat(hints).anySatisfy(h -> {
            assertThat(h.advice()).startsWith("57% of billed time was cold start");
            assertThat(h.evidence()).contains("1 cold starts, 20.0 s of 35.0 s billed, $0.0200");
        });
    }

    @Test
    void givenWorkersRestartedAfterShortGaps_whenHinted_thenALongerIdleTimeoutIsSuggestedWithTheSaving() {
        // each job ends, the worker stops 5 s later, the next job arrives 3 s after that and boots it again (10 s)
        List<JobTiming> jobs = List.of(new JobTiming(1, "w1", 0, 10_000, 10_000),
                new JobTiming(2, "w1", 28_000, 10_000, 10_000), new JobTiming(3, "w1", 56_000, 10_000, 10_000));

        List<Hint> hints = hints(jobs);

        // saved per restart 5 + 10 - 8 = 7 s, twice; the last session idles 3 s longer: net 11 s = $0.011
        assertThat(hints).anySatisfy(h -> {
            assertThat(h.advice()).isEqualTo("Workers stopped and cold-started again 2 times after short idle gaps:"
                    + " an idle timeout of 8 s would have saved about $0.0110.");
            assertThat(h.evidence()).contains("gaps up to 8.0 s");
        });
    }

    @Test
    void givenShortAndLongGaps_whenHinted_thenEverySessionEndNotBridgedPaysTheLongerTail() {
        // as above, then a 2-minute pause and one more boot: 4 sessions, 2 bridgeable restarts
        List<JobTiming> jobs = List.of(new JobTiming(1, "w1", 0, 10_000, 10_000),
                new JobTiming(2, "w1", 28_000, 10_000, 10_000), new JobTiming(3, "w1", 56_000, 10_000, 10_000),
                new JobTiming(4, "w1", 196_000, 10_000, 10_000));

        List<Hint> hints = hints(jobs);

        // 2 x 7 s saved, 2 unbridged session ends x 3 s longer tail: net 8 s = $0.008
        assertThat(hints).anySatisfy(h -> assertThat(h.advice()).endsWith("would have saved about $0.0080."));
    }

    @Test
    void givenALongQueueOnOneWorker_whenHinted_thenMoreWorkersAreSuggestedWithTheProjectedNight() {
        List<JobTiming> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(new JobTiming(i + 1, "w1", 0, i * 10_000L + 1_000, 10_000));
        }

        List<Hint> hints = hints(jobs);

        assertThat(hints).anySatisfy(h -> {
            // 12 x 10 s after a 1 s boot; 4 workers: 3 rounds, 3 more boots and idle tails (18 s at $0.001/s)
            assertThat(h.advice()).isEqualTo("Raising max workers from 1 to 4 would cut the night from 2 min 01 s to"
                    + " about 31.0 s, for about $0.0180 more cold start and idle.");
            assertThat(h.evidence()).startsWith("p95 queue wait 1 min 51 s (cold starts left out) with at most 1"
                    + " workers up at once");
        });
    }

    @Test
    void givenAnExecutionTimeoutFarAboveTheLongestJob_whenHinted_thenATighterOneIsSuggested() {
        List<Hint> loose = hints(steady(6, 3), Duration.ofMinutes(10), List.of());
        List<Hint> tight = hints(steady(6, 3), Duration.ofSeconds(60), List.of());

        assertThat(loose).singleElement().satisfies(h -> {
            assertThat(h.advice()).isEqualTo("Set --execution-timeout 30s: a stuck worker would then bill at most"
                    + " $0.0300 per job instead of $0.6000.");
            assertThat(h.evidence()).contains("the longest execution was 9.8 s");
        });
        assertThat(tight).isEmpty();
    }

    @Test
    void givenMoreThanOneJobInTwentyFailed_whenHinted_thenTheCommonestReasonIsNamed() {
        List<FailureGroup> failures = List.of(new FailureGroup("FAILED", "CUDA out of memory", List.of(3, 7)),
                new FailureGroup("REJECTED", "line 9: width", List.of(9, 10, 11)));

        List<Hint> hints = hints(steady(30, 3), Duration.ofSeconds(60), failures);
        List<Hint> fewer = hints(steady(60, 3), Duration.ofSeconds(60),
                List.of(new FailureGroup("FAILED", "CUDA out of memory", List.of(3, 7))));

        assertThat(hints).singleElement().satisfies(h -> {
            assertThat(h.advice()).startsWith("2 of 30 jobs (7%) did not produce images");
            assertThat(h.evidence()).isEqualTo("most often FAILED: CUDA out of memory (2 rows)");
        });
        assertThat(fewer).as("2 of 60 is under 5%").isEmpty();
    }

    @Test
    void givenJobsWeCancelledOurselves_whenHinted_thenTheWorkerIsNotBlamedForThem() {
        List<FailureGroup> cancelled = List.of(new FailureGroup("CANCELLED",
                "cancelled by ./run.sh cancel at 2026-12-04T02:00:00Z", List.of(3, 4, 5, 6, 7)));
        List<FailureGroup> alsoFailed = List.of(cancelled.get(0),
                new FailureGroup("FAILED", "CUDA out of memory", List.of(8, 9)));

        assertThat(hints(steady(30, 3), Duration.ofSeconds(60), cancelled)).isEmpty();
        assertThat(hints(steady(30, 3), Duration.ofSeconds(60), alsoFailed)).singleElement().satisfies(h -> {
            assertThat(h.advice()).startsWith("2 of 30 jobs (7%) did not produce images");
            assertThat(h.evidence()).isEqualTo("most often FAILED: CUDA out of memory (2 rows)");
        });
    }
}
