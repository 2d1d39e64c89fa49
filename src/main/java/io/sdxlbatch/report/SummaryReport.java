package io.sdxlbatch.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.sdxlbatch.images.AtomicFiles;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.runpod.ApiCallStats;
import io.sdxlbatch.runpod.Operation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code report/summary.json}: counts by status, timing percentiles and the API calls this process made. */
public final class SummaryReport {

    static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SummaryReport() {
    }

    public static Map<String, Object> build(String runId, String endpoint, boolean simulated, List<LedgerEntry> rows,
                                            ApiCallStats calls, Instant generatedAt) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", VERSION);
        summary.put("run_id", runId);
        summary.put("endpoint", endpoint);
        summary.put("simulated", simulated);
        summary.put("generated_at", generatedAt.toString());
        summary.put("rows", rows.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(JobsCsvReport.status(r.state()), 1, Integer::sum));
        summary.put("status_counts", counts);
        summary.put("images_written", rows.stream().filter(r -> r.state() == LedgerState.DONE)
                .mapToInt(r -> r.images() == null ? 0 : r.images().split(";").length).sum());
        summary.put("possible_duplicates", rows.stream().filter(LedgerEntry::possibleDuplicate).count());
        summary.put("delay_ms", Percentiles.of(rows.stream().map(LedgerEntry::delayMs).filter(Objects::nonNull)
                .toList()));
        summary.put("execution_ms", Percentiles.of(rows.stream().map(LedgerEntry::executionMs)
                .filter(Objects::nonNull).toList()));
        Map<String, Long> api = new LinkedHashMap<>();
        for (Operation op : Operation.values()) {
            api.put(op.path(), calls.sent(op));
        }
        summary.put("api_calls_this_process", api);
        summary.put("rate_limited_answers_this_process", calls.rateLimitedAnswers());
        return summary;
    }

    public static void write(Path file, Map<String, Object> summary) {
        AtomicFiles.write(file, JSON.writeValueAsBytes(summary));
    }
}
