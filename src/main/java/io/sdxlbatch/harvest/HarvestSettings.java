package io.sdxlbatch.harvest;

import java.time.Duration;

/**
 * How the harvester polls: the interval for running jobs and the head of the queue, the longest back-off for
 * jobs deeper in the queue, how many head jobs count as "can change soon", parallel /status calls, how often a
 * FAILED or TIMED_OUT job is retried, and how long the whole harvest may take.
 */
public record HarvestSettings(Duration pollInterval, Duration maxQueuedInterval, int queueHead, int threads,
                              int maxRetries, Duration deadline) {

    public HarvestSettings {
        if (pollInterval.isNegative() || pollInterval.isZero() || maxQueuedInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("poll interval must be positive and at most the max queued interval");
        }
        if (queueHead < 1 || threads < 1 || maxRetries < 0) {
            throw new IllegalArgumentException("queue head and threads must be at least 1, retries at least 0");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the harvest deadline must be positive, was " + deadline);
        }
    }

    public static HarvestSettings defaults() {
        return new HarvestSettings(Duration.ofSeconds(1), Duration.ofSeconds(16), 4, 4, 1, Duration.ofHours(12));
    }
}
