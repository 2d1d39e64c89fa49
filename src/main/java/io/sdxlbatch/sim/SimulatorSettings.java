package io.sdxlbatch.sim;

import java.util.Map;

/**
 * Every knob of the simulated endpoint, validated on construction. All endpoint durations are SIMULATED
 * milliseconds (what the API reports); {@code timeScale} says how many of them pass per real millisecond.
 * Rate-limit windows and the slow-answer delay are REAL milliseconds. Immutable and thread-safe.
 *
 * @param endpointId   the only endpoint id the simulator answers for
 * @param apiKey       the accepted API key; the default "sim-key" is a local fake, never a real secret
 * @param port         TCP port on 127.0.0.1, 0 picks a free one
 * @param workers      max workers of the endpoint
 * @param timeScale    simulated ms per real ms (1000: a 6 s job takes 6 ms of wall time)
 * @param coldStartMs  cold start of a worker (container start and model load)
 * @param executionMs  handler time of a job that succeeds
 * @param idleTimeoutMs how long an idle worker stays warm before going cold again
 * @param retentionMs  how long /run results are kept after the job ends
 * @param runsyncRetentionMs how long /runsync results are kept after the job ends
 * @param queueCap     /run answers 429 while more than this many jobs are queued; 0 means
 *                     Runpod's rule max(50, workers x 500)
 * @param rateLimits   per-operation request budgets
 * @param faults       fault-injection probabilities
 * @param seed         seed of every random choice (ids, durations, seeds, faults)
 * @param imageGrain   0..255: random grain added to every pixel, so PNGs compress like photographs (a 1024x1024
 *                     image of about 1.6 MB at 3) instead of tens of kilobytes; for memory and throughput tests
 */
public record SimulatorSettings(String endpointId, String apiKey, int port, int workers, double timeScale,
        MsRange coldStartMs, MsRange executionMs, long idleTimeoutMs, long retentionMs, long runsyncRetentionMs,
        int queueCap, RateLimitSettings rateLimits, FaultSettings faults, long seed, int imageGrain) {

    public SimulatorSettings {
        if (endpointId == null || !endpointId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("endpoint-id must be letters, digits, '-' or '_', got " + endpointId);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("api-key must not be blank");
        }
        require(port >= 0 && port <= 65535, "port must be 0..65535, got " + port);
        require(workers >= 1 && workers <= 1000, "workers must be 1..1000, got " + workers);
        require(timeScale > 0 && timeScale <= 1_000_000, "time-scale must be > 0 and <= 1000000, got " + timeScale);
        require(coldStartMs != null, "cold-start-ms must be given");
        require(executionMs != null, "execution-ms must be given");
        require(idleTimeoutMs >= 0, "idle-timeout-ms must be >= 0, got " + idleTimeoutMs);
        require(retentionMs >= 1, "retention-ms must be >= 1, got " + retentionMs);
        require(runsyncRetentionMs >= 1, "runsync-retention-ms must be >= 1, got " + runsyncRetentionMs);
        require(queueCap >= 0, "queue-cap must be >= 0 (0 = automatic), got " + queueCap);
        require(rateLimits != null, "rate limits must be given");
        require(faults != null, "faults must be given");
        require(imageGrain >= 0 && imageGrain <= 255, "image-grain must be 0..255, got " + imageGrain);
    }

    /** Runpod's defaults with a fresh endpoint of 3 workers and a typical SDXL job on a 4090, in real time. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("sim-sdxl", "sim-key", 0, 3, 1.0, new MsRange(10_000, 45_000),
                new MsRange(6_000, 15_000), 5_000, 30 * 60_000L, 60_000L, 0, RateLimitSettings.defaults(),
                FaultSettings.none(), 42L, 0);
    }

    /** Builds settings from CLI options by kebab-case name, see {@link SimulatorOptions}. */
    public static SimulatorSettings fromOptions(Map<String, String> options) {
        return SimulatorOptions.apply(defaults(), options);
    }

    /** The queue depth above which /run answers 429. */
    public int effectiveQueueCap() {
        return queueCap > 0 ? queueCap : Math.max(50, workers * 500);
    }

    public SimulatorSettings withEndpointId(String id) {
        return new SimulatorSettings(id, apiKey, port, workers, timeScale, coldStartMs, executionMs, idleTimeoutMs,
                retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withApiKey(String key) {
        return new SimulatorSettings(endpointId, key, port, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withPort(int value) {
        return new SimulatorSettings(endpointId, apiKey, value, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withWorkers(int value) {
        return new SimulatorSettings(endpointId, apiKey, port, value, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withTimeScale(double value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, value, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withColdStartMs(long minMs, long maxMs) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, new MsRange(minMs, maxMs),
                executionMs, idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withExecutionMs(long minMs, long maxMs) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs,
                new MsRange(minMs, maxMs), idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits,
                faults, seed, imageGrain);
    }

    public SimulatorSettings withIdleTimeoutMs(long value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs, executionMs, value,
                retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withRetentionMs(long value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, value, runsyncRetentionMs, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withRunsyncRetentionMs(long value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, value, queueCap, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withQueueCap(int value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, value, rateLimits, faults, seed, imageGrain);
    }

    public SimulatorSettings withRateLimits(RateLimitSettings value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, value, faults, seed, imageGrain);
    }

    public SimulatorSettings withFaults(FaultSettings value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits, value, seed, imageGrain);
    }

    public SimulatorSettings withSeed(long value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, value, imageGrain);
    }

    public SimulatorSettings withImageGrain(int value) {
        return new SimulatorSettings(endpointId, apiKey, port, workers, timeScale, coldStartMs, executionMs,
                idleTimeoutMs, retentionMs, runsyncRetentionMs, queueCap, rateLimits, faults, seed, value);
    }

    /** Never prints the API key, even a fake one: the habit matters more than this key. */
    @Override
    public String toString() {
        return "SimulatorSettings[endpointId=" + endpointId + ", port=" + port + ", workers=" + workers
                + ", timeScale=" + timeScale + ", coldStartMs=" + coldStartMs + ", executionMs=" + executionMs
                + ", idleTimeoutMs=" + idleTimeoutMs + ", retentionMs=" + retentionMs + ", queueCap="
                + effectiveQueueCap() + ", rateLimits=" + rateLimits + ", faults=" + faults + ", seed=" + seed + ", imageGrain=" + imageGrain + "]";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
