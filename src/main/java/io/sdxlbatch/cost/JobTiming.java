package io.sdxlbatch.cost;

/**
 * One job as billing sees it. {@code submittedAt} is on the endpoint's clock (epoch ms); delay and execution are
 * Runpod's own figures. {@code workerId} may be null when Runpod did not say.
 */
public record JobTiming(int line, String workerId, long submittedAt, long delayMs, long executionMs) {

    /** Derived: Runpod's delayTime counts from the moment it accepted the job until a worker took it. */
    public long startedAt() {
        return submittedAt + delayMs;
    }

    public long endedAt() {
        return startedAt() + executionMs;
    }
}
