package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every injected fault is observable by a client; probability 1 makes each one certain. */
class FaultInjectionTest {

    private static final String INPUT = "{\"prompt\":\"x\",\"width\":32,\"height\":32}";
    private static final String BODY = "{\"input\":" + INPUT + "}";
    private RunpodSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    private SimClient start(FaultSettings faults) {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(1000)
                .withRetentionMs(3_600_000).withFaults(faults));
        return new SimClient(simulator);
    }

    @Test
    void injected429CarriesRetryAfterAndCreatesNoJob() throws Exception {
        SimClient client = start(FaultSettings.none().withHttp429(1));
        HttpResponse<String> response = client.post("run", BODY);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(simulator.jobsCreated()).isZero();
    }

    @Test
    void injected5xxIsOneOf500502503AndCreatesNoJob() throws Exception {
        SimClient client = start(FaultSettings.none().withHttp5xx(1));
        for (int i = 0; i < 5; i++) {
            assertThat(client.post("run", BODY).statusCode()).isIn(500, 502, 503);
        }
        assertThat(simulator.jobsCreated()).isZero();
    }

    @Test
    void droppedConnectionGivesTheClientAnIoExceptionAndNoJob() {
        SimClient client = start(FaultSettings.none().withDrop(1));
        assertThatThrownBy(() -> client.post("run", BODY)).isInstanceOf(IOException.class);
        assertThat(simulator.jobsCreated()).isZero();
    }

    @Test
    void droppedAfterAcceptCreatesTheJobButTheClientGetsNoAnswer() {
        SimClient client = start(FaultSettings.none().withDropAfterAccept(1));
        assertThatThrownBy(() -> client.post("run", BODY)).isInstanceOf(IOException.class);
        assertThat(simulator.jobsCreated()).isEqualTo(1);
        assertThat(simulator.requestCount("run")).isEqualTo(1);
    }

    @Test
    void slowAnswerStillArrives() throws Exception {
        SimClient client = start(FaultSettings.none().withSlow(1, 20));
        assertThat(client.get("health").statusCode()).isEqualTo(200);
    }

    @Test
    void workerFailureFailsTheJobInOneOfTheRealErrorShapes() throws Exception {
        SimClient client = start(FaultSettings.none().withWorkerFailure(1));
        for (int i = 0; i < 6; i++) {
            JsonNode done = client.awaitFinal(client.submit(INPUT));
            assertThat(done.get("status").asString()).isEqualTo("FAILED");
            JsonNode error = done.get("error");
            assertThat(error.isArray() || error.asString().startsWith("RuntimeError: ")
                    || SimClient.JSON.readTree(error.asString()).has("error_type")).as(error.toString()).isTrue();
        }
    }

    @Test
    void noOutputFaultCompletesWithoutAnyOutput() throws Exception {
        SimClient client = start(FaultSettings.none().withNoOutput(1));
        JsonNode done = client.awaitFinal(client.submit(INPUT));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.has("output")).isFalse();
    }

    @Test
    void corruptReadBreaksBase64OfThatAnswerOnly() throws Exception {
        SimClient client = start(FaultSettings.none().withCorrupt(1));
        String id = client.submit(INPUT);
        JsonNode done = client.awaitFinal(id);
        String uri = done.get("output").get("image_url").asString();
        assertThat(uri).startsWith("data:image/png;base64,");
        assertThatThrownBy(() -> Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(simulator.job(id).orElseThrow().pngs().get(0)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void corruptionIsPerReadSoARereadCanBeGood() throws Exception {
        SimClient client = start(FaultSettings.none().withCorrupt(0.5));
        String id = client.submit(INPUT);
        client.awaitFinal(id);
        int good = 0;
        int bad = 0;
        for (int i = 0; i < 40; i++) {
            String uri = client.status(id).get("output").get("image_url").asString();
            try {
                Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
                good++;
            } catch (IllegalArgumentException e) {
                bad++;
            }
        }
        assertThat(good).isPositive();
        assertThat(bad).isPositive();
    }
}
