package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.sim.RunpodSimulator;
import io.sdxlbatch.sim.SimulatorSettings;

/**
 * What polling costs, counted by the simulator: with the endpoint to itself a run reads each result with about one
 * /status call and never asks about a queued job; on an endpoint shared with another client it still collects
 * everything.
 */
class PollingFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void givenEndpointOnlyThisRunUses_whenTheRunFinishes_thenEachResultTookAboutOneStatusCall() {
        // 40 jobs on 3 workers: most of them wait in the queue for a while, where the old schedule polled them
        SimulatorSettings settings = SimulatorSettings.defaults().withWorkers(3).withTimeScale(100)
                .withColdStartMs(2_000, 4_000).withExecutionMs(6_000, 9_000).withSeed(5);
        try (PipelineFixture fixture = new PipelineFixture(dir, settings)) {
            fixture.numberedCsv(40);

            assertThat(fixture.run()).isZero();

            assertThat(fixture.jobsCsv()).hasSize(40).allMatch(row -> "COMPLETED".equals(row.get("status")));
            assertThat(fixture.sim().requestCount("status")).isBetween(40L, 44L);
            assertThat(fixture.sim().requestCount("health")).isPositive();
        }
    }

    @Test
    void givenEndpointSharedWithAnotherClient_whenTheRunFinishes_thenEveryImageIsCollected() throws Exception {
        // at time scale 10 the 12 foreign jobs keep both workers busy for about 4 s, longer than the start-up
        SimulatorSettings settings = SimulatorSettings.defaults().withWorkers(2).withTimeScale(10)
                .withColdStartMs(1_000, 1_000).withExecutionMs(6_000, 6_000).withSeed(6);
        try (PipelineFixture fixture = new PipelineFixture(dir, settings)) {
            submitForeignJobs(fixture.sim(), 12);
            fixture.numberedCsv(10);

            assertThat(fixture.run()).isZero();

            assertThat(fixture.jobsCsv()).hasSize(10).allMatch(row -> "COMPLETED".equals(row.get("status")));
            try (var images = Files.list(fixture.runDir().resolve("images"))) {
                assertThat(images.filter(p -> p.toString().endsWith(".png"))).hasSize(10);
            }
            assertThat(Files.readString(fixture.runDir().resolve("run.log")))
                    .contains("the endpoint's queue holds jobs that are not this run's");
        }
    }

    /** Another client's jobs, queued ahead of the run's: /health counts them too. */
    private static void submitForeignJobs(RunpodSimulator sim, int jobs) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < jobs; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + sim.endpointId() + "/run"))
                    .header("Authorization", "Bearer " + sim.apiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"someone else's\","
                            + "\"width\":64,\"height\":64}}"))
                    .build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
