package io.sdxlbatch.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import io.sdxlbatch.progress.ProgressSnapshot;
import io.sdxlbatch.report.Figures;

/**
 * The status command's answer while a process works in the output folder: its job repository is locked, so what is
 * known is what each run's progress.json says. Only a snapshot written by the process holding the folder is live;
 * one left by an earlier process is shown as the last known state. Stateless.
 */
final class LiveStatus {

    private LiveStatus() {
    }

    /**
     * @param pid      the process holding the output folder
     * @param live     the progress.json that process writes, whichever run it is working on, if it has written one
     * @param thisRun  the asked run's own progress.json, if any (the same as {@code live} when that run is the one)
     */
    static String render(String runId, long pid, Optional<ProgressSnapshot> live, Optional<ProgressSnapshot> thisRun,
                         Path reportPage, Instant now, ZoneId zone) {
        if (live.isPresent() && live.get().runId().equals(runId)) {
            ProgressSnapshot p = live.get();
            return "Run " + runId + " is in progress: live, from process " + pid + ", updated "
                    + Timestamps.ago(p.updatedAt(), now) + "\n" + figures(p, true, reportPage);
        }
        StringBuilder out = new StringBuilder(live.map(other -> "Run " + other.runId() + " is in progress in process "
                + pid + " in this output folder, so the job repository is locked until it ends: " + runId
                + " can be read in full then.\n").orElse("A run is in progress in process " + pid + " in this output"
                + " folder (" + runId + ", or another: it has written no progress.json yet); nothing more is known"
                + " until it ends.\n"));
        thisRun.ifPresent(p -> out.append("Last known state of ").append(runId).append(", from an earlier process (pid ")
                .append(p.pid()).append(") at ").append(Timestamps.local(p.updatedAt(), zone)).append(":\n")
                .append(figures(p, false, reportPage)));
        return out.toString();
    }

    private static String figures(ProgressSnapshot p, boolean live, Path reportPage) {
        StringBuilder out = new StringBuilder();
        StateCounts counts = new StateCounts(p.byState());
        StoredStatus.line(out, "rows", counts.describe() + (p.total() > counts.total() ? " (of " + p.total()
                + " in the file)" : ""));
        StoredStatus.line(out, "in flight", p.inFlight() == 0 ? "none" : p.inFlight() + " (queued or running on"
                + " the endpoint, or being sent; their job ids are in the job repository)");
        StoredStatus.line(out, "images", p.imagesWritten() + " written" + (p.imagesPerMinute() > 0
                ? String.format(Locale.ROOT, ", %.1f per minute", p.imagesPerMinute()) : "")
                + (live && p.etaSeconds() != null ? "; about " + Figures.duration(p.etaSeconds() * 1000) + " to go"
                : ""));
        if (live && p.backoffMs() > 0) {
            StoredStatus.line(out, "held back", "submission paused " + Figures.duration(p.backoffMs())
                    + " (Runpod asked us to wait, or the endpoint kept failing)");
        }
        if (p.stopReason() != null) {
            StoredStatus.line(out, "stopping", p.stopReason());
        }
        StoredStatus.line(out, "last error", p.lastError() == null ? "none" : p.lastError());
        StoredStatus.line(out, "report", (live ? "written when the run ends: " : "") + reportPage);
        return out.toString();
    }
}
