package io.sdxlbatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.harvest.HarvestSettings;
import io.sdxlbatch.stop.StopSettings;
import io.sdxlbatch.runpod.JobPolicy;

/**
 * Everything one run of the nightly job is told on the command line, validated before Spring starts. One run per
 * process, so this is a plain singleton bean.
 *
 * @param maxInFlight jobs queued or running on Runpod at most; submission waits beyond that
 * @param policy      per-job Runpod policy sent with every job (null: Runpod's defaults)
 * @param inputDefaults worker inputs for empty cells, by key ({@code --default width=768})
 * @param cost        price and idle timeout the report costs the run with
 * @param stop        when submission stops early (deadline, limits, failures) and what a signal does
 * @param progressInterval without a terminal, how often a progress line is logged
 * @param resubmitCancelled rows cancelled with {@code ./run.sh cancel} go back to PENDING at the start, to be sent
 *                    again; without it they stay CANCELLED
 */
public record RunOptions(Path promptsFile, Path outputDir, String runId, int maxInFlight, int chunkSize,
                         HarvestSettings harvest, JobPolicy policy, Map<String, String> inputDefaults,
                         CostSettings cost, StopSettings stop, Duration progressInterval, boolean resubmitCancelled) {

    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(30);

    public RunOptions {
        inputDefaults = Map.copyOf(inputDefaults);
        Objects.requireNonNull(promptsFile, "promptsFile");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(harvest, "harvest");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("--progress-interval must be longer than zero, was "
                    + progressInterval);
        }
        if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("run id '" + runId + "' must be 1-100 letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit");
        }
        if (maxInFlight < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("max in flight and chunk size must be at least 1");
        }
    }

    /** Sensible defaults for a prompts file and output folder: what the nightly cron line gets. */
    public static RunOptions defaults(Path promptsFile, Path outputDir, String runId) {
        return new RunOptions(promptsFile, outputDir, runId, 100, 10, HarvestSettings.defaults(),
                new JobPolicy(Duration.ofMinutes(5), null, null), Map.of(), CostSettings.defaults(),
                StopSettings.none(), DEFAULT_PROGRESS_INTERVAL, false);
    }
}
