package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.sim.FaultSettings;
import io.sdxlbatch.sim.SimulatorSettings;

/**
 * Restart in the spring-batch samples' style: run, fail on an injected fault, run again with the same parameters,
 * end COMPLETED with each prompt paid for once and each image written once.
 */
class RestartFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void aRunStoppedByItsDeadlineResumesWithoutPayingTwice() {
        // the first result is ready 0.8 s after submission at the earliest (cold start 0.5 s, execution 0.3 s real):
        // well past the 300 ms harvest, even when a loaded machine starts the harvest step late
        SimulatorSettings slow = SimulatorSettings.defaults().withWorkers(1).withTimeScale(20)
                .withColdStartMs(10_000, 10_000).withExecutionMs(6000, 8000);
        try (PipelineFixture given = new PipelineFixture(dir, slow).numberedCsv(6)) {
            assertThat(given.run("--harvest-timeout", "300ms")).as("stopped by the deadline").isEqualTo(1);
            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).contains("QUEUED");
            long paidAfterFirst = given.sim().jobsCreated();

            int exit = given.run();

            assertThat(exit).isZero();
            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).containsOnly("COMPLETED");
            assertThat(paidAfterFirst).as("everything was submitted before the deadline").isEqualTo(6);
            assertThat(given.sim().jobsCreated()).as("nothing submitted again").isEqualTo(6);
            for (int line = 2; line <= 7; line++) {
                assertThat(given.jobIdsOf(line)).hasSize(1);
            }
            assertThat(given.runDir().resolve("images").toFile().list()).hasSize(6);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void whenHarvestingStopsSubmissionStopsTooInsteadOfPayingForJobsNobodyCollects() {
        // the first result is ready 0.8 s after submission at the earliest (cold start 0.5 s, execution 0.3 s real):
        // well past the 300 ms harvest, even when a loaded machine starts the harvest step late
        SimulatorSettings slow = SimulatorSettings.defaults().withWorkers(1).withTimeScale(20)
                .withColdStartMs(10_000, 10_000).withExecutionMs(6000, 8000);
        try (PipelineFixture given = new PipelineFixture(dir, slow).numberedCsv(10)) {

            int exit = given.run("--harvest-timeout", "300ms", "--max-in-flight", "2");

            assertThat(exit).isEqualTo(1);
            assertThat(given.sim().jobsCreated()).as("only what was in flight when harvesting stopped")
                    .isLessThanOrEqualTo(3);
            assertThat(given.runDir().resolve("report/jobs.csv")).exists();
            assertThat(given.run("--max-in-flight", "2")).isZero();
            assertThat(given.sim().jobsCreated()).isEqualTo(10);
        }
    }

    @Test
    void aLostAnswerIsResentAndFlaggedAsAPossibleDuplicateAndNothingElseIs() {
        SimulatorSettings lossy = SimulatorSettings.defaults().withTimeScale(200).withColdStartMs(2000, 2000)
                .withExecutionMs(6000, 6000).withFaults(FaultSettings.none().withDropAfterAccept(0.4)).withSeed(7);
        try (PipelineFixture given = new PipelineFixture(dir, lossy).numberedCsv(10)) {

            int exit = runUntilFinished(given);

            assertThat(exit).isZero();
            List<Map<String, String>> report = given.jobsCsv();
            assertThat(report).extracting(r -> r.get("status")).containsOnly("COMPLETED");
            List<String> accepted = given.sim().acceptedPrompts();
            for (Map<String, String> row : report) {
                String prompt = "prompt number " + row.get("prompt_id").substring(1);
                int paid = Collections.frequency(accepted, prompt);
                assertThat(row.get("possible_duplicate")).as("row %s paid %d times", row.get("prompt_id"), paid)
                        .isEqualTo(paid > 1 ? "yes" : "no");
            }
            assertThat(report).extracting(r -> r.get("possible_duplicate")).as("the fault did fire").contains("yes");
        }
    }

    /** A run may stop (exit 1) when faults pile up; the user's answer is to run it again. */
    static int runUntilFinished(PipelineFixture fixture, String... extra) {
        int exit = 1;
        for (int attempt = 0; attempt < 5 && exit == 1; attempt++) {
            exit = fixture.run(extra);
        }
        return exit;
    }

    @Test
    void aPublishThatCouldNotWriteIsDoneByTheNextRunNotAbandoned() throws Exception {
        SimulatorSettings endpoint = SimulatorSettings.defaults().withTimeScale(200).withColdStartMs(1000, 2000)
                .withExecutionMs(3000, 6000);
        try (PipelineFixture given = new PipelineFixture(dir, endpoint).csv("id,prompt", "a,one", "b,two",
                "c,three")) {
            // a file where the images folder goes: every image write fails, as on a full disk
            java.nio.file.Files.createDirectories(given.runDir());
            java.nio.file.Files.writeString(given.runDir().resolve("images"), "in the way");

            assertThat(given.run()).as("stopped: nothing could be published").isEqualTo(1);
            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).containsOnly("HARVESTED");

            java.nio.file.Files.delete(given.runDir().resolve("images"));
            assertThat(given.run()).as("the next run publishes what was staged").isZero();

            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).containsOnly("COMPLETED");
            assertThat(given.runDir().resolve("images/a.png")).isRegularFile();
            assertThat(given.sim().jobsCreated()).as("nothing paid twice").isEqualTo(3);
        }
    }
}
