package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private static final String BODY = "{\"input\":{\"prompt\":\"x\",\"width\":32,\"height\":32}}";
    private RunpodSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void deepQueuePushesBackWith429AndRetryAfter() throws Exception {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withWorkers(1).withQueueCap(2)
                .withColdStartMs(3_600_000, 3_600_000));
        SimClient client = new SimClient(simulator);
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("run", BODY).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> rejected = client.post("run", BODY);

        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(rejected.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(simulator.jobsCreated()).isEqualTo(3);
    }

    @Test
    void rateLimitPerOperationAnswers429WithRetryAfter() throws Exception {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults()
                .withRateLimits(RateLimitSettings.defaults().withPurgeQueue(2).withWindowMs(60_000)));
        SimClient client = new SimClient(simulator);
        assertThat(client.post("purge-queue", "").statusCode()).isEqualTo(200);
        assertThat(client.post("purge-queue", "").statusCode()).isEqualTo(200);

        HttpResponse<String> third = client.post("purge-queue", "");

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(client.get("health").statusCode()).isEqualTo(200);
        assertThat(simulator.requestCount("purge-queue")).isEqualTo(3);
    }

    @Test
    void runsyncAndStatusShareOneBudget() throws Exception {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults()
                .withRateLimits(RateLimitSettings.defaults().withRunsyncStatus(1).withWindowMs(60_000)));
        SimClient client = new SimClient(simulator);
        assertThat(client.get("status/unknown").statusCode()).isEqualTo(404);
        assertThat(client.post("runsync", BODY).statusCode()).isEqualTo(429);
    }
}
