package io.sdxlbatch.sim;

import tools.jackson.databind.JsonNode;

/** What the simulated worker's handler produces for one job, decided when the job starts. */
sealed interface JobOutcome {

    /** Simulated handler time this outcome needs. */
    long durationMs();

    /** True when the SDK stops the worker afterwards ({@code refresh_worker}), so the next job cold-starts. */
    boolean refreshWorker();

    /** Images of {@code count} x {@code width} x {@code height}; {@code withOutput} false drops {@code output}. */
    record Success(String prompt, long seed, int width, int height, int count, boolean withOutput,
            long durationMs, boolean refreshWorker) implements JobOutcome {
    }

    /** A FAILED job; {@code error} is a JSON array or string exactly as the status object carries it. */
    record Failure(JsonNode error, long durationMs, boolean refreshWorker) implements JobOutcome {
    }
}
