package io.sdxlbatch.runs;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.sdxlbatch.cost.CostOverride;
import io.sdxlbatch.ledger.JobDatabase;
import io.sdxlbatch.report.Figures;
import io.sdxlbatch.report.JobRow;
import io.sdxlbatch.report.RunAnalysis;
import io.sdxlbatch.report.RunRecords;
import io.sdxlbatch.report.RunReports;

/**
 * Every run in a job repository, newest first: the state of its job, when it sent its first job and took its last
 * result, its rows by outcome, images and estimated cost (priced as the run was). Reads only.
 */
final class RunList {

    private RunList() {
    }

    static String render(JobDatabase db, Clock clock) {
        RunRecords records = new RunRecords(db.jdbc());
        RunReports reports = new RunReports(db.ledger(), records, clock);
        Map<String, JobAttempts> attempts = new JobExecutions(db.jdbc()).all();
        List<String> runs = records.runIds().stream().sorted(newestFirst(attempts)).toList();
        if (runs.isEmpty()) {
            return "No runs in this job repository.\n";
        }
        TextTable table = new TextTable("RUN ID", "STATE", "FIRST SENT", "LAST RESULT", "ROWS", "DONE", "FAILED",
                "CANCELLED", "PENDING", "IMAGES", "EST. COST").rightAligned(4, 5, 6, 7, 8, 9, 10);
        for (String runId : runs) {
            // without the trend: a listing of a year of nights would otherwise analyse every run thirty times
            RunAnalysis analysis = reports.analyzeAlone(runId, CostOverride.none());
            RowSummary rows = RowSummary.of(analysis.jobs().stream().map(JobRow::entry).toList());
            StateCounts counts = rows.counts();
            table.row(runId, attempts.containsKey(runId) ? attempts.get(runId).describe() : "never started",
                    Timestamps.local(rows.firstSubmittedAt(), clock.getZone()),
                    Timestamps.local(rows.lastResultAt(), clock.getZone()), counts.total(), counts.done(),
                    counts.failed(), counts.cancelled(), counts.unfinished(), analysis.imagesWritten(),
                    Figures.usd(analysis.billing().totalCost()));
        }
        return table.render();
    }

    /** By first execution, newest first: execution ids only grow. A run recorded but never started is newest. */
    private static Comparator<String> newestFirst(Map<String, JobAttempts> attempts) {
        return Comparator.comparingLong((String id) -> attempts.containsKey(id) ? attempts.get(id).firstId()
                : Long.MAX_VALUE).reversed().thenComparing(Comparator.naturalOrder());
    }
}
