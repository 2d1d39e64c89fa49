package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.ObjectMapper;

import io.sdxlbatch.sim.RunpodSimulator;
import io.sdxlbatch.sim.SimulatorSettings;

/**
 * What harvesting costs and when results land. Polling, counted by the simulator: with the endpoint to itself a run
 * reads each result with about one /status call and never asks about a queued job; on an endpoint shared with
 * another client it still collects everything. Images reach images/ while the run is still waiting on others.
 */
class HarvestFunctionalTests {

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

    @Test
    void givenJobsFinishingOneAfterAnother_whenTheFirstIsHarvested_thenItsImageIsPublishedWhileOthersStillRun()
            throws Exception {
        // one worker in real time: the third image is ready 2 s after the first
        SimulatorSettings settings = SimulatorSettings.defaults().withWorkers(1).withTimeScale(1)
                .withColdStartMs(100, 100).withExecutionMs(1_000, 1_000).withSeed(7);
        try (PipelineFixture fixture = new PipelineFixture(dir, settings)) {
            fixture.numberedCsv(3);
            Path first = fixture.runDir().resolve("images").resolve("p1.png");
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(fixture::run);

            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(first) && !run.isDone() && System.nanoTime() < until) {
                Thread.sleep(20);
            }

            assertThat(first).exists();
            assertThat(completedOnTheEndpoint(fixture.sim())).as("published while the others still run")
                    .isLessThan(3);
            assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
            assertThat(fixture.jobsCsv()).hasSize(3).allMatch(row -> "COMPLETED".equals(row.get("status")));
        }
    }

    private static long completedOnTheEndpoint(RunpodSimulator sim) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + sim.endpointId() + "/health"))
                .header("Authorization", "Bearer " + sim.apiKey()).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).path("jobs").path("completed").asLong();
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
