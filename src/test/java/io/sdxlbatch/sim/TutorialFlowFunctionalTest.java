package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tutorial's curl flow, end to end over loopback HTTP, in given/when/then form. */
class TutorialFlowFunctionalTest {

    private RunpodSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void submittedJobIsQueuedThenCompletesWithARealPngOfTheRequestedSize() throws Exception {
        // given an endpoint whose minutes pass in milliseconds
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(1000));
        SimClient client = new SimClient(simulator);

        // when the tutorial's request is posted to /run
        HttpResponse<String> run = client.post("run",
                "{\"input\":{\"prompt\":\"a red fox in snow\",\"width\":256,\"height\":128,\"seed\":42}}");

        // then it is queued, and later completed with numbers in simulated ms and a decodable PNG
        assertThat(run.statusCode()).isEqualTo(200);
        JsonNode accepted = SimClient.json(run);
        assertThat(accepted.get("status").asString()).isEqualTo("IN_QUEUE");
        String id = accepted.get("id").asString();
        assertThat(client.status(id).get("status").asString()).isIn("IN_QUEUE", "IN_PROGRESS", "COMPLETED");

        JsonNode done = client.awaitFinal(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("delayTime").asLong()).isBetween(10_000L, 45_100L);
        assertThat(done.get("executionTime").asLong()).isBetween(6_000L, 15_100L);
        assertThat(done.get("workerId").asString()).matches("[a-z0-9]{14}");
        JsonNode output = done.get("output");
        assertThat(output.get("seed").asLong()).isEqualTo(42);
        assertThat(output.get("images")).hasSize(1);
        assertThat(output.get("image_url").asString()).isEqualTo(output.get("images").get(0).asString());
        BufferedImage image = decode(output.get("image_url").asString());
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(128);
        assertThat(simulator.job(id).orElseThrow().pngs().get(0))
                .isEqualTo(Base64.getDecoder().decode(dataOf(output.get("image_url").asString())));
    }

    @Test
    void twoImagesAndARandomSeedWhenNoneIsGiven() throws Exception {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(1000));
        SimClient client = new SimClient(simulator);

        JsonNode done = client.awaitFinal(client.submit("{\"prompt\":\"two cats\",\"width\":64,\"height\":64,"
                + "\"num_images\":2}"));

        JsonNode output = done.get("output");
        assertThat(output.get("images")).hasSize(2);
        assertThat(output.get("seed").asLong()).isBetween(0L, 65_535L);
        assertThat(output.get("images").get(0).asString()).isNotEqualTo(output.get("images").get(1).asString());
    }

    @Test
    void coldStartShowsInTheFirstJobsDelayButNotInAWarmWorkersNextJob() throws Exception {
        // given one worker with a long cold start and a long idle timeout
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(1000).withWorkers(1)
                .withColdStartMs(30_000, 30_000).withIdleTimeoutMs(600_000).withRetentionMs(3_600_000));
        SimClient client = new SimClient(simulator);

        // when a first job runs, then a second one is sent to the now warm worker
        JsonNode first = client.awaitFinal(client.submit("{\"prompt\":\"first\",\"width\":64,\"height\":64}"));
        JsonNode second = client.awaitFinal(client.submit("{\"prompt\":\"second\",\"width\":64,\"height\":64}"));

        // then only the first one paid the cold start
        assertThat(first.get("delayTime").asLong()).isGreaterThanOrEqualTo(30_000);
        assertThat(second.get("delayTime").asLong()).isLessThan(30_000);
        assertThat(second.get("workerId").asString()).isEqualTo(first.get("workerId").asString());
    }

    @Test
    void runsyncAnswersWithTheFinishedStatusAndASyncId() throws Exception {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(1000));
        SimClient client = new SimClient(simulator);

        HttpResponse<String> response = client.post("runsync?wait=120000",
                "{\"input\":{\"prompt\":\"sync\",\"width\":64,\"height\":64}}");

        JsonNode body = SimClient.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("id").asString()).startsWith("sync-");
        assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(decode(body.get("output").get("image_url").asString()).getWidth()).isEqualTo(64);
    }

    @Test
    void runsyncReturnsANonFinalStatusWhenTheWaitRunsOut() throws Exception {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(1000)
                .withColdStartMs(200_000, 200_000));
        SimClient client = new SimClient(simulator);

        JsonNode body = SimClient.json(client.post("runsync?wait=1000", "{\"input\":{\"prompt\":\"slow\"}}"));

        assertThat(body.get("status").asString()).isEqualTo("IN_QUEUE");
        assertThat(client.status(body.get("id").asString()).get("status").asString()).isEqualTo("IN_QUEUE");
    }

    static BufferedImage decode(String dataUri) throws Exception {
        assertThat(dataUri).startsWith("data:image/png;base64,");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataOf(dataUri))));
    }

    private static String dataOf(String dataUri) {
        return dataUri.substring(dataUri.indexOf(',') + 1);
    }
}
