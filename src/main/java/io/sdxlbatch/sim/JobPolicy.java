package io.sdxlbatch.sim;

/**
 * The {@code policy} of a request, in simulated ms, with Runpod's defaults filled in.
 *
 * @param executionTimeoutMs the job is TIMED_OUT when its handler would run longer
 * @param ttlMs              counted from submission; when it passes the job is deleted whatever its state
 * @param lowPriority        queued behind normal jobs and never makes a cold worker start
 */
record JobPolicy(long executionTimeoutMs, long ttlMs, boolean lowPriority) {

    static final long DEFAULT_EXECUTION_TIMEOUT_MS = 600_000;
    static final long MIN_EXECUTION_TIMEOUT_MS = 5_000;
    static final long MAX_EXECUTION_TIMEOUT_MS = 7L * 24 * 3_600_000;
    static final long DEFAULT_TTL_MS = 86_400_000;

    static JobPolicy defaults() {
        return new JobPolicy(DEFAULT_EXECUTION_TIMEOUT_MS, DEFAULT_TTL_MS, false);
    }
}
