package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Timeouts, expiry, cancel, retry, purge and health over HTTP. */
class JobLifecycleTest {

    private static final String SMALL = "{\"prompt\":\"x\",\"width\":32,\"height\":32}";
    private RunpodSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    private SimClient start(SimulatorSettings settings) {
        simulator = RunpodSimulator.start(settings);
        return new SimClient(simulator);
    }

    private static SimulatorSettings fast() {
        return SimulatorSettings.defaults().withTimeScale(1000).withRetentionMs(3_600_000);
    }

    @Test
    void executionTimeoutEndsTheJobTimedOut() throws Exception {
        SimClient client = start(fast().withExecutionMs(60_000, 60_000));
        String id = client.submitBody("{\"input\":" + SMALL + ",\"policy\":{\"executionTimeout\":10000}}");
        JsonNode done = client.awaitFinal(id);
        assertThat(done.get("status").asString()).isEqualTo("TIMED_OUT");
        assertThat(done.get("executionTime").asLong()).isEqualTo(10_000);
    }

    @Test
    void ttlDeletesAQueuedJob() throws Exception {
        SimClient client = start(fast().withColdStartMs(3_600_000, 3_600_000));
        String id = client.submitBody("{\"input\":" + SMALL + ",\"policy\":{\"ttl\":20000}}");
        client.awaitGone(id);
        assertThat(simulator.job(id)).isEmpty();
    }

    @Test
    void resultsExpireAfterRetention() throws Exception {
        SimClient client = start(SimulatorSettings.defaults().withTimeScale(1000).withRetentionMs(200_000));
        String id = client.submit(SMALL);
        assertThat(client.awaitFinal(id).get("status").asString()).isEqualTo("COMPLETED");
        client.awaitGone(id);
    }

    @Test
    void cancelQueuedAndRunningJobs() throws Exception {
        SimClient client = start(fast().withWorkers(1).withColdStartMs(1000, 1000).withIdleTimeoutMs(3_600_000)
                .withExecutionMs(3_600_000, 3_600_000));
        String running = client.submit(SMALL);
        String queued = client.submit(SMALL);
        client.awaitStatus(running, s -> "IN_PROGRESS".equals(s.get("status").asString()));

        JsonNode cancelledQueued = SimClient.json(client.post("cancel/" + queued, ""));
        JsonNode cancelledRunning = SimClient.json(client.post("cancel/" + running, ""));

        assertThat(cancelledQueued.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelledRunning.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(client.status(running).get("status").asString()).isEqualTo("CANCELLED");
        String next = client.submit(SMALL);
        assertThat(client.awaitStatus(next, s -> "IN_PROGRESS".equals(s.get("status").asString()))
                .get("delayTime").asLong()).as("the freed worker takes the next job at once").isZero();
    }

    @Test
    void retryRequeuesAFailedJobUnderTheSameIdButRefusesACompletedOne() throws Exception {
        SimClient client = start(fast());
        String failed = client.submit("{\"prompt\":\"x\",\"bogus\":1}");
        String completed = client.submit(SMALL);
        assertThat(client.awaitFinal(failed).get("status").asString()).isEqualTo("FAILED");
        client.awaitFinal(completed);

        HttpResponse<String> retried = client.post("retry/" + failed, "");
        HttpResponse<String> refused = client.post("retry/" + completed, "");

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(retried).get("id").asString()).isEqualTo(failed);
        assertThat(SimClient.json(retried).get("status").asString()).isEqualTo("IN_QUEUE");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(client.awaitFinal(failed).get("status").asString()).isEqualTo("FAILED");
        assertThat(SimClient.json(client.get("health")).get("jobs").get("retried").asLong()).isEqualTo(1);
        assertThat(simulator.jobsCreated()).isEqualTo(2);
    }

    @Test
    void purgeRemovesOnlyQueuedJobsWhichThenAre404() throws Exception {
        SimClient client = start(fast().withWorkers(1).withColdStartMs(1000, 1000).withExecutionMs(3_600_000,
                3_600_000));
        String running = client.submit(SMALL);
        client.awaitStatus(running, s -> "IN_PROGRESS".equals(s.get("status").asString()));
        String queued1 = client.submit(SMALL);
        String queued2 = client.submit(SMALL);

        JsonNode purge = SimClient.json(client.post("purge-queue", ""));

        assertThat(purge.get("removed").asInt()).isEqualTo(2);
        assertThat(purge.get("status").asString()).isEqualTo("completed");
        assertThat(client.get("status/" + queued1).statusCode()).isEqualTo(404);
        assertThat(client.get("status/" + queued2).statusCode()).isEqualTo(404);
        assertThat(client.status(running).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void healthCountsJobsAndWorkers() throws Exception {
        SimClient client = start(fast().withWorkers(2).withColdStartMs(1000, 1000).withExecutionMs(3_600_000,
                3_600_000));
        String first = client.submit(SMALL);
        client.submit(SMALL);
        client.awaitStatus(first, s -> "IN_PROGRESS".equals(s.get("status").asString()));
        client.submit(SMALL);

        JsonNode health = SimClient.json(client.get("health"));

        assertThat(health.get("jobs").get("inProgress").asInt()).isEqualTo(2);
        assertThat(health.get("jobs").get("inQueue").asInt()).isEqualTo(1);
        assertThat(health.get("jobs").get("completed").asInt()).isZero();
        assertThat(health.get("workers").get("running").asInt()).isEqualTo(2);
        assertThat(health.get("workers").get("idle").asInt()).isZero();
    }
}
