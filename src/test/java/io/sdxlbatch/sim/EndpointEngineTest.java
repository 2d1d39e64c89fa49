package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The endpoint model driven by a manual clock: exact, deterministic numbers without any HTTP or sleeping. */
class EndpointEngineTest {

    private static final JsonNode INPUT = SimClient.JSON.readTree("{\"prompt\":\"x\",\"width\":16,\"height\":16}");

    private long now = 1_000_000;
    private final SimulatorSettings settings = SimulatorSettings.defaults().withWorkers(1)
            .withColdStartMs(20_000, 20_000).withExecutionMs(8_000, 8_000).withIdleTimeoutMs(5_000);
    private final EndpointEngine engine = new EndpointEngine(settings, () -> now);

    @Test
    void delayIncludesColdStartAndExecutionIsTheDrawnDuration() {
        String id = engine.submit(INPUT, JobPolicy.defaults(), false).id();
        now += 19_999;
        assertThat(engine.snapshot(id).orElseThrow().state()).isEqualTo(JobState.IN_QUEUE);
        now += 1 + 8_000;
        JobSnapshot done = engine.snapshot(id).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.delayTimeMs()).isEqualTo(20_000);
        assertThat(done.executionTimeMs()).isEqualTo(8_000);
    }

    @Test
    void warmWorkerStartsAtOnceButGoesColdAfterTheIdleTimeout() {
        engine.submit(INPUT, JobPolicy.defaults(), false);
        now += 28_000;
        String warm = engine.submit(INPUT, JobPolicy.defaults(), false).id();
        assertThat(engine.snapshot(warm).orElseThrow().delayTimeMs()).isZero();
        now += 8_000 + 5_001;
        assertThat(engine.health().idle()).isZero();
        String cold = engine.submit(INPUT, JobPolicy.defaults(), false).id();
        now += 20_000;
        assertThat(engine.snapshot(cold).orElseThrow().delayTimeMs()).isEqualTo(20_000);
    }

    @Test
    void queuedJobsRunInSubmissionOrderAndWaitForTheWorker() {
        String first = engine.submit(INPUT, JobPolicy.defaults(), false).id();
        String second = engine.submit(INPUT, JobPolicy.defaults(), false).id();
        now += 20_000 + 8_000 + 8_000;
        assertThat(engine.snapshot(first).orElseThrow().delayTimeMs()).isEqualTo(20_000);
        assertThat(engine.snapshot(second).orElseThrow().delayTimeMs()).isEqualTo(28_000);
    }

    @Test
    void ttlDeletesARunningJobAndFreesItsWorker() {
        String id = engine.submit(INPUT, new JobPolicy(600_000, 25_000, false), false).id();
        now += 25_000;
        assertThat(engine.snapshot(id)).isEmpty();
        assertThat(engine.health().idle()).isEqualTo(1);
    }

    @Test
    void lowPriorityJobsDoNotWakeAColdWorker() {
        engine.submit(INPUT, new JobPolicy(600_000, 86_400_000, true), false);
        assertThat(engine.health().initializing()).isZero();
        assertThat(engine.health().inQueue()).isEqualTo(1);
    }
}
