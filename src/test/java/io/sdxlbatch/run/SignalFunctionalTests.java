package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.sim.SimulatorSettings;

/**
 * SIGTERM and SIGINT sent to a real child JVM by the system's kill command: submission stops at once, what is in
 * flight is collected for the grace period, the run exits 1, and running it again finishes with nothing paid twice.
 */
class SignalFunctionalTests {

    private static final int ROWS = 30;

    @TempDir
    java.nio.file.Path dir;

    /** Jobs of 0.2-0.4 s real: in flight long enough to be caught, short enough to be collected in the grace. */
    private static SimulatorSettings endpoint() {
        return SimulatorSettings.defaults().withWorkers(2).withTimeScale(25).withColdStartMs(2_000, 3_000)
                .withExecutionMs(5_000, 10_000);
    }

    private static String[] csv(int rows) {
        List<String> lines = new ArrayList<>(List.of("id,prompt,width,height"));
        for (int i = 1; i <= rows; i++) {
            lines.add("r" + i + ",prompt r" + i + ",64,64");
        }
        return lines.toArray(String[]::new);
    }

    @Test
    void givenSigterm_whenJobsAreInFlight_thenTheyAreCollectedNothingNewIsSentAndAResumeFinishes() throws Exception {
        assertStopsGracefully("TERM");
    }

    @Test
    void givenSigint_whenJobsAreInFlight_thenItIsCtrlCAndBehavesTheSame() throws Exception {
        assertStopsGracefully("INT");
    }

    private void assertStopsGracefully(String signal) throws Exception {
        try (PipelineFixture given = new PipelineFixture(dir, endpoint()).csv(csv(ROWS))) {
            ChildRun child = ChildRun.start(given, "--max-in-flight", "4");
            child.awaitOrFail(() -> given.sim().jobsCreated() >= 6);

            child.signal(signal);
            child.awaitOrFail(() -> child.log().contains("SIG" + signal + ": no new jobs are sent"));
            long sentAtSignal = given.sim().requestCount("run");

            assertThat(child.exitWithin(Duration.ofSeconds(60))).isEqualTo(1);
            String log = child.log();
            assertThat(log).contains("Collecting the jobs in flight for up to 120 s")
                    .contains("stopped: SIG" + signal + " received")
                    .contains("rows were not sent; they stay pending and are sent when the run resumes");
            assertThat(given.sim().requestCount("run")).as("nothing new sent after the signal was handled")
                    .isEqualTo(sentAtSignal);
            List<String> statuses = given.jobsCsv().stream().map(r -> r.get("status")).toList();
            assertThat(statuses).as("what was in flight was collected; the rest waits").containsOnly("COMPLETED",
                    "PENDING");
            assertThat(Collections.frequency(statuses, "COMPLETED")).isEqualTo(given.sim().jobsCreated());

            assertThat(given.run()).as("the resume").isZero();
            assertPaidOnce(given, ROWS);
        }
    }

    @Test
    void givenASecondSignal_whenTheFirstIsStillCollecting_thenItExitsAtOnceAndAResumeLosesNothing() throws Exception {
        SimulatorSettings slow = endpoint().withTimeScale(2);
        try (PipelineFixture given = new PipelineFixture(dir, slow).csv(csv(8))) {
            ChildRun child = ChildRun.start(given, "--max-in-flight", "4");
            child.awaitOrFail(() -> given.sim().jobsCreated() >= 4);
            child.signal("TERM");
            child.awaitOrFail(() -> child.log().contains("SIGTERM: no new jobs are sent"));

            child.signal("TERM");

            assertThat(child.exitWithin(Duration.ofSeconds(10))).isEqualTo(1);
            assertThat(child.log()).contains("SIGTERM again: exiting now. Nothing committed is lost; run the same"
                    + " command to resume.");
            assertThat(given.run()).as("the resume").isZero();
            assertPaidOnce(given, 8);
        }
    }

    @Test
    void givenAGracePeriodShorterThanTheJobs_whenItPasses_thenTheRunEndsSayingWhatIsStillInFlight() throws Exception {
        SimulatorSettings slow = endpoint().withTimeScale(1).withExecutionMs(60_000, 60_000);
        try (PipelineFixture given = new PipelineFixture(dir, slow).csv(csv(ROWS))) {
            ChildRun child = ChildRun.start(given, "--max-in-flight", "3", "--grace-period", "1s");
            child.awaitOrFail(() -> given.sim().jobsCreated() >= 3);

            child.signal("TERM");

            assertThat(child.exitWithin(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(child.log()).contains("the grace period of 1 s after the signal passed with 3 jobs still in"
                    + " flight; run the same command again to collect them");
            assertThat(given.jobsCsv().stream().filter(r -> r.get("status").equals("QUEUED")).count()).isEqualTo(3);
        }
    }

    @Test
    void givenCancelOnAbort_whenSignalled_thenTheJobsInFlightAreCancelledOnRunpodAndRecordedSo() throws Exception {
        SimulatorSettings slow = endpoint().withTimeScale(1).withExecutionMs(60_000, 60_000);
        try (PipelineFixture given = new PipelineFixture(dir, slow).csv(csv(ROWS))) {
            ChildRun child = ChildRun.start(given, "--max-in-flight", "3", "--cancel-on-abort");
            child.awaitOrFail(() -> given.sim().jobsCreated() >= 3);

            child.signal("TERM");

            assertThat(child.exitWithin(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(child.log()).contains("SIGTERM: no new jobs are sent. Cancelling the jobs in flight"
                    + " (--cancel-on-abort).").contains("jobs in flight cancelled (--cancel-on-abort)");
            List<Map<String, String>> rows = given.jobsCsv();
            List<Map<String, String>> cancelled = rows.stream().filter(r -> r.get("status").equals("CANCELLED"))
                    .toList();
            assertThat(cancelled).hasSize(3).allSatisfy(r -> {
                assertThat(given.sim().job(r.get("job_id")).orElseThrow().status()).isEqualTo("CANCELLED");
                assertThat(r.get("error")).isEqualTo("cancelled by us after SIGTERM received (--cancel-on-abort)");
            });
            assertThat(rows.stream().filter(r -> r.get("status").equals("PENDING")).count()).isEqualTo(ROWS - 3);
        }
    }

    /** Every row done, and paid once: a row is flagged when a kill may have come between intent and answer. */
    private static void assertPaidOnce(PipelineFixture given, int rows) {
        List<Map<String, String>> report = given.jobsCsv();
        assertThat(report).hasSize(rows).extracting(r -> r.get("status")).containsOnly("COMPLETED");
        List<String> accepted = given.sim().acceptedPrompts();
        for (Map<String, String> row : report) {
            assertThat(Collections.frequency(accepted, "prompt " + row.get("prompt_id")))
                    .as("jobs paid for %s", row.get("prompt_id"))
                    .isBetween(1, row.get("possible_duplicate").equals("yes") ? 2 : 1);
        }
    }
}
