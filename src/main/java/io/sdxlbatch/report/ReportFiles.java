package io.sdxlbatch.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.sdxlbatch.images.AtomicFiles;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.RequestCodec;
import io.sdxlbatch.prompts.PromptCsvReader;
import io.sdxlbatch.prompts.RejectsCsv;

/** Writes a run's report folder from its analysis: jobs.csv, summary.json, report.html and rejects.csv. */
public final class ReportFiles {

    /** Thumbnails embedded in report.html: enough to see a night's look at a glance, small enough to mail. */
    static final int THUMBNAILS = 120;

    private ReportFiles() {
    }

    public static void write(RunFolders folders, RunAnalysis analysis) {
        JobsCsvReport.write(folders.report().resolve("jobs.csv"), analysis.jobs());
        SummaryReport.write(folders.report().resolve("summary.json"), analysis);
        List<Thumbnail> thumbnails = Thumbnails.of(folders.report(), analysis.jobs(), THUMBNAILS);
        AtomicFiles.write(folders.report().resolve("report.html"), HtmlReport.render(analysis, thumbnails,
                analysis.imagesWritten()).getBytes(StandardCharsets.UTF_8));
        writeRejects(folders, analysis.jobs());
    }

    /** rejects.csv under the file's own header, so the fixed rows can be run as they are. */
    private static void writeRejects(RunFolders folders, List<JobRow> rows) {
        List<RejectsCsv.Reject> rejects = rows.stream().map(JobRow::entry)
                .filter(r -> r.state() == LedgerState.REJECTED)
                .map(r -> new RejectsCsv.Reject(r.line(), RequestCodec.decodeCells(r.cellsJson()), r.error()))
                .toList();
        if (!rejects.isEmpty()) {
            RejectsCsv.write(folders.rejectsCsv(),
                    rejects.get(0).cells().keySet().stream().filter(k -> !k.equals(PromptCsvReader.EXTRA)).toList(),
                    rejects);
        }
    }
}
