package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.SdxlBatchApplication;
import io.sdxlbatch.sim.FaultSettings;
import io.sdxlbatch.sim.SimulatorSettings;

/** Guardrails and the failure breaker stop submission at the right row, leave the rest resumable, and say why. */
class StopFunctionalTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private static SimulatorSettings fast() {
        return SimulatorSettings.defaults().withTimeScale(100).withColdStartMs(1_000, 2_000)
                .withExecutionMs(3_000, 6_000);
    }

    private int run(PipelineFixture fixture, String... extra) {
        return SdxlBatchApplication.launch(fixture.args(extra).toArray(String[]::new),
                new PrintStream(console, true, StandardCharsets.UTF_8), System.err);
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** Rows asking for 1, 2, 1, 2... images. */
    private static String[] csv(int rows) {
        List<String> lines = new ArrayList<>(List.of("id,prompt,width,height,num_images"));
        for (int i = 1; i <= rows; i++) {
            lines.add("r" + i + ",prompt r" + i + ",64,64," + (i % 2 == 1 ? 1 : 2));
        }
        return lines.toArray(String[]::new);
    }

    @Test
    void givenMaxImages_whenTheNextRowWouldPassIt_thenSubmissionStopsThereAndAResumeWithoutItFinishes() {
        try (PipelineFixture given = new PipelineFixture(dir, fast()).csv(csv(10))) {
            int exit = run(given, "--max-images", "7");

            // 1 + 2 + 1 + 2 = 6; the fifth row (1 image) makes 7; the sixth (2) would make 9
            assertThat(exit).isEqualTo(1);
            assertThat(given.sim().jobsCreated()).isEqualTo(5);
            assertThat(console()).contains("stopped: --max-images 7 reached: 7 images sent, line 7 would add 2")
                    .contains("5 rows were not sent; they stay pending and are sent when the run resumes with the"
                            + " limit raised or removed");
            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).containsExactly("COMPLETED", "COMPLETED",
                    "COMPLETED", "COMPLETED", "COMPLETED", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING");

            assertThat(run(given)).isZero();
            assertThat(given.sim().jobsCreated()).as("each row paid once").isEqualTo(10);
        }
    }

    @Test
    void givenADeadlineAlreadyPassed_whenRun_thenNothingIsSentAndTheRunSaysWhy() {
        try (PipelineFixture given = new PipelineFixture(dir, fast()).csv(csv(3))) {
            int exit = run(given, "--deadline", "0s");

            assertThat(exit).isEqualTo(1);
            assertThat(given.sim().requestCount("run")).isZero();
            assertThat(console()).contains("stopped: --deadline reached (");
            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).containsOnly("PENDING");
        }
    }

    @Test
    void givenMaxCost_whenTheNextJobsEstimateWouldPassIt_thenSubmissionStops() {
        // nothing has finished yet when the rows are sent: each is estimated at the typical 10 s x $0.001
        SimulatorSettings slow = SimulatorSettings.defaults().withTimeScale(1).withColdStartMs(500, 500)
                .withExecutionMs(1_000, 1_000);
        try (PipelineFixture given = new PipelineFixture(dir, slow).csv("prompt", "a", "b", "c", "d", "e")) {
            int exit = run(given, "--max-cost", "0.035", "--price-per-second", "0.001");

            assertThat(exit).isEqualTo(1);
            assertThat(given.sim().jobsCreated()).isEqualTo(3);
            assertThat(console()).contains("stopped: --max-cost $0.035 reached: estimated $0.030000 spent or"
                    + " committed, line 5 would take it to $0.040000");
        }
    }

    @Test
    void givenAWorkerThatFailsEveryJob_whenMostOfTheWindowFailed_thenSubmissionStopsInsteadOfBurningTheCsv() {
        SimulatorSettings broken = fast().withFaults(FaultSettings.none().withWorkerFailure(1.0));
        try (PipelineFixture given = new PipelineFixture(dir, broken).csv(csv(40))) {
            int exit = run(given, "--failure-window", "4", "--max-in-flight", "2", "--max-retries", "0");

            assertThat(exit).isEqualTo(1);
            // the simulated worker fails in one of three ways: 3 alike out of 4 trips it, else 4 failures in a row
            assertThat(console()).containsPattern("stopped: (3 of the last 4 jobs failed the same way|the last 4 jobs"
                    + " all failed \\(most often:) .+; no new jobs are sent: fix the endpoint, then run the same"
                    + " command again");
            // the 4 failures that tripped it, the 2 in flight, and one POST that may be on the wire as it trips
            assertThat(given.sim().jobsCreated()).as("stopped early").isLessThanOrEqualTo(7);
            List<Map<String, String>> rows = given.jobsCsv();
            assertThat(Collections.frequency(rows.stream().map(r -> r.get("status")).toList(), "PENDING"))
                    .isGreaterThanOrEqualTo(33);
        }
    }

    @Test
    void givenTheBreakerTripped_whenJobsInFlightFailAfterwards_thenNoneIsSentAgainAndTheyWaitForTheResume() {
        SimulatorSettings broken = fast().withFaults(FaultSettings.none().withWorkerFailure(1.0));
        try (PipelineFixture given = new PipelineFixture(dir, broken).csv(csv(40))) {
            int exit = run(given, "--failure-window", "4", "--max-in-flight", "10");

            assertThat(exit).isEqualTo(1);
            List<Map<String, String>> rows = given.jobsCsv();
            for (Map<String, String> row : rows) {
                // /retry keeps a job's id; only a new POST /run would give the row a second one
                assertThat(given.jobIdsOf(Integer.parseInt(row.get("line")))).as("jobs of line %s", row.get("line"))
                        .hasSizeLessThanOrEqualTo(1);
            }
            assertThat(rows).anySatisfy(r -> assertThat(r.get("error"))
                    .endsWith("not retried because submission stopped, sent again when the run resumes"));
        }
    }
}
