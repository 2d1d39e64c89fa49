package io.sdxlbatch.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.sdxlbatch.runpod.ScriptedServer.Answer;

/** Rate limits and concurrency caps hold under many threads; the breaker stops calls to a failing endpoint. */
class ClientPacingTest {

    private final ScriptedServer server = newServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theLimiterNeverAllowsMoreThanTheLimitInAnySlidingWindow() {
        for (int limit = 2; limit <= 3000; limit++) {
            RateLimiterConfig c = CallGuard.rateConfig(limit, Duration.ofSeconds(10));
            long slices = Duration.ofSeconds(10).dividedBy(c.getLimitRefreshPeriod());
            assertThat((slices + 1) * c.getLimitForPeriod()).as("limit %d", limit).isLessThanOrEqualTo(limit);
        }
        RateLimiterConfig run = CallGuard.rateConfig(1000, Duration.ofSeconds(10));
        long runSlices = Duration.ofSeconds(10).dividedBy(run.getLimitRefreshPeriod());
        assertThat(runSlices * run.getLimitForPeriod()).as("sustained /run rate per 10 s").isEqualTo(990);
        RateLimiterConfig status = CallGuard.rateConfig(2000, Duration.ofSeconds(10));
        assertThat(Duration.ofSeconds(10).dividedBy(status.getLimitRefreshPeriod()) * status.getLimitForPeriod())
                .as("sustained /status rate per 10 s").isEqualTo(1980);
    }

    @Test
    void concurrentCallsStayUnderTheConcurrencyCapAndThePace() throws Exception {
        server.always(Answer.json(200, "{\"id\":\"j\",\"status\":\"IN_QUEUE\"}").delayed(40));
        RunpodSettings.Limits limits = new RunpodSettings.Limits(Duration.ofMillis(400),
                Map.of(Operation.STATUS, 5), Map.of(Operation.STATUS, 2));
        RunpodClient client = ClientFixture.client(ClientFixture.settings(server).withLimits(limits), sleeper);

        long started = System.nanoTime();
        runConcurrently(16, 8, () -> client.status("j"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(server.received()).hasSize(16);
        assertThat(server.maxInFlight()).isLessThanOrEqualTo(2);
        // 5 per 400 ms is paced as 1 per 100 ms: 16 calls cannot all pass in less than 15 slices.
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void theBreakerOpensOnARunOfServerErrorsAndThenSendsNothing() {
        server.always(Answer.json(500, "down"));
        RunpodClient client = ClientFixture.client(ClientFixture.settings(server)
                .withRetry(new RunpodSettings.RetrySettings(1, null, null, null))
                .withBreaker(new RunpodSettings.BreakerSettings(4, 4, 50, Duration.ofMinutes(1))), sleeper);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.status("j")).isInstanceOf(RunpodException.ServerError.class);
        }
        assertThatThrownBy(() -> client.status("j"))
                .isInstanceOfSatisfying(RunpodException.CircuitOpen.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(1)));
        assertThat(server.received()).hasSize(4);
    }

    @Test
    void failuresThatARetryRecoversDoNotOpenTheBreaker() {
        for (int i = 0; i < 6; i++) {
            // a stale keep-alive connection: the first attempt breaks, the retry is answered
            server.then(Answer.dropConnection()).then(Answer.json(200, "{\"id\":\"j\",\"status\":\"IN_QUEUE\"}"));
        }
        RunpodClient client = ClientFixture.client(ClientFixture.settings(server)
                .withBreaker(new RunpodSettings.BreakerSettings(4, 4, 50, Duration.ofMinutes(1))), sleeper);

        for (int i = 0; i < 6; i++) {
            assertThat(client.status("j").state()).isEqualTo(JobState.IN_QUEUE);
        }
        assertThat(server.received()).hasSize(12);
    }

    @Test
    void notFoundAndRejectionsDoNotOpenTheBreaker() {
        server.always(Answer.json(404, ""));
        RunpodClient client = ClientFixture.client(ClientFixture.settings(server)
                .withBreaker(new RunpodSettings.BreakerSettings(4, 4, 50, Duration.ofMinutes(1))), sleeper);

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> client.status("j")).isInstanceOf(RunpodException.NotFound.class);
        }
        assertThat(server.received()).hasSize(8);
    }

    @Test
    void oversizedRequestsAndBadWaitsAreRefusedBeforeSending() {
        RunpodClient client = ClientFixture.client(server, sleeper);
        JobRequest huge = JobRequest.of(Map.of("prompt", "x".repeat(RunpodClient.MAX_RUN_BODY)));

        assertThatThrownBy(() -> client.run(huge))
                .isInstanceOf(RunpodException.Rejected.class).hasMessageContaining("over Runpod's limit");
        assertThatThrownBy(() -> client.runSync(ClientFixture.REQUEST, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000 and 300000");
        assertThat(server.received()).isEmpty();
    }

    private static void runConcurrently(int calls, int threads, Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(call));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ScriptedServer newServer() {
        try {
            return new ScriptedServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
