package io.sdxlbatch.runpod;

import java.time.Duration;

/**
 * Per-job execution policy. Null fields are left out so Runpod applies its defaults (executionTimeout 10 min,
 * ttl 24 h from submission).
 */
public record JobPolicy(Duration executionTimeout, Duration ttl, Boolean lowPriority) {

    private static final Duration MIN_EXECUTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_EXECUTION_TIMEOUT = Duration.ofDays(7);

    /** The policy as Runpod's JSON names it (milliseconds), without the fields left to Runpod's defaults. */
    public java.util.Map<String, Object> asJson() {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        if (executionTimeout != null) {
            json.put("executionTimeout", executionTimeout.toMillis());
        }
        if (ttl != null) {
            json.put("ttl", ttl.toMillis());
        }
        if (lowPriority != null) {
            json.put("lowPriority", lowPriority);
        }
        return json;
    }

    public JobPolicy {
        if (executionTimeout != null && (executionTimeout.compareTo(MIN_EXECUTION_TIMEOUT) < 0
                || executionTimeout.compareTo(MAX_EXECUTION_TIMEOUT) > 0)) {
            throw new IllegalArgumentException("policy executionTimeout must be between 5 s and 7 days, was "
                    + executionTimeout);
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("policy ttl must be positive, was " + ttl);
        }
    }
}
