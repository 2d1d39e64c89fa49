package io.sdxlbatch.runpod;

import java.util.Map;

/**
 * The answer of /health. {@code workers} is an open map because Runpod and its SDKs disagree on its keys
 * (idle, running, initializing, ready, throttled, ...).
 *
 * @param timeScale endpoint ms per real ms: 1 for Runpod; a time-compressed simulator says its own
 */
public record EndpointHealth(long completed, long failed, long inProgress, long inQueue, long retried,
                             Map<String, Long> workers, double timeScale) {

    public EndpointHealth {
        workers = Map.copyOf(workers);
    }

    public long workers(String state) {
        return workers.getOrDefault(state, 0L);
    }
}
