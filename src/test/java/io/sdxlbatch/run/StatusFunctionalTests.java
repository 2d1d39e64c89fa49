package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.progress.ProgressSnapshot;
import io.sdxlbatch.report.Figures;
import io.sdxlbatch.sim.SimulatorSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./run.sh status} and {@code ./run.sh runs} on real runs, and while another process holds the output folder
 * (a child JVM standing in for a run in progress, which writes its progress.json).
 */
class StatusFunctionalTests {

    private static final SimulatorSettings QUICK = SimulatorSettings.defaults().withTimeScale(50)
            .withColdStartMs(1000, 1000).withExecutionMs(2000, 4000);

    @TempDir
    Path dir;

    /** Ten good rows and one too wide to send (line 12). */
    private static PipelineFixture tenRowsAndABadOne(Path dir) {
        return new PipelineFixture(dir, QUICK).csv(Stream.concat(Stream.of("id,prompt,width,height"),
                IntStream.rangeClosed(1, 11).mapToObj(i -> i == 11 ? "p11,too wide,1020,64"
                        : "p" + i + ",prompt number " + i + ",64,64")).toArray(String[]::new));
    }

    @Test
    void givenAFinishedRun_whenStatusIsAsked_thenItsRowsJobAndLastErrorFromTheJobRepository() {
        try (PipelineFixture given = tenRowsAndABadOne(dir)) {
            assertThat(given.run()).isEqualTo(3);

            Launched status = given.command("status", "--run-id", PipelineFixture.RUN_ID);

            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(status.out()).startsWith("Run night (from the job repository;")
                    .containsPattern("(?m)^  job: +COMPLETED; started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, ended ")
                    .contains("  rows:        11: COMPLETED 10, REJECTED 1\n")
                    .contains("  in flight:   none\n")
                    .contains("  last error:  line 12 (p11, REJECTED): width 1020 is not a positive multiple of 8")
                    .contains("  report:      " + given.runDir().resolve("report/report.html"))
                    .doesNotContain("next:");
        }
    }

    @Test
    void givenAnUnknownRun_whenStatusIsAsked_thenExitTwoNamingTheRunsThatExist() {
        try (PipelineFixture given = tenRowsAndABadOne(dir)) {
            given.run();

            Launched status = given.command("status", "--run-id", "nope");

            assertThat(status.exit()).isEqualTo(2);
            assertThat(status.err()).contains("no run 'nope' in the job repository; runs it holds: night");
        }
    }

    @Test
    void givenARunInProgressInAnotherProcess_whenStatusIsAsked_thenItsLiveFiguresAndPid() {
        try (PipelineFixture given = tenRowsAndABadOne(dir);
             LockHolder running = LockHolder.start(given.output, PipelineFixture.RUN_ID)) {

            Launched live = given.command("status", "--run-id", PipelineFixture.RUN_ID);
            Launched other = given.command("status", "--run-id", "monday");

            assertThat(live.exit()).as(live.err()).isZero();
            assertThat(live.out()).startsWith("Run night is in progress: live, from process " + running.pid()
                    + ", updated ")
                    .contains("  rows:        10: PENDING 2, SENDING 1, QUEUED 3, COMPLETED 4\n")
                    .contains("  in flight:   4 (queued or running")
                    .contains("  images:      5 written, 12.5 per minute; about 1 min 30 s to go\n")
                    .contains("  last error:  line 7: worker said boom\n");
            assertThat(other.exit()).isZero();
            assertThat(other.out()).startsWith("Run night is in progress in process " + running.pid()
                    + " in this output folder, so the job repository is locked until it ends: monday can be read"
                    + " in full then.");
        }
    }

    @Test
    void givenAProcessThatWroteNoProgressYet_whenStatusIsAsked_thenOnlyThatARunIsInProgressThere() {
        try (PipelineFixture given = tenRowsAndABadOne(dir); LockHolder running = LockHolder.start(given.output)) {

            Launched status = given.command("status", "--run-id", PipelineFixture.RUN_ID);

            assertThat(status.exit()).isZero();
            assertThat(status.out()).isEqualTo("A run is in progress in process " + running.pid() + " in this output"
                    + " folder (night, or another: it has written no progress.json yet); nothing more is known until"
                    + " it ends.\n");
        }
    }

    @Test
    void givenTwoRuns_whenListed_thenNewestFirstWithTheirCountsAndTheReportsCost() {
        try (PipelineFixture given = tenRowsAndABadOne(dir)) {
            given.run("--run-id", "monday");
            given.run("--run-id", "tuesday");

            Launched runs = given.command("runs");

            assertThat(runs.exit()).as(runs.err()).isZero();
            List<String> lines = runs.out().lines().toList();
            assertThat(lines.get(0)).matches("RUN ID +STATE +FIRST SENT +LAST RESULT +ROWS +DONE +FAILED +CANCELLED"
                    + " +PENDING +IMAGES +EST\\. COST");
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1)).startsWith("tuesday ").endsWith(" 11    10       1          0        0      10"
                    + "    " + cost(given, "tuesday"));
            assertThat(lines.get(2)).startsWith("monday ").contains(" COMPLETED ").endsWith(cost(given, "monday"));
        }
    }

    @Test
    void givenARunInProgress_whenListed_thenWhatTheProgressFilesSay() {
        try (PipelineFixture given = tenRowsAndABadOne(dir)) {
            new ProgressSnapshot("monday", 1, Instant.parse("2026-12-03T02:00:00Z"), 11,
                    Map.of("DONE", 9, "FAILED", 1, "REJECTED", 1), 9, 10.0, null, 0, null, null)
                    .write(given.output.resolve("monday"));
            try (LockHolder running = LockHolder.start(given.output, PipelineFixture.RUN_ID)) {

                Launched runs = given.command("runs");

                assertThat(runs.exit()).as(runs.err()).isZero();
                assertThat(runs.out()).startsWith("The job repository in " + given.output + " is locked: a run is in"
                        + " progress in process " + running.pid() + ", and the full list can be read when it ends.");
                assertThat(runs.out().lines()).anyMatch(l -> l.matches("night +in progress \\(pid " + running.pid()
                        + "\\) +\\S+ \\S+ +10 +4 +0 +0 +6 +5"))
                        .anyMatch(l -> l.matches("monday +not running \\(was pid 1\\) +\\S+ \\S+ +11 +9 +2 +0 +0 +9"));
            }
        }
    }

    /** The run's estimated cost as its report.html and summary.json show it. */
    private static String cost(PipelineFixture fixture, String runId) {
        BigDecimal total = JsonMapper.builder().build().readTree(fixture.output.resolve(runId)
                .resolve("report/summary.json").toFile()).at("/cost/total").decimalValue();
        return Figures.usd(total);
    }
}
