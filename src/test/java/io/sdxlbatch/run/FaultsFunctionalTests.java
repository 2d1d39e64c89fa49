package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.images.PngFile;
import io.sdxlbatch.sim.FaultSettings;
import io.sdxlbatch.sim.SimulatorSettings;

/** Faults of every kind at once; and short result retention under a deep queue. Nothing may be lost silently. */
class FaultsFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void theRunFinishesThroughEveryFaultAndReportsEachFailureWithItsReason() throws Exception {
        FaultSettings faults = FaultSettings.none().withHttp429(0.05).withHttp5xx(0.05).withDrop(0.05)
                .withDropAfterAccept(0.05).withWorkerFailure(0.25).withNoOutput(0.1).withCorrupt(0.3);
        // Retention 4 h simulated (72 s real at this scale): Retry-After waits stay real seconds, and at the default
        // 30 min (9 s real) a 429 burst alone could outlast a result. Expiry has its own test below.
        SimulatorSettings flaky = SimulatorSettings.defaults().withTimeScale(200).withColdStartMs(2000, 4000)
                .withExecutionMs(6000, 9000).withRetentionMs(4 * 3_600_000L).withFaults(faults).withSeed(11);
        try (PipelineFixture given = new PipelineFixture(dir, flaky).numberedCsv(30)) {

            int exit = RestartFunctionalTests.runUntilFinished(given);

            List<Map<String, String>> report = given.jobsCsv();
            assertThat(report).hasSize(30);
            assertThat(report).extracting(r -> r.get("status"))
                    .allMatch(s -> List.of("COMPLETED", "FAILED", "NO_OUTPUT", "UNDECODABLE").contains(s));
            assertThat(exit).isEqualTo(report.stream().allMatch(r -> r.get("status").equals("COMPLETED")) ? 0 : 3);
            for (Map<String, String> row : report) {
                if (row.get("status").equals("COMPLETED")) {
                    for (String image : row.get("images").split(";")) {
                        assertThat(PngFile.problem(Files.readAllBytes(given.runDir().resolve(image)))).isNull();
                    }
                } else {
                    assertThat(row.get("error")).as("reason for %s", row.get("prompt_id")).isNotBlank();
                }
                if (row.get("status").equals("NO_OUTPUT")) {
                    assertThat(row.get("error")).contains("without output");
                }
            }
            assertThat(report).extracting(r -> r.get("status")).as("worker failures were seen and kept")
                    .contains("COMPLETED").containsAnyOf("FAILED", "NO_OUTPUT");
        }
    }

    @Test
    void nothingExpiresWhenResultsAreKeptOnlySecondsAndTheQueueIsCapped() {
        SimulatorSettings tight = SimulatorSettings.defaults().withWorkers(3).withTimeScale(100)
                .withColdStartMs(10000, 20000).withExecutionMs(6000, 15000).withRetentionMs(60_000)
                .withQueueCap(10);
        try (PipelineFixture given = new PipelineFixture(dir, tight).numberedCsv(60)) {

            int exit = given.run("--max-in-flight", "14");

            assertThat(exit).isZero();
            assertThat(given.jobsCsv()).extracting(r -> r.get("status")).containsOnly("COMPLETED");
            assertThat(given.sim().jobsCreated()).isEqualTo(60);
        }
    }
}
