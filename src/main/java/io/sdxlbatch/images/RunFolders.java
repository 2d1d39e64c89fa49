package io.sdxlbatch.images;

import java.nio.file.Path;

/**
 * The layout of one run's output: {@code DIR/<run-id>/images}, {@code report}, and {@code staging} (images read
 * from Runpod but not yet published).
 */
public record RunFolders(Path runDir) {

    public static RunFolders of(Path outputDir, String runId) {
        return new RunFolders(outputDir.resolve(runId));
    }

    public Path images() {
        return runDir.resolve("images");
    }

    public Path report() {
        return runDir.resolve("report");
    }

    public Path staging() {
        return runDir.resolve("staging");
    }

    /** {@code report/rejects.csv}: written by the report step, by a dry run, and when --max-rejects stops a run. */
    public Path rejectsCsv() {
        return report().resolve("rejects.csv");
    }

    /** Where the n-th image (1-based) of a ledger line waits between harvest and publish. */
    public Path staged(int line, int n) {
        return staging().resolve(line + "-" + n + ".png");
    }
}
