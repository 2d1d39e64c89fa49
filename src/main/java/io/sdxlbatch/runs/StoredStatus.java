package io.sdxlbatch.runs;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.report.JobsCsvReport;

/**
 * The status command's answer from the job repository, for a run no process is working on: its job's last
 * execution, its rows, the jobs still in flight and the latest error. Stateless.
 */
final class StoredStatus {

    /** In-flight jobs listed by id; the rest are counted. */
    static final int IN_FLIGHT_SHOWN = 10;

    private StoredStatus() {
    }

    /**
     * @param resume the command that resumes the run, suggested when it has not finished
     * @param cancel the command that cancels its jobs in flight
     */
    static String render(String runId, RowSummary rows, Optional<JobAttempts> attempts, Path reportPage,
                        String resume, String cancel, ZoneId zone) {
        StringBuilder out = new StringBuilder("Run " + runId
                + " (from the job repository; no process is working on it, the endpoint was not asked)\n");
        line(out, "job", attempts.map(StoredStatus::job).orElse("never started"));
        line(out, "rows", rows.counts().describe());
        line(out, "in flight", rows.inFlight().isEmpty() ? "none" : rows.inFlight().size() + " (sent, no result"
                + " collected yet; the status is the last one seen)");
        inFlight(out, rows.inFlight());
        line(out, "last error", rows.lastError().map(StoredStatus::error).orElse("none"));
        line(out, "sent", "first job " + Timestamps.local(rows.firstSubmittedAt(), zone) + ", last result "
                + Timestamps.local(rows.lastResultAt(), zone));
        line(out, "report", reportPage.toString());
        next(out, rows, attempts, resume, cancel);
        return out.toString();
    }

    private static String job(JobAttempts a) {
        String status = a.describe() + (a.exitCode() == null || a.exitCode().equals(a.status()) ? ""
                : " (exit status " + a.exitCode() + ")");
        String last = "started " + Timestamps.local(a.lastStart()) + ", ended " + Timestamps.local(a.lastEnd());
        return a.count() == 1 ? status + "; " + last : status + "; " + a.count() + " attempts, the first started "
                + Timestamps.local(a.firstStart()) + "; the last " + last;
    }

    private static void inFlight(StringBuilder out, List<LedgerEntry> rows) {
        for (LedgerEntry r : rows.subList(0, Math.min(IN_FLIGHT_SHOWN, rows.size()))) {
            out.append(String.format("%14s line %d (%s): %s%n", "", r.line(), r.promptId(), r.jobId() == null
                    ? "being sent, no job id stored" : "job " + r.jobId() + ", " + r.remoteStatus()));
        }
        if (rows.size() > IN_FLIGHT_SHOWN) {
            out.append(String.format("%14s and %d more%n", "", rows.size() - IN_FLIGHT_SHOWN));
        }
    }

    private static void next(StringBuilder out, RowSummary rows, Optional<JobAttempts> attempts, String resume,
                             String cancel) {
        boolean finished = attempts.map(a -> a.status().equals("COMPLETED")).orElse(false);
        int cancelled = rows.counts().cancelled();
        if (!finished) {
            line(out, "next", "to resume: " + resume + (rows.inFlight().isEmpty() ? "" : "; to cancel its jobs in"
                    + " flight instead: " + cancel));
        } else if (cancelled > 0) {
            line(out, "next", "to send the " + cancelled + " cancelled rows again: " + resume
                    + " --resubmit-cancelled");
        }
    }

    /** {@code line 12 (p11, REJECTED): width 1020 ...}; validation messages name their line already. */
    private static String error(LedgerEntry r) {
        String prefix = "line " + r.line();
        String text = oneLine(r.error());
        return prefix + " (" + r.promptId() + ", " + JobsCsvReport.status(r.state()) + "): "
                + (text.startsWith(prefix + ": ") ? text.substring(prefix.length() + 2) : text);
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-12s %s%n", label + ":", value));
    }
}
