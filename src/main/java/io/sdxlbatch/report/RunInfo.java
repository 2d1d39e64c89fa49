package io.sdxlbatch.report;

import java.time.Instant;

/**
 * Which run a report is about. Times are on the endpoint's clock: for a real endpoint that is this machine's clock;
 * for a time-compressed simulator, this machine's clock stretched by {@code timeScale} from the run's first
 * submission, so that our timestamps and Runpod's delay/execution figures can be laid on one timeline.
 *
 * @param firstSubmitAt null when nothing was submitted
 * @param lastHarvestAt null when nothing was harvested
 */
public record RunInfo(String runId, String promptsFile, String endpoint, boolean simulated, double timeScale,
                      Instant firstSubmitAt, Instant lastHarvestAt, Instant generatedAt) {

    /** First submission to last result taken, in endpoint ms; 0 when either end is missing. */
    public long wallMs() {
        return firstSubmitAt == null || lastHarvestAt == null ? 0
                : Math.max(0, lastHarvestAt.toEpochMilli() - firstSubmitAt.toEpochMilli());
    }
}
