package io.sdxlbatch.sim;

/**
 * Requests allowed per operation in each rate-limit window. The window is REAL wall-clock time, not
 * simulated time, because it paces the client's real requests. Immutable and thread-safe.
 *
 * @param run            POST /run
 * @param runsyncStatus  POST /runsync and GET /status share one budget, as on Runpod
 * @param cancel         POST /cancel
 * @param retry          POST /retry (Runpod publishes no figure; we use the /cancel one)
 * @param purgeQueue     POST /purge-queue
 * @param health         GET /health (Runpod publishes no figure; ours is deliberately generous)
 * @param windowMs       length of the real-time window
 */
public record RateLimitSettings(int run, int runsyncStatus, int cancel, int retry, int purgeQueue,
        int health, long windowMs) {

    public RateLimitSettings {
        positive("rate-run", run);
        positive("rate-status", runsyncStatus);
        positive("rate-cancel", cancel);
        positive("rate-retry", retry);
        positive("rate-purge-queue", purgeQueue);
        positive("rate-health", health);
        if (windowMs < 1) {
            throw new IllegalArgumentException("rate-window-ms must be >= 1, got " + windowMs);
        }
    }

    /** Runpod's published limits per 10 s (runpod-api.md section 3). */
    public static RateLimitSettings defaults() {
        return new RateLimitSettings(1000, 2000, 100, 100, 2, 10_000, 10_000);
    }

    public RateLimitSettings withRun(int limit) {
        return new RateLimitSettings(limit, runsyncStatus, cancel, retry, purgeQueue, health, windowMs);
    }

    public RateLimitSettings withRunsyncStatus(int limit) {
        return new RateLimitSettings(run, limit, cancel, retry, purgeQueue, health, windowMs);
    }

    public RateLimitSettings withCancel(int limit) {
        return new RateLimitSettings(run, runsyncStatus, limit, retry, purgeQueue, health, windowMs);
    }

    public RateLimitSettings withRetry(int limit) {
        return new RateLimitSettings(run, runsyncStatus, cancel, limit, purgeQueue, health, windowMs);
    }

    public RateLimitSettings withPurgeQueue(int limit) {
        return new RateLimitSettings(run, runsyncStatus, cancel, retry, limit, health, windowMs);
    }

    public RateLimitSettings withHealth(int limit) {
        return new RateLimitSettings(run, runsyncStatus, cancel, retry, purgeQueue, limit, windowMs);
    }

    public RateLimitSettings withWindowMs(long ms) {
        return new RateLimitSettings(run, runsyncStatus, cancel, retry, purgeQueue, health, ms);
    }

    /** The limit of one operation name as counted by {@link RunpodSimulator#requestCount(String)}. */
    int limitOf(String operation) {
        return switch (operation) {
            case "run" -> run;
            case "runsync", "status" -> runsyncStatus;
            case "cancel" -> cancel;
            case "retry" -> retry;
            case "purge-queue" -> purgeQueue;
            default -> health;
        };
    }

    private static void positive(String knob, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(knob + " must be >= 1, got " + value);
        }
    }
}
