package io.sdxlbatch.runpod;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;

/**
 * Admission to the endpoint: its circuit breaker around each call, and per attempt a concurrency cap and a rate
 * limiter per operation. Holds no retry logic: that lives only in {@link RetryLoop}. Thread-safe.
 */
final class CallGuard {

    /** At most this many sub-periods per window: a 10 s window is cut in slices of at least 0.1 s. */
    private static final int MAX_SLICES = 99;

    private final CircuitBreaker breaker;
    private final Duration openFor;
    private final Map<Operation, RateLimiter> limiters = new EnumMap<>(Operation.class);
    private final Map<Operation, Bulkhead> bulkheads = new EnumMap<>(Operation.class);

    CallGuard(RunpodSettings settings, Clock clock) {
        RunpodSettings.BreakerSettings b = settings.breaker();
        this.openFor = b.openFor();
        this.breaker = CircuitBreaker.of("runpod-endpoint", CircuitBreakerConfig.custom()
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRatePercent())
                .waitDurationInOpenState(b.openFor())
                .recordException(e -> e instanceof RunpodException r && r.signalsEndpointTrouble())
                .clock(clock)
                .build());
        RunpodSettings.Limits limits = settings.limits();
        for (Operation op : Operation.values()) {
            limiters.put(op, RateLimiter.of("runpod-" + op.path(), rateConfig(limits.perWindow(op), limits.window())));
            bulkheads.put(op, Bulkhead.of("runpod-" + op.path(), BulkheadConfig.custom()
                    .maxConcurrentCalls(limits.concurrent(op))
                    .maxWaitDuration(Duration.ofMinutes(5))
                    .build()));
        }
    }

    /**
     * Paces to at most {@code limit} requests in ANY window of that length, not only in aligned ones: we do not
     * know how Runpod counts, and a fixed-window limiter can put two full windows back to back. With k slices of
     * p permits, a sliding window touches at most k+1 slices, so (k+1)·p <= limit, and k·p is what it sustains.
     * The k that sustains most is taken: for /run's 1000 per 10 s, 99 slices of 10 (990, 99%); 10 slices of 90
     * sustained only 900, and the burst benchmark could not reach 90% of the limit with them.
     */
    static RateLimiterConfig rateConfig(int limit, Duration window) {
        int slices = 1;
        for (int k = 1; k <= Math.min(MAX_SLICES, limit - 1); k++) {
            if ((long) k * (limit / (k + 1)) >= (long) slices * (limit / (slices + 1))) {
                slices = k;
            }
        }
        int permits = Math.max(1, limit / (slices + 1));
        return RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(window.dividedBy(slices))
                .timeoutDuration(window.multipliedBy(6))
                .build();
    }

    /**
     * Runs a whole call, retries included, through the endpoint's breaker: only a call that failed after its
     * retries counts against the endpoint. Counting single attempts would let one round of stale keep-alive
     * connections (each fails once, then succeeds) open the breaker, and a paused client lets its connections go
     * stale again: a loop that stalls the night.
     */
    <T> T throughBreaker(Operation op, String jobId, Supplier<T> call) {
        try {
            return CircuitBreaker.decorateSupplier(breaker, call).get();
        } catch (CallNotPermittedException e) {
            throw new RunpodException.CircuitOpen(op, jobId, openFor);
        }
    }

    /** Admits one attempt: a concurrency slot and a rate-limit permit for its operation. */
    <T> T admit(Operation op, String jobId, Supplier<T> attempt) {
        Supplier<T> limited = RateLimiter.decorateSupplier(limiters.get(op), attempt);
        try {
            return Bulkhead.decorateSupplier(bulkheads.get(op), limited).get();
        } catch (RequestNotPermitted | BulkheadFullException e) {
            throw new RunpodException.RateLimited(op, jobId, null,
                    "not sent: our own " + op.path() + " limit found no free slot in time");
        }
    }
}
