package io.sdxlbatch.harvest;

import io.sdxlbatch.runpod.EndpointHealth;

/**
 * What one GET /health said about the endpoint's jobs, and when it was asked.
 *
 * @param inQueue    jobs waiting on the endpoint (including those whose worker is still booting)
 * @param inProgress jobs a worker is running
 * @param timeScale  endpoint ms per real ms: 1 for Runpod, more for a time-compressed simulator
 * @param askedAt    this machine's clock just before the request went out
 */
record QueueSighting(long inQueue, long inProgress, double timeScale, long askedAt) {

    static QueueSighting of(EndpointHealth health, long askedAt) {
        return new QueueSighting(health.inQueue(), health.inProgress(), Math.max(1, health.timeScale()), askedAt);
    }
}
