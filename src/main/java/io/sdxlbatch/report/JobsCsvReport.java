package io.sdxlbatch.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.CSVWriter;

import io.sdxlbatch.images.AtomicFiles;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;

/**
 * {@code report/jobs.csv}: one row per CSV data row, in file order. Delay and execution are exactly Runpod's
 * figures; images are paths relative to the run folder, ';'-separated. Text cells that a spreadsheet would take
 * for a formula are prefixed with a quote.
 */
public final class JobsCsvReport {

    static final String[] HEADER = {"line", "prompt_id", "status", "job_id", "delay_ms", "execution_ms", "images",
        "error", "attempts", "possible_duplicate", "retries", "worker_id", "seed"};

    private JobsCsvReport() {
    }

    public static void write(Path file, List<LedgerEntry> rows) {
        StringWriter text = new StringWriter();
        try (CSVWriter csv = new CSVWriter(text)) {
            csv.writeNext(HEADER, false);
            for (LedgerEntry r : rows) {
                csv.writeNext(new String[] {String.valueOf(r.line()), safe(r.promptId()), status(r.state()),
                    nz(r.jobId()), nz(r.delayMs()), nz(r.executionMs()),
                    r.state() == LedgerState.DONE ? nz(r.images()) : "", safe(r.error()),
                    String.valueOf(r.attempts()), r.possibleDuplicate() ? "yes" : "no", String.valueOf(r.retries()),
                    nz(r.workerId()), nz(r.seed())}, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** DONE is what the user asked for: call it COMPLETED, like Runpod does. */
    static String status(LedgerState state) {
        return state == LedgerState.DONE ? "COMPLETED" : state.name();
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String nz(Object value) {
        return value == null ? "" : value.toString();
    }
}
