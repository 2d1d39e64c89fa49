package io.sdxlbatch.runpod;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.sdxlbatch.time.Sleeper;

/**
 * The client's only retry layer. Policy comes from one resilience4j {@link RetryConfig} per operation; the loop
 * is ours because resilience4j's RetryImpl sleeps through a JVM-wide static function, and we want the sleep
 * injected per client so tests record waits instead of spending them. Thread-safe.
 */
final class RetryLoop {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RetryLoop.class);

    private final Map<Operation, RetryConfig> configs = new EnumMap<>(Operation.class);
    private final Sleeper sleeper;
    private final ApiCallStats stats;
    private final Backoff backoff;

    RetryLoop(RunpodSettings.RetrySettings settings, Sleeper sleeper, ApiCallStats stats, Backoff backoff) {
        this.sleeper = sleeper;
        this.stats = stats;
        this.backoff = backoff;
        for (Operation op : Operation.values()) {
            configs.put(op, RetryConfig.custom()
                    .maxAttempts(settings.maxAttempts())
                    .retryOnException(e -> shouldRetry(op, e, settings.maxRetryAfter()))
                    .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) ->
                            waitMillis(attempt, outcome.getLeft(), settings))
                    .build());
        }
    }

    /**
     * Transient failures only, and for POST /run or /runsync only when the server certainly created no job:
     * there is no idempotency key, so re-sending after an ambiguous failure could pay for the image twice.
     */
    static boolean shouldRetry(Operation op, Throwable e, Duration maxRetryAfter) {
        if (!(e instanceof RunpodException failure) || !failure.isTransient()) {
            return false;
        }
        boolean fitsWait = failure.retryAfter().map(d -> d.compareTo(maxRetryAfter) <= 0).orElse(true);
        return fitsWait && (op.idempotent() || failure.certainlyNotAccepted());
    }

    /** Retry-After when the server gave one, else exponential back-off with "equal jitter" (50-100%). */
    static long waitMillis(int attempt, Throwable failure, RunpodSettings.RetrySettings settings) {
        if (failure instanceof RunpodException e && e.retryAfter().isPresent()) {
            return e.retryAfter().get().toMillis();
        }
        long cap = settings.maxBackoff().toMillis();
        long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 30);
        long backoff = Math.min(cap, base < 0 ? cap : base);
        return backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    }

    <T> T execute(Operation op, Supplier<T> call) {
        RetryConfig config = configs.get(op);
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= config.getMaxAttempts() || !config.getExceptionPredicate().test(e)) {
                    throw e;
                }
                pause(op, attempt, e, config);
            }
        }
    }

    private void pause(Operation op, int attempt, RuntimeException failure, RetryConfig config) {
        long millis = config.<Object>getIntervalBiFunction().apply(attempt, Either.left(failure));
        stats.countRetry(op);
        log.debug("{}; attempt {} failed, trying again in {} ms", failure.getMessage(), attempt, millis);
        backoff.holdFor(Duration.ofMillis(millis));
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
