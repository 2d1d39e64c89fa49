package io.sdxlbatch.run;

import java.time.Duration;
import java.util.List;

import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.stop.StopSettings;
import io.sdxlbatch.endpoint.ResolvedEndpoint;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.prompts.PromptScan;
import io.sdxlbatch.runpod.RunpodSettings;

/**
 * What a run was started with, logged at its start so that run.log and a cron mail answer "what was this night
 * told to do?" on their own. The API key only masked, like everywhere else.
 */
final class SettingsSummary {

    private SettingsSummary() {
    }

    static List<String> lines(RunOptions options, PromptScan scan, ResolvedEndpoint endpoint,
                              RunpodSettings configured) {
        String key = endpoint.simulated() ? "" : ", key " + configured.maskedApiKey();
        Duration timeout = options.policy() == null ? null : options.policy().executionTimeout();
        return List.of(
                "sdxl-batch run " + options.runId() + ": " + options.promptsFile() + " (" + scan.rows() + " rows, "
                        + (scan.rows() - scan.valid()) + " rejected) -> "
                        + RunFolders.of(options.outputDir(), options.runId()).runDir(),
                "endpoint: " + endpoint.describe() + key,
                "max in flight " + options.maxInFlight() + ", chunk size " + options.chunkSize() + ", poll interval "
                        + duration(options.harvest().pollInterval()) + ", execution timeout "
                        + (timeout == null ? "Runpod's default" : duration(timeout)) + ", harvest timeout "
                        + duration(options.harvest().deadline()) + ", max retries "
                        + options.harvest().maxRetries(),
                guardrails(options.stop()));
    }

    /** What can stop this run early, so a log read the morning after shows why it did. */
    static String guardrails(StopSettings stop) {
        return "stops sending at: deadline " + (stop.deadline() == null ? "none" : stop.deadline().toString())
                + ", max images " + (stop.maxImages() == null ? "none" : stop.maxImages())
                + ", max cost " + (stop.maxCost() == null ? "none" : "$" + stop.maxCost().toPlainString())
                + ", failure window " + stop.failureWindow() + "; after a signal: "
                + (stop.cancelOnAbort() ? "cancel what is in flight" : "collect for " + duration(stop.grace()));
    }

    /** In the form the options take: 500ms, 30s, 5m, 2h. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
