package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sdxlbatch.cost.Billing;
import io.sdxlbatch.images.AtomicFiles;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report/summary.json}: the run's figures for machines. Times are milliseconds on the endpoint's clock;
 * money is USD; everything derived from inferred cold starts is marked an estimate. The version changes when a
 * field changes meaning or goes away; new fields may appear without a new version.
 */
public final class SummaryReport {

    static final int VERSION = 2;
    static final String COST_MODEL = "Runpod bills each worker per second from start to stop: cold start +"
            + " execution + idle timeout after its last job. Cold starts are inferred (a worker id seen for the"
            + " first time, or a worker idle longer than the idle timeout) and are estimates; idle assumes the"
            + " endpoint ran only this run's jobs.";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private SummaryReport() {
    }

    public static Map<String, Object> build(RunAnalysis a) {
        Map<String, Object> s = new LinkedHashMap<>();
        RunInfo run = a.run();
        s.put("version", VERSION);
        s.put("run_id", run.runId());
        s.put("prompts_file", run.promptsFile());
        s.put("endpoint", run.endpoint());
        s.put("simulated", run.simulated());
        s.put("time_scale", run.timeScale());
        s.put("generated_at", run.generatedAt().toString());
        s.put("first_submit_at", run.firstSubmitAt() == null ? null : run.firstSubmitAt().toString());
        s.put("last_harvest_at", run.lastHarvestAt() == null ? null : run.lastHarvestAt().toString());
        s.put("wall_ms", run.wallMs());
        s.put("rows", a.rows());
        s.put("status_counts", a.statusCounts());
        s.put("images_written", a.imagesWritten());
        s.put("possible_duplicates", a.possibleDuplicates());
        s.put("retried_rows", a.retriedRows());
        s.put("delay_ms", a.delay().percentiles());
        s.put("execution_ms", a.execution().percentiles());
        s.put("end_to_end_ms", a.endToEnd().percentiles());
        s.put("harvest_latency_ms", a.harvestLatency().percentiles());
        s.put("images_per_minute", Math.round(a.imagesPerMinute() * 100) / 100.0);
        Billing b = a.billing();
        Map<String, Object> billed = new LinkedHashMap<>();
        billed.put("execution", b.executionMs());
        billed.put("cold_start", b.coldStartMs());
        billed.put("idle", b.idleMs());
        billed.put("total", b.billedMs());
        s.put("billed_ms", billed);
        s.put("gpu_seconds", b.billedMs() / 1000.0);
        Map<String, Object> cold = new LinkedHashMap<>();
        cold.put("count", b.coldStarts());
        cold.put("estimated_ms", b.coldStartMs());
        cold.put("share_of_billed", Math.round(b.share(b.coldStartMs()) * 1000) / 1000.0);
        s.put("cold_starts", cold);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("currency", "USD");
        cost.put("estimated", true);
        cost.put("total", money(b.totalCost()));
        cost.put("execution", money(b.executionCost()));
        cost.put("cold_start", money(b.coldStartCost()));
        cost.put("idle", money(b.idleCost()));
        cost.put("per_image", a.imagesWritten() == 0 ? null
                : money(b.totalCost().divide(BigDecimal.valueOf(a.imagesWritten()), 6,
                        java.math.RoundingMode.HALF_UP)));
        s.put("cost", cost);
        Map<String, Object> assumptions = new LinkedHashMap<>();
        assumptions.put("price_per_second", money(a.price().perSecond()));
        assumptions.put("price_source", a.price().describe());
        assumptions.put("idle_timeout_ms", b.idleTimeoutMs());
        assumptions.put("model", COST_MODEL);
        s.put("assumptions", assumptions);
        s.put("api_calls", a.api().recorded() ? a.api().sent() : null);
        s.put("api_calls_per_image", a.imagesWritten() == 0 || !a.api().recorded() ? null
                : Math.round(a.api().total() * 100.0 / a.imagesWritten()) / 100.0);
        s.put("api_retries", a.api().retries());
        s.put("rate_limited_answers", a.api().rateLimited());
        s.put("hints", a.hints().stream().map(h -> ordered("advice", h.advice(), "evidence", h.evidence())).toList());
        s.put("failures", a.failures().stream().map(f -> ordered("status", f.status(), "reason", f.reason(),
                "count", f.lines().size(), "lines", f.lines())).toList());
        s.put("trend", trend(a.trend()));
        return s;
    }

    private static List<Map<String, Object>> trend(List<TrendPoint> points) {
        return points.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", p.runId());
            m.put("started_at", p.startedAt() == null ? null : p.startedAt().toString());
            m.put("images", p.images());
            m.put("cost", money(p.cost()));
            m.put("p95_delay_ms", p.p95DelayMs());
            m.put("p95_end_to_end_ms", p.p95EndToEndMs());
            m.put("current", p.current());
            return m;
        }).toList();
    }

    /** Keys in the order given: the file reads the same way every night, and diffs stay small. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Exact decimal in the JSON (a double would print 3.1E-4), never more than the 6 places we compute. */
    private static BigDecimal money(BigDecimal value) {
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    public static void write(Path file, RunAnalysis analysis) {
        AtomicFiles.write(file, JSON.writeValueAsBytes(build(analysis)));
    }
}
