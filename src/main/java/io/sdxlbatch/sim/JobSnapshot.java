package io.sdxlbatch.sim;

import tools.jackson.databind.JsonNode;

/**
 * An immutable copy of a job's state taken under the engine lock, rendered to JSON outside it.
 * {@code outcome} is set only for final states; {@code images} only for a COMPLETED job with output.
 * The input node is never mutated after submission, so sharing it is safe.
 */
record JobSnapshot(String id, JobState state, JsonNode input, Long delayTimeMs, Long executionTimeMs,
        String workerId, long submittedAtMs, Long startedAtMs, Long finishedAtMs, JobOutcome outcome,
        RenderedImages images) {
}
