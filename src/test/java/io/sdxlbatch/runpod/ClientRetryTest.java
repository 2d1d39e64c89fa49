package io.sdxlbatch.runpod;

import static io.sdxlbatch.runpod.ClientFixture.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sdxlbatch.runpod.ScriptedServer.Answer;

/**
 * Retries happen only for transient failures, obey Retry-After, back off exponentially, and never re-send a
 * POST /run that may already have created a paid job.
 */
class ClientRetryTest {

    private static final String QUEUED = "{\"id\":\"job-1\",\"status\":\"IN_QUEUE\"}";

    private final ScriptedServer server = newServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RunpodClient client = ClientFixture.client(server, sleeper);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void statusIsRetriedThroughServerErrorsWithGrowingBackoff() {
        server.then(Answer.json(500, "")).then(Answer.json(502, "")).then(Answer.json(504, ""))
                .then(Answer.json(200, "{\"id\":\"job-1\",\"status\":\"IN_PROGRESS\"}"));

        assertThat(client.status("job-1").state()).isEqualTo(JobState.IN_PROGRESS);

        assertThat(server.received()).hasSize(4);
        assertThat(sleeper.waits()).hasSize(3);
        // 500 ms, 1 s, 2 s, each with 50-100% jitter
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeper.waits().get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(client.stats().retries(Operation.STATUS)).isEqualTo(3);
    }

    @Test
    void retryAfterIsObeyedExactly() {
        server.then(Answer.status(429, "", "Retry-After", "3")).then(Answer.json(200, QUEUED));

        client.status("job-1");

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(client.backoff().remaining()).as("shown as the current back-off while it is waited out")
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterLongerThanWeWaitIsHandedToTheCaller() {
        server.then(Answer.status(429, "", "Retry-After", "600"));

        assertThatThrownBy(() -> client.status("job-1"))
                .isInstanceOfSatisfying(RunpodException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(10)));
        assertThat(server.received()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aRunNoLongerWantedWhileItWaitsOutA429IsNotSentAgain() {
        server.then(Answer.status(429, "", "Retry-After", "3")).then(Answer.json(200, QUEUED));
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        // the stop comes during the wait, as a signal would
        RunpodClient stoppable = new RunpodClient(ClientFixture.settings(server), ClientFixture.CLOCK,
                wait -> stopped.set(true));

        assertThatThrownBy(() -> stoppable.run(ClientFixture.REQUEST, () -> !stopped.get()))
                .isInstanceOfSatisfying(RunpodException.Withdrawn.class,
                        e -> assertThat(e.certainlyNotAccepted()).isTrue());
        assertThat(server.received()).as("only the first attempt went out").hasSize(1);
    }

    @Test
    void aRunNotWantedAnyMoreWhenItsTurnComesIsNeverSent() {
        server.always(Answer.json(200, QUEUED));

        assertThatThrownBy(() -> client.run(ClientFixture.REQUEST, () -> false))
                .isInstanceOf(RunpodException.Withdrawn.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void unauthorizedIsNeverRetried() {
        server.always(Answer.json(401, ""));

        assertThatThrownBy(() -> client.status("job-1")).isInstanceOf(RunpodException.Unauthorized.class);

        assertThat(server.received()).hasSize(1);
    }

    @Test
    void attemptsStopAtTheConfiguredMaximum() {
        server.always(Answer.json(500, ""));

        assertThatThrownBy(() -> client.status("job-1")).isInstanceOf(RunpodException.ServerError.class);

        assertThat(server.received()).hasSize(4);
    }

    @Test
    void runIsNotResentAfterTheConnectionDroppedMidRequest() {
        server.then(Answer.dropConnection()).always(Answer.json(200, QUEUED));

        assertThatThrownBy(() -> client.run(REQUEST)).isInstanceOf(RunpodException.NoAnswer.class);

        assertThat(server.received()).hasSize(1);
    }

    @Test
    void runIsNotResentAfterAnAmbiguousServerError() {
        server.then(Answer.json(500, "")).always(Answer.json(200, QUEUED));

        assertThatThrownBy(() -> client.run(REQUEST)).isInstanceOf(RunpodException.ServerError.class);

        assertThat(server.received()).hasSize(1);
    }

    @Test
    void runIsResentWhenTheServerCertainlyTurnedItAway() {
        server.then(Answer.status(429, "", "Retry-After", "1")).then(Answer.json(503, ""))
                .then(Answer.json(200, QUEUED));

        JobStatus queued = client.run(REQUEST);

        assertThat(queued.id()).isEqualTo("job-1");
        assertThat(queued.state()).isEqualTo(JobState.IN_QUEUE);
        assertThat(server.received()).hasSize(3);
        assertThat(sleeper.waits().get(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theRequestCarriesTheBearerKeyAndTheExactBody() {
        server.then(Answer.json(200, QUEUED));

        client.run(REQUEST.withPolicy(new JobPolicy(Duration.ofMinutes(3), Duration.ofHours(2), null)));

        ScriptedServer.Received sent = server.received().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v2/ep-test/run");
        assertThat(sent.headers().get("Authorization")).containsExactly("Bearer " + ClientFixture.KEY);
        assertThat(sent.body()).contains("\"width\":1024").doesNotContain("1024.0")
                .contains("\"policy\":{\"executionTimeout\":180000,\"ttl\":7200000}");
    }

    private static ScriptedServer newServer() {
        try {
            return new ScriptedServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
