package io.sdxlbatch.runpod;

import static io.sdxlbatch.runpod.ClientFixture.ENDPOINT;
import static io.sdxlbatch.runpod.ClientFixture.KEY;
import static io.sdxlbatch.runpod.ClientFixture.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sdxlbatch.runpod.ScriptedServer.Answer;

/** Every HTTP status family and I/O failure reaches the caller as its own exception, with a useful message. */
class ClientErrorMappingTest {

    private final ScriptedServer server = newServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RunpodClient client = ClientFixture.client(
            ClientFixture.settings(server).withRetry(new RunpodSettings.RetrySettings(1, null, null, null)), sleeper);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void badRequestIsRejectedWithTheServersWords() {
        server.then(Answer.json(400, "{\"error\":\"wait is invalid; must be between 1000 and 300000\"}"));

        assertThatThrownBy(() -> client.run(REQUEST))
                .isInstanceOf(RunpodException.Rejected.class)
                .hasMessageContaining("POST /run")
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("wait is invalid");
    }

    @Test
    void unauthorizedTellsTheUserToCheckTheKeyWithoutPrintingIt() {
        server.then(Answer.json(401, "{\"error\":\"Unauthorized\"}"));

        assertThatThrownBy(() -> client.health())
                .isInstanceOf(RunpodException.Unauthorized.class)
                .hasMessageContaining("RUNPOD_API_KEY")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void notFoundOnAJobNamesTheJobAndOnTheEndpointNamesTheEndpoint() {
        server.then(Answer.json(404, "")).then(Answer.json(404, ""));

        assertThatThrownBy(() -> client.status("job-42-e1"))
                .isInstanceOfSatisfying(RunpodException.NotFound.class,
                        e -> assertThat(e.target()).isEqualTo(RunpodException.NotFound.Target.JOB))
                .hasMessageContaining("job-42-e1")
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> client.health())
                .isInstanceOfSatisfying(RunpodException.NotFound.class,
                        e -> assertThat(e.target()).isEqualTo(RunpodException.NotFound.Target.ENDPOINT))
                .hasMessageContaining(ENDPOINT)
                .hasMessageContaining("RUNPOD_ENDPOINT_ID");
    }

    @Test
    void rateLimitedCarriesRetryAfterInSecondsOrAsAnHttpDate() {
        server.then(Answer.status(429, "", "Retry-After", "7"))
                .then(Answer.status(429, "", "Retry-After", "Fri, 04 Dec 2026 02:00:30 GMT"));

        assertThatThrownBy(() -> client.status("a"))
                .isInstanceOfSatisfying(RunpodException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThatThrownBy(() -> client.status("a"))
                .isInstanceOfSatisfying(RunpodException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThat(client.stats().rateLimitedAnswers()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreTransientButOnly503ProvesNothingWasAccepted() {
        server.then(Answer.json(502, "bad gateway")).then(Answer.json(503, "busy"));

        assertThatThrownBy(() -> client.status("a"))
                .isInstanceOfSatisfying(RunpodException.ServerError.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.certainlyNotAccepted()).isFalse();
                });
        assertThatThrownBy(() -> client.status("a"))
                .isInstanceOfSatisfying(RunpodException.ServerError.class,
                        e -> assertThat(e.certainlyNotAccepted()).isTrue());
    }

    @Test
    void aDroppedConnectionIsSentButNoAnswer() {
        server.then(Answer.dropConnection());

        assertThatThrownBy(() -> client.run(REQUEST))
                .isInstanceOfSatisfying(RunpodException.NoAnswer.class,
                        e -> assertThat(e.certainlyNotAccepted()).isFalse())
                .hasMessageContaining("may have reached Runpod");
    }

    @Test
    void anUnreadableSuccessIsSentButNoAnswer() {
        server.then(Answer.json(200, "<html>gateway</html>"));

        assertThatThrownBy(() -> client.run(REQUEST)).isInstanceOf(RunpodException.NoAnswer.class);
    }

    @Test
    void aRequestTimeoutIsSentButNoAnswer() {
        RunpodClient impatient = ClientFixture.client(ClientFixture.settings(server)
                .withRetry(new RunpodSettings.RetrySettings(1, null, null, null))
                .withTimeouts(new RunpodSettings.Timeouts(null, Duration.ofMillis(200))), sleeper);
        server.then(Answer.json(200, "{\"id\":\"x\",\"status\":\"IN_QUEUE\"}").delayed(2_000));

        assertThatThrownBy(() -> impatient.run(REQUEST))
                .isInstanceOf(RunpodException.NoAnswer.class)
                .hasMessageContaining("timeout");
    }

    @Test
    void aRefusedConnectionIsNotDelivered() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RunpodClient nowhere = ClientFixture.client(ClientFixture.settings(server)
                .withRetry(new RunpodSettings.RetrySettings(1, null, null, null))
                .withTarget(URI.create("http://127.0.0.1:" + closedPort + "/v2"), ENDPOINT, KEY), sleeper);

        assertThatThrownBy(() -> nowhere.run(REQUEST))
                .isInstanceOfSatisfying(RunpodException.NotDelivered.class,
                        e -> assertThat(e.certainlyNotAccepted()).isTrue())
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageNotContaining(KEY);
    }

    private static ScriptedServer newServer() {
        try {
            return new ScriptedServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
