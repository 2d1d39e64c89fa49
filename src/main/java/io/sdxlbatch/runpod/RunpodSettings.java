package io.sdxlbatch.runpod;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how to reach Runpod: bound from {@code runpod.*} properties or the RUNPOD_API_KEY, RUNPOD_ENDPOINT_ID
 * and RUNPOD_BASE_URL environment variables. Missing values take Runpod's published defaults. The key never
 * appears in {@link #toString()}.
 */
@ConfigurationProperties("runpod")
public record RunpodSettings(String apiKey, String endpointId, URI baseUrl, Timeouts timeouts, Limits limits,
                             RetrySettings retry, BreakerSettings breaker) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.runpod.ai/v2");

    public RunpodSettings {
        apiKey = blankToNull(apiKey);
        endpointId = blankToNull(endpointId);
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        timeouts = timeouts == null ? new Timeouts(null, null) : timeouts;
        limits = limits == null ? new Limits(null, null, null) : limits;
        retry = retry == null ? new RetrySettings(null, null, null, null) : retry;
        breaker = breaker == null ? new BreakerSettings(null, null, null, null) : breaker;
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("runpod.base-url must be an http(s) URL, was " + baseUrl);
        }
    }

    /** Settings with every tuning knob at its default. */
    public static RunpodSettings of(URI baseUrl, String endpointId, String apiKey) {
        return new RunpodSettings(apiKey, endpointId, baseUrl, null, null, null, null);
    }

    public RunpodSettings withTarget(URI newBaseUrl, String newEndpointId, String newApiKey) {
        return new RunpodSettings(newApiKey, newEndpointId, newBaseUrl, timeouts, limits, retry, breaker);
    }

    public RunpodSettings withLimits(Limits newLimits) {
        return new RunpodSettings(apiKey, endpointId, baseUrl, timeouts, newLimits, retry, breaker);
    }

    public RunpodSettings withRetry(RetrySettings newRetry) {
        return new RunpodSettings(apiKey, endpointId, baseUrl, timeouts, limits, newRetry, breaker);
    }

    public RunpodSettings withBreaker(BreakerSettings newBreaker) {
        return new RunpodSettings(apiKey, endpointId, baseUrl, timeouts, limits, retry, newBreaker);
    }

    public RunpodSettings withTimeouts(Timeouts newTimeouts) {
        return new RunpodSettings(apiKey, endpointId, baseUrl, newTimeouts, limits, retry, breaker);
    }

    /**
     * The key as logs may show it: its last 4 characters, enough to tell two keys apart and useless to anyone else;
     * a key too short for that (not a real Runpod key) shows none.
     */
    public String maskedApiKey() {
        if (apiKey == null) {
            return "(none)";
        }
        return apiKey.length() < 16 ? "****" : "****" + apiKey.substring(apiKey.length() - 4);
    }

    @Override
    public String toString() {
        return "RunpodSettings[apiKey=" + (apiKey == null ? "(none)" : "(set, hidden)") + ", endpointId=" + endpointId
                + ", baseUrl=" + baseUrl + ", " + timeouts + ", " + limits + ", " + retry + ", " + breaker + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Connect timeout, and how long any one request may take (runsync adds its own wait on top). */
    public record Timeouts(Duration connect, Duration request) {
        public Timeouts {
            connect = positive(connect, Duration.ofSeconds(10), "runpod.timeouts.connect");
            request = positive(request, Duration.ofSeconds(60), "runpod.timeouts.request");
        }
    }

    /**
     * Our pacing per operation: at most {@code perWindow} requests in any {@code window} and {@code concurrent}
     * at once. Defaults are Runpod's published figures per 10 s.
     */
    public record Limits(Duration window, Map<Operation, Integer> perWindow, Map<Operation, Integer> concurrent) {
        public Limits {
            window = positive(window, Duration.ofSeconds(10), "runpod.limits.window");
            perWindow = withDefaults(perWindow, Operation::defaultPerWindow, "runpod.limits.per-window");
            concurrent = withDefaults(concurrent, Operation::defaultConcurrent, "runpod.limits.concurrent");
        }

        public int perWindow(Operation op) {
            return perWindow.get(op);
        }

        public int concurrent(Operation op) {
            return concurrent.get(op);
        }

        private static Map<Operation, Integer> withDefaults(Map<Operation, Integer> given,
                                                            java.util.function.ToIntFunction<Operation> fallback,
                                                            String name) {
            Map<Operation, Integer> all = new EnumMap<>(Operation.class);
            for (Operation op : Operation.values()) {
                int value = given != null && given.get(op) != null ? given.get(op) : fallback.applyAsInt(op);
                if (value < 1) {
                    throw new IllegalArgumentException(name + "." + op.path() + " must be at least 1, was " + value);
                }
                all.put(op, value);
            }
            return Map.copyOf(all);
        }
    }

    /**
     * Retries of transient failures: exponential back-off with jitter from {@code initialBackoff} up to
     * {@code maxBackoff}; a Retry-After longer than {@code maxRetryAfter} is handed to the caller instead of waited.
     */
    public record RetrySettings(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                Duration maxRetryAfter) {
        public RetrySettings {
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("runpod.retry.max-attempts must be at least 1, was " + maxAttempts);
            }
            initialBackoff = positive(initialBackoff, Duration.ofMillis(500), "runpod.retry.initial-backoff");
            maxBackoff = positive(maxBackoff, Duration.ofSeconds(30), "runpod.retry.max-backoff");
            maxRetryAfter = positive(maxRetryAfter, Duration.ofMinutes(2), "runpod.retry.max-retry-after");
        }
    }

    /**
     * The circuit breaker over the whole endpoint: opens when {@code failureRatePercent} of the last
     * {@code window} calls (at least {@code minimumCalls}) failed with 5xx or I/O trouble, for {@code openFor}.
     */
    public record BreakerSettings(Integer window, Integer minimumCalls, Integer failureRatePercent,
                                  Duration openFor) {
        public BreakerSettings {
            window = window == null ? 20 : window;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            failureRatePercent = failureRatePercent == null ? 50 : failureRatePercent;
            openFor = positive(openFor, Duration.ofSeconds(30), "runpod.breaker.open-for");
            if (window < 1 || minimumCalls < 1 || failureRatePercent < 1 || failureRatePercent > 100) {
                throw new IllegalArgumentException("runpod.breaker: window and minimum-calls must be at least 1 and"
                        + " failure-rate-percent 1..100, was " + this);
            }
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
