package io.sdxlbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;

class JobsCsvReportTest {

    @TempDir
    Path dir;

    private static LedgerEntry entry(int line, String promptId, LedgerState state, String jobId, Long delay,
                                     Long execution, String images, String error) {
        return new LedgerEntry("run-1", line, promptId, null, null, state, jobId, null, 1, 0, false, null, null,
                null, delay, execution, "worker-a", 42L, images == null ? null : 1, images, error);
    }

    private List<String[]> writeAndParse(List<LedgerEntry> rows) throws IOException, CsvException {
        Path file = dir.resolve("report/jobs.csv");
        JobsCsvReport.write(file, rows.stream().map(r -> new JobRow(r, null, null, null, null, null)).toList());
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReader csv = new CSVReader(in)) {
            return csv.readAll();
        }
    }

    @Test
    void givenRows_whenWritten_thenHeaderStartsWithTheDocumentedColumns() throws Exception {
        List<String[]> csv = writeAndParse(List.of());

        assertThat(csv).hasSize(1);
        assertThat(csv.get(0)).startsWith("line", "prompt_id", "status", "job_id", "delay_ms", "execution_ms",
                "images", "error");
    }

    @Test
    void givenDoneRow_whenWritten_thenStatusIsCompletedWithRunpodFiguresAndImages() throws Exception {
        List<String[]> csv = writeAndParse(List.of(
                entry(2, "fox", LedgerState.DONE, "job-1", 1500L, 9800L, "images/fox.png", null)));

        assertThat(csv.get(1)).startsWith("2", "fox", "COMPLETED", "job-1", "1500", "9800", "images/fox.png", "");
    }

    @Test
    void givenFailedRowWithLeftoverImages_whenWritten_thenStatusNamesTheFailureAndImagesAreEmpty()
            throws Exception {
        List<String[]> csv = writeAndParse(List.of(
                entry(3, "owl", LedgerState.FAILED, "job-2", null, null, "images/owl.png", "CUDA out of memory"),
                entry(4, "bad", LedgerState.REJECTED, null, null, null, null, "line 4: width 'abc' ...")));

        assertThat(csv.get(1)).startsWith("3", "owl", "FAILED", "job-2", "", "", "", "CUDA out of memory");
        assertThat(csv.get(2)).startsWith("4", "bad", "REJECTED", "", "", "", "", "line 4: width 'abc' ...");
    }

    @Test
    void givenCellsASpreadsheetWouldEvaluate_whenWritten_thenTheyAreNeutralisedWithAQuote() throws Exception {
        List<String[]> csv = writeAndParse(List.of(
                entry(2, "=HYPERLINK(\"http://x\")", LedgerState.FAILED, "j", null, null, null, "+1 retry"),
                entry(3, "-5", LedgerState.FAILED, "j", null, null, null, "@SUM(A1)"),
                entry(4, "plain", LedgerState.FAILED, "j", null, null, null, "a-b=c")));

        assertThat(csv.get(1)[1]).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(csv.get(1)[7]).isEqualTo("'+1 retry");
        assertThat(csv.get(2)[1]).isEqualTo("'-5");
        assertThat(csv.get(2)[7]).isEqualTo("'@SUM(A1)");
        assertThat(csv.get(3)[1]).isEqualTo("plain");
        assertThat(csv.get(3)[7]).isEqualTo("a-b=c");
    }

    @Test
    void givenPromptIdWithCommaQuoteAndNewline_whenWrittenAndParsedBack_thenItRoundTrips() throws Exception {
        String id = "fox, \"red\" one\nsecond line";

        List<String[]> csv = writeAndParse(List.of(
                entry(2, id, LedgerState.DONE, "job-1", 1L, 2L, "images/x.png", null),
                entry(5, "next", LedgerState.DONE, "job-2", 1L, 2L, "images/next.png", null)));

        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)[1]).isEqualTo(id);
        assertThat(csv.get(1)).hasSize(JobsCsvReport.HEADER.length);
        assertThat(csv.get(2)[1]).isEqualTo("next");
    }

    @Test
    void givenRows_whenWritten_thenTheyKeepTheGivenOrderAndTheTrailingColumns() throws Exception {
        List<String[]> csv = writeAndParse(List.of(
                entry(2, "a", LedgerState.DONE, "j1", 1L, 2L, "images/a.png", null),
                entry(3, "b", LedgerState.EXPIRED, "j2", null, null, null, "result gone")));

        assertThat(csv).extracting(r -> r[0]).containsExactly("line", "2", "3");
        int worker = List.of(JobsCsvReport.HEADER).indexOf("worker_id");
        int seed = List.of(JobsCsvReport.HEADER).indexOf("seed");
        int duplicate = List.of(JobsCsvReport.HEADER).indexOf("possible_duplicate");
        assertThat(csv.get(1)[worker]).isEqualTo("worker-a");
        assertThat(csv.get(1)[seed]).isEqualTo("42");
        assertThat(csv.get(1)[duplicate]).isEqualTo("no");
    }
}
