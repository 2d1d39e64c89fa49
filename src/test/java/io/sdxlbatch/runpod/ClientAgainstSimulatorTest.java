package io.sdxlbatch.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sdxlbatch.sim.FaultSettings;
import io.sdxlbatch.sim.RunpodSimulator;
import io.sdxlbatch.sim.SimulatorSettings;
import io.sdxlbatch.time.Sleeper;

/** The client drives the whole tutorial workflow and every queue operation against the simulator. */
class ClientAgainstSimulatorTest {

    private RunpodSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private RunpodClient clientFor(SimulatorSettings settings) {
        sim = RunpodSimulator.start(settings);
        return new RunpodClient(RunpodSettings.of(sim.baseUrl(), sim.endpointId(), sim.apiKey()),
                Clock.systemUTC(), new RecordingSleeper());
    }

    private static SimulatorSettings fast() {
        return SimulatorSettings.defaults().withTimeScale(1000).withColdStartMs(2000, 2000)
                .withExecutionMs(6000, 6000);
    }

    @Test
    void theTutorialFlowEndsWithADecodablePngOfTheRequestedSize() throws Exception {
        RunpodClient client = clientFor(fast());

        JobStatus queued = client.run(JobRequest.of(Map.of("prompt", "a lighthouse", "width", 256, "height", 128,
                "seed", 42)));
        assertThat(queued.state()).isEqualTo(JobState.IN_QUEUE);
        JobStatus done = pollUntil(client, queued.id(), JobStatus::isFinal);

        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.delayTime()).isGreaterThanOrEqualTo(2000);
        assertThat(done.executionTime()).isEqualTo(6000);
        OutputImage image = done.output().images().get(0);
        assertThat(image.seed()).isEqualTo(42);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.base64Payload())));
        assertThat(png.getWidth()).isEqualTo(256);
        assertThat(png.getHeight()).isEqualTo(128);
    }

    @Test
    void aWorkerValidationFailureArrivesAsAParsedError() throws Exception {
        RunpodClient client = clientFor(fast());

        JobStatus queued = client.run(JobRequest.of(Map.of("prompt", "x", "colour", "red")));
        JobStatus failed = pollUntil(client, queued.id(), JobStatus::isFinal);

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error().summary()).contains("colour is not a valid input option");
    }

    @Test
    void anExpiredResultIsAJobNotFound() throws Exception {
        RunpodClient client = clientFor(fast().withRetentionMs(1000));

        JobStatus queued = client.run(JobRequest.of(Map.of("prompt", "x", "width", 64, "height", 64)));
        // 200 real ms are 200 simulated seconds: the 8 s job finished and its 1 s retention ran out long ago
        Thread.sleep(200);

        assertThatThrownBy(() -> client.status(queued.id()))
                .isInstanceOfSatisfying(RunpodException.NotFound.class,
                        e -> assertThat(e.target()).isEqualTo(RunpodException.NotFound.Target.JOB));
    }

    @Test
    void cancelRetryPurgeAndHealthWork() {
        RunpodClient client = clientFor(SimulatorSettings.defaults().withWorkers(1).withTimeScale(1));
        JobStatus a = client.run(JobRequest.of(Map.of("prompt", "a")));
        JobStatus b = client.run(JobRequest.of(Map.of("prompt", "b")));
        client.run(JobRequest.of(Map.of("prompt", "c")));

        assertThat(client.health().inQueue() + client.health().inProgress()).isEqualTo(3);
        assertThat(client.cancel(b.id()).state()).isEqualTo(JobState.CANCELLED);
        // a waits for the cold worker and c behind it: both are still queued
        assertThat(client.purgeQueue().removed()).isEqualTo(2);
        assertThatThrownBy(() -> client.status(a.id())).isInstanceOf(RunpodException.NotFound.class);
        assertThatThrownBy(() -> client.retry(b.id())).isInstanceOf(RunpodException.Rejected.class);
    }

    @Test
    void runsyncReturnsTheFinishedJobWithinItsWait() {
        RunpodClient client = clientFor(fast());

        JobStatus done = client.runSync(JobRequest.of(Map.of("prompt", "sync", "width", 64, "height", 64)),
                Duration.ofSeconds(60));

        assertThat(done.id()).startsWith("sync-");
        assertThat(done.hasImages()).isTrue();
    }

    @Test
    void aRunWhoseAnswerWasLostIsNotSentTwice() {
        RunpodClient client = clientFor(fast().withFaults(FaultSettings.none().withDropAfterAccept(1.0)));

        assertThatThrownBy(() -> client.run(JobRequest.of(Map.of("prompt", "once"))))
                .isInstanceOf(RunpodException.NoAnswer.class);

        assertThat(sim.jobsCreated()).isEqualTo(1);
        assertThat(sim.requestCount("run")).isEqualTo(1);
    }

    @Test
    void theWrongKeyIsUnauthorizedAndTheWrongEndpointNotFound() {
        clientFor(fast());
        Sleeper none = d -> { };
        RunpodClient badKey = new RunpodClient(RunpodSettings.of(sim.baseUrl(), sim.endpointId(), "wrong"),
                Clock.systemUTC(), none);
        RunpodClient badEndpoint = new RunpodClient(RunpodSettings.of(sim.baseUrl(), "nope", sim.apiKey()),
                Clock.systemUTC(), none);

        assertThatThrownBy(badKey::health).isInstanceOf(RunpodException.Unauthorized.class);
        assertThatThrownBy(badEndpoint::health).isInstanceOf(RunpodException.NotFound.class)
                .hasMessageContaining("no endpoint 'nope'");
    }

    private static JobStatus pollUntil(RunpodClient client, String id, Predicate<JobStatus> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JobStatus s = client.status(id);
            if (done.test(s)) {
                return s;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("job " + id + " did not finish in time");
    }
}
