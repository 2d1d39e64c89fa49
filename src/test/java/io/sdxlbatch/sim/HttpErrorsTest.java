package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

    private RunpodSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(1000));
        client = new SimClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void wrongOrMissingKeyIs401AndCreatesNoJob() throws Exception {
        assertThat(client.withAuthorization("Bearer wrong").post("run", "{\"input\":{\"prompt\":\"x\"}}")
                .statusCode()).isEqualTo(401);
        assertThat(client.withAuthorization(null).get("health").statusCode()).isEqualTo(401);
        assertThat(simulator.jobsCreated()).isZero();
        assertThat(simulator.requestCount("run")).isEqualTo(1);
    }

    @Test
    void bareKeyIsAcceptedLikeSomeDocExamplesSendIt() throws Exception {
        assertThat(client.withAuthorization(simulator.apiKey()).get("health").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownEndpointAndUnknownJobAre404() throws Exception {
        URI other = URI.create(simulator.baseUrl() + "/no-such-endpoint/health");
        assertThat(client.send(client.request(other).GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> unknownJob = client.get("status/does-not-exist-u1");
        assertThat(unknownJob.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(unknownJob).get("error").asString()).isNotBlank();
        assertThat(client.post("cancel/does-not-exist-u1", "").statusCode()).isEqualTo(404);
    }

    @Test
    void bodyWithoutInputObjectOrMalformedJsonIs400WithAnErrorField() throws Exception {
        for (String body : new String[] {"{}", "{\"input\":\"prompt\"}", "{\"input\": {", "[]"}) {
            HttpResponse<String> response = client.post("run", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(SimClient.json(response).get("error").asString()).as(body).isNotBlank();
        }
        assertThat(simulator.jobsCreated()).isZero();
    }

    @Test
    void unknownRequestFieldsAndWebhookAreAccepted() throws Exception {
        HttpResponse<String> response = client.post("run", "{\"input\":{\"prompt\":\"x\"},\"webhook\":"
                + "\"https://example.invalid/hook\",\"s3Config\":{},\"somethingNew\":1}");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void badWaitIs400WithRunpodsMessage() throws Exception {
        for (String wait : new String[] {"999", "300001", "abc"}) {
            HttpResponse<String> response = client.post("runsync?wait=" + wait, "{\"input\":{\"prompt\":\"x\"}}");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"wait is invalid; must be between 1000 and 300000\"}");
        }
    }

    @Test
    void bodyOverTenMegabytesIs400() throws Exception {
        String padding = "x".repeat(10 * 1024 * 1024);
        HttpResponse<String> response = client.send(client.request(client.uri("run"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"" + padding + "\"}}")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(simulator.jobsCreated()).isZero();
    }

    @Test
    void invalidPolicyIs400() throws Exception {
        HttpResponse<String> response = client.post("run",
                "{\"input\":{\"prompt\":\"x\"},\"policy\":{\"executionTimeout\":10}}");
        assertThat(response.statusCode()).isEqualTo(400);
    }
}
