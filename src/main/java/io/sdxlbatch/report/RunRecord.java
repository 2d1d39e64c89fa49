package io.sdxlbatch.report;

import io.sdxlbatch.cost.CostSettings;

/**
 * A run as SDXL_RUN remembers it. {@code cost} is what the run was costed with when it ran (defaults for runs
 * recorded before prices were kept).
 */
public record RunRecord(String runId, String promptsFile, String endpoint, boolean simulated, double timeScale,
                        CostSettings cost) {
}
