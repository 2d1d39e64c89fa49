package io.sdxlbatch.runpod;

/**
 * The queue operations of a Runpod Serverless endpoint, with what the client needs to know about each:
 * its HTTP shape, whether repeating it can cost money, and Runpod's published limits (per 10 s, concurrent).
 */
public enum Operation {
    RUN("POST", "run", false, 1000, 200),
    RUNSYNC("POST", "runsync", false, 2000, 400),
    STATUS("GET", "status", true, 2000, 400),
    CANCEL("POST", "cancel", true, 100, 20),
    // not idempotent: a repeated /retry whose first answer was lost is refused (the job is queued again), and
    // reading that refusal as "retry impossible" would pay for a second job
    RETRY("POST", "retry", false, 100, 20),
    PURGE_QUEUE("POST", "purge-queue", true, 2, 1),
    HEALTH("GET", "health", true, 100, 10);

    private final String method;
    private final String path;
    private final boolean idempotent;
    private final int defaultPerWindow;
    private final int defaultConcurrent;

    Operation(String method, String path, boolean idempotent, int defaultPerWindow, int defaultConcurrent) {
        this.method = method;
        this.path = path;
        this.idempotent = idempotent;
        this.defaultPerWindow = defaultPerWindow;
        this.defaultConcurrent = defaultConcurrent;
    }

    public String method() {
        return method;
    }

    /** The last path segment before an optional job id, e.g. {@code status} in {@code /status/{id}}. */
    public String path() {
        return path;
    }

    /**
     * Whether sending the request twice is harmless. /run and /runsync are not: Runpod has no idempotency key,
     * so a repeated POST creates a second paid job.
     */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * Requests per 10 s. Published by Runpod for run, runsync, status, cancel and purge-queue; retry and health
     * have no published figure, so they get cancel's conservative 100.
     */
    public int defaultPerWindow() {
        return defaultPerWindow;
    }

    public int defaultConcurrent() {
        return defaultConcurrent;
    }

    /** For messages: {@code POST /run}. */
    public String describe() {
        return method + " /" + path;
    }
}
