package io.sdxlbatch.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVWriter;

import io.sdxlbatch.cost.JobBill;
import io.sdxlbatch.images.AtomicFiles;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.RequestCodec;

/**
 * {@code report/jobs.csv}: one row per CSV data row, in file order. Delay and execution are exactly Runpod's
 * figures; images are paths relative to the run folder, ';'-separated. The first thirteen columns keep the names and
 * order of the first release; later ones are appended. Timestamps are ISO-8601 UTC on the endpoint's clock;
 * started and completed are derived (submitted + delay, + execution). Text cells that a spreadsheet would take for
 * a formula are prefixed with a quote.
 */
public final class JobsCsvReport {

    static final String[] HEADER = {"line", "prompt_id", "status", "job_id", "delay_ms", "execution_ms", "images",
        "error", "attempts", "possible_duplicate", "retries", "worker_id", "seed",
        "prompt", "width", "height", "steps", "num_images", "submitted_at", "started_at", "completed_at",
        "harvested_at", "end_to_end_ms", "cold_start", "cold_start_ms", "cost_usd"};

    /** worker-sdxl 2.1.0's defaults, for cells the row left empty: the report says what the worker ran. */
    private static final Map<String, Object> WORKER_DEFAULTS = Map.of("width", 1024, "height", 1024,
            "num_inference_steps", 25, "num_images", 1);

    private JobsCsvReport() {
    }

    public static void write(Path file, List<JobRow> rows) {
        StringWriter text = new StringWriter();
        try (CSVWriter csv = new CSVWriter(text)) {
            csv.writeNext(HEADER, false);
            for (JobRow row : rows) {
                csv.writeNext(cells(row), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String[] cells(JobRow row) {
        LedgerEntry r = row.entry();
        Map<String, Object> input = input(r);
        JobBill bill = row.bill();
        return new String[] {String.valueOf(r.line()), safe(r.promptId()), status(r.state()),
            safe(r.jobId()), nz(r.delayMs()), nz(r.executionMs()),
            r.state() == LedgerState.DONE ? safe(r.images()) : "", safe(r.error()),
            String.valueOf(r.attempts()), r.possibleDuplicate() ? "yes" : "no", String.valueOf(r.retries()),
            safe(r.workerId()), nz(r.seed()),
            safe(nz(input.get("prompt"))), sent(r, input, "width"), sent(r, input, "height"),
            sent(r, input, "num_inference_steps"), sent(r, input, "num_images"),
            time(row.submittedAt()), time(row.startedAt()), time(row.completedAt()), time(row.harvestedAt()),
            nz(row.endToEndMs()), bill == null ? "" : bill.coldStart() ? "yes" : "no",
            bill == null ? "" : String.valueOf(bill.coldStartMs()), bill == null ? "" : bill.cost().toPlainString()};
    }

    /** DONE is what the user asked for: call it COMPLETED, like Runpod does. */
    public static String status(LedgerState state) {
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

    /** What was sent; a rejected row was never sent, so only its prompt cell is shown. */
    private static Map<String, Object> input(LedgerEntry r) {
        if (r.state() == LedgerState.REJECTED) {
            String prompt = r.cellsJson() == null ? null : RequestCodec.decodeCells(r.cellsJson()).get("prompt");
            return prompt == null ? Map.of() : Map.of("prompt", prompt);
        }
        return r.requestJson() == null ? Map.of() : RequestCodec.decode(r.requestJson()).input();
    }

    /** The value sent, or the worker's default for a cell left empty; nothing for a row never sent. */
    private static String sent(LedgerEntry r, Map<String, Object> input, String key) {
        return r.state() == LedgerState.REJECTED ? "" : nz(input.getOrDefault(key, WORKER_DEFAULTS.get(key)));
    }

    private static String time(Long ms) {
        return ms == null ? "" : Instant.ofEpochMilli(ms).toString();
    }

    private static String nz(Object value) {
        return value == null ? "" : value.toString();
    }
}
