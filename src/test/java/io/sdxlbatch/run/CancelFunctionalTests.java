package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.sim.FaultSettings;
import io.sdxlbatch.sim.SimulatedJobView;
import io.sdxlbatch.sim.SimulatorSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./run.sh cancel} against a simulator slow enough that a run stopped by its harvest timeout leaves jobs queued and
 * running: the endpoint cancels them, the ledger and the report say CANCELLED, a job that completed meanwhile is
 * kept for the next run, and {@code --resubmit-cancelled} sends the cancelled rows again.
 */
class CancelFunctionalTests {

    /** One worker, real time: each job runs 3 s, so a run stopped after 300 ms leaves all four in flight. */
    private static final SimulatorSettings SLOW = SimulatorSettings.defaults().withWorkers(1).withTimeScale(1)
            .withColdStartMs(100, 100).withExecutionMs(3000, 3000);
    private static final SimulatorSettings FAST = SimulatorSettings.defaults().withTimeScale(50)
            .withColdStartMs(1000, 1000).withExecutionMs(2000, 2000);

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void givenAStoppedRunWithJobsInFlight_whenCancelled_thenOnlyUnfinishedJobsAreCancelledAndCanBeSentAgain()
            throws Exception {
        try (PipelineFixture given = new PipelineFixture(dir, SLOW).numberedCsv(4)) {
            assertThat(given.run("--harvest-timeout", "300ms")).as("stopped with jobs in flight").isEqualTo(1);
            List<String> jobs = IntStream.rangeClosed(2, 5).mapToObj(line -> given.jobIdsOf(line).get(0)).toList();
            awaitStatus(given, jobs.get(0), "COMPLETED");

            Launched cancel = cancel(given);

            assertThat(cancel.exit()).as(cancel.err()).isZero();
            assertThat(cancel.out()).contains("line 2 (p1), job " + jobs.get(0) + ": already COMPLETED on the"
                    + " endpoint, not cancelled; left for the next run to collect (it is paid for)")
                    .contains("line 3 (p2), job " + jobs.get(1) + ": cancelled")
                    .contains("line 5 (p4), job " + jobs.get(3) + ": cancelled")
                    .contains("Cancelled 3 of 4; already ended 1, gone 0, not confirmed 0.");
            assertThat(jobs.subList(1, 4)).allSatisfy(id -> assertThat(simStatus(given, id)).isEqualTo("CANCELLED"));
            assertThat(simStatus(given, jobs.get(0))).isEqualTo("COMPLETED");

            Launched status = given.command("status", "--run-id", PipelineFixture.RUN_ID);
            assertThat(status.out()).contains("rows:        4: QUEUED 1, CANCELLED 3")
                    // the last status seen: the /run answer, as guided polling spends no /status call on a running
                    // job, or IN_PROGRESS when a round polled it on its own schedule
                    .containsPattern("line 2 \\(p1\\): job " + jobs.get(0) + ", IN_(QUEUE|PROGRESS)\n");
            Launched report = given.command("report", "--run-id", PipelineFixture.RUN_ID);
            assertThat(report.exit()).isZero();
            assertThat(given.jobsCsv()).extracting(r -> r.get("status"))
                    .containsExactly("QUEUED", "CANCELLED", "CANCELLED", "CANCELLED");
            assertThat(given.jobsCsv().get(1).get("error")).startsWith("cancelled by ./run.sh cancel at ");
            JsonNode summary = JsonMapper.builder().build().readTree(given.runDir().resolve("report/summary.json")
                    .toFile());
            assertThat(summary.at("/status_counts/CANCELLED").asInt()).isEqualTo(3);
            assertThat(summary.at("/failures/0/status").asString()).isEqualTo("CANCELLED");
            assertThat(summary.at("/failures/0/count").asInt()).as("one reason: one cancel command").isEqualTo(3);
            assertThat(summary.at("/hints").findValuesAsString("advice")).noneMatch(a -> a.contains("did not produce"));

            assertThat(given.run()).as("finished, with rows not done").isEqualTo(3);
            assertThat(given.jobsCsv()).extracting(r -> r.get("status"))
                    .containsExactly("COMPLETED", "CANCELLED", "CANCELLED", "CANCELLED");
            assertThat(given.sim().jobsCreated()).as("cancelled rows are not sent without the flag").isEqualTo(4);

            given.restartSimulator(FAST);
            assertThat(given.run("--resubmit-cancelled")).as("the finished run runs again").isZero();

            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).containsOnly("COMPLETED");
            assertThat(given.sim().jobsCreated()).as("the three cancelled rows, once each").isEqualTo(3);
            assertThat(given.jobIdsOf(3)).hasSize(2).startsWith(jobs.get(1));
            assertThat(given.runDir().resolve("images").toFile().list()).hasSize(4);
            assertThat(given.run("--resubmit-cancelled")).as("nothing left to send again").isZero();
            assertThat(given.sim().jobsCreated()).isEqualTo(3);
        }
    }

    @Test
    @Timeout(120)
    void givenAStoppedRunWhoseJobsWereAllCancelled_whenResumedWithResubmitCancelled_thenItSendsThemAndFinishes() {
        try (PipelineFixture given = new PipelineFixture(dir, SLOW).numberedCsv(4)) {
            assertThat(given.run("--harvest-timeout", "300ms")).isEqualTo(1);
            Launched cancel = cancel(given);
            assertThat(cancel.out()).as(cancel.err()).contains("Cancelled 4 of 4;");
            given.restartSimulator(FAST);

            assertThat(given.run("--resubmit-cancelled")).isZero();

            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).containsOnly("COMPLETED");
            assertThat(given.sim().jobsCreated()).isEqualTo(4);
        }
    }

    @Test
    @Timeout(120)
    void givenAnEndpointThatFailsEveryCall_whenCancelled_thenExitOneAndEveryRowIsLeftInFlight() {
        try (PipelineFixture given = new PipelineFixture(dir, SLOW).numberedCsv(2)) {
            assertThat(given.run("--harvest-timeout", "300ms")).isEqualTo(1);
            given.restartSimulator(SLOW.withFaults(FaultSettings.none().withHttp5xx(1.0)));

            Launched cancel = cancel(given, "--runpod.retry.initial-backoff=10ms",
                    "--runpod.retry.max-backoff=20ms");

            assertThat(cancel.exit()).as(cancel.err()).isEqualTo(1);
            assertThat(cancel.out()).startsWith("The endpoint cannot be reached, nothing was cancelled: ");
            assertThat(given.command("status", "--run-id", PipelineFixture.RUN_ID).out())
                    .contains("rows:        2: QUEUED 2");
        }
    }

    @Test
    void givenARunInProgress_whenCancelled_thenRefusedNamingItsProcessAndHowToStopIt() {
        try (PipelineFixture given = new PipelineFixture(dir, SLOW);
             LockHolder running = LockHolder.start(given.output, PipelineFixture.RUN_ID)) {

            Launched cancel = cancel(given);

            assertThat(cancel.exit()).isEqualTo(2);
            assertThat(cancel.err()).contains("run night is in progress in process " + running.pid() + ": stop it"
                    + " with kill -TERM " + running.pid() + ", then run cancel (a run started with --cancel-on-abort"
                    + " cancels its own jobs when stopped)");
        }
    }

    private static String simStatus(PipelineFixture fixture, String jobId) {
        return fixture.sim().job(jobId).map(SimulatedJobView::status).orElse("(gone)");
    }

    private static void awaitStatus(PipelineFixture fixture, String jobId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!simStatus(fixture, jobId).equals(status)) {
            assertThat(System.nanoTime()).as("job " + jobId + " never became " + status).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** {@code ./run.sh cancel} of the fixture's run, on the fixture's endpoint. */
    private static Launched cancel(PipelineFixture given, String... properties) {
        List<String> args = new ArrayList<>(List.of("--run-id", PipelineFixture.RUN_ID));
        args.addAll(given.endpointArgs());
        args.addAll(List.of(properties));
        return given.command("cancel", args.toArray(String[]::new));
    }
}
