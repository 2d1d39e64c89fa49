package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.cost.Price;
import io.sdxlbatch.runpod.ApiCallStats;
import io.sdxlbatch.runpod.Operation;

/** Reads SDXL_RUN and keeps SDXL_API_CALLS: what the report knows about runs beyond their ledger rows. */
public final class RunRecords {

    private final JdbcTemplate jdbc;

    public RunRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RunRecord> find(String runId) {
        return jdbc.query("SELECT RUN_ID, PROMPTS_FILE, ENDPOINT, SIMULATED, TIME_SCALE, PRICE_PER_SECOND,"
                + " PRICE_NOTE, IDLE_TIMEOUT_MS FROM SDXL_RUN WHERE RUN_ID = ?", (rs, n) -> {
                    BigDecimal perSecond = rs.getBigDecimal("PRICE_PER_SECOND");
                    long idle = rs.getLong("IDLE_TIMEOUT_MS");
                    CostSettings cost = perSecond == null ? CostSettings.defaults()
                            : new CostSettings(new Price(perSecond.stripTrailingZeros(), rs.getString("PRICE_NOTE")),
                            rs.wasNull() ? CostSettings.DEFAULT_IDLE_TIMEOUT : Duration.ofMillis(idle));
                    return new RunRecord(rs.getString("RUN_ID"), rs.getString("PROMPTS_FILE"),
                            rs.getString("ENDPOINT"), rs.getBoolean("SIMULATED"), rs.getDouble("TIME_SCALE"), cost);
                }, runId).stream().findFirst();
    }

    /** Every run id, oldest record first. */
    public List<String> runIds() {
        return jdbc.queryForList("SELECT RUN_ID FROM SDXL_RUN ORDER BY UPDATED_AT, RUN_ID", String.class);
    }

    /** Runs of the same prompts file (this one included), the latest {@code limit} by first submission. */
    public List<String> runsOfPromptsFile(String promptsFile, int limit) {
        List<String> ids = new java.util.ArrayList<>(jdbc.queryForList("SELECT r.RUN_ID FROM SDXL_RUN r LEFT JOIN (SELECT RUN_ID,"
                + " MIN(SUBMITTED_AT) AS FIRST FROM SDXL_PROMPT GROUP BY RUN_ID) p ON p.RUN_ID = r.RUN_ID"
                + " WHERE r.PROMPTS_FILE = ? ORDER BY p.FIRST DESC NULLS LAST, r.RUN_ID DESC LIMIT ?",
                String.class, promptsFile, limit));
        java.util.Collections.reverse(ids);
        return ids;
    }

    /** Adds this process's calls to the run's totals: a resumed run's report counts every process that reported. */
    public void addApiCalls(String runId, ApiCallStats stats) {
        for (Operation op : Operation.values()) {
            if (stats.sent(op) == 0 && stats.retries(op) == 0) {
                continue;
            }
            jdbc.update("MERGE INTO SDXL_API_CALLS t USING (VALUES(CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(40))))"
                    + " AS s(RUN_ID, OPERATION) ON t.RUN_ID = s.RUN_ID AND t.OPERATION = s.OPERATION"
                    + " WHEN MATCHED THEN UPDATE SET SENT = t.SENT + ?, RETRIES = t.RETRIES + ?"
                    + " WHEN NOT MATCHED THEN INSERT (RUN_ID, OPERATION, SENT, RETRIES) VALUES (?, ?, ?, ?)",
                    runId, op.path(), stats.sent(op), stats.retries(op), runId, op.path(), stats.sent(op),
                    stats.retries(op));
        }
        jdbc.update("UPDATE SDXL_RUN SET RATE_LIMITED = RATE_LIMITED + ? WHERE RUN_ID = ?",
                stats.rateLimitedAnswers(), runId);
    }

    public ApiCalls apiCalls(String runId) {
        Map<String, Long> sent = new LinkedHashMap<>();
        for (Operation op : Operation.values()) {
            sent.put(op.path(), 0L);
        }
        long[] retries = {0};
        jdbc.query("SELECT OPERATION, SENT, RETRIES FROM SDXL_API_CALLS WHERE RUN_ID = ?", rs -> {
            sent.put(rs.getString("OPERATION"), rs.getLong("SENT"));
            retries[0] += rs.getLong("RETRIES");
        }, runId);
        Long rateLimited = jdbc.query("SELECT RATE_LIMITED FROM SDXL_RUN WHERE RUN_ID = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, runId);
        return new ApiCalls(sent, retries[0], rateLimited == null ? 0 : rateLimited);
    }
}
