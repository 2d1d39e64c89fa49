package io.sdxlbatch.sim;

/** Counts behind GET /health; job totals count since start, the rest are current. */
record HealthSnapshot(long completed, long failed, int inProgress, int inQueue, long retried, int idle,
        int running, int initializing) {
}
