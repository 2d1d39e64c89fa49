package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * Runs recorded before the clock speed was: a simulated one then ran on the embedded simulator, which runs ten
     * times faster than real time unless told otherwise.
     */
    static final double UNRECORDED_SIMULATOR_SCALE = 10;

    private final JdbcTemplate jdbc;

    public RunRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The run as SDXL_RUN records it; a run with ledger rows but no record (lost, or made before runs were recorded)
     * still gets one, with nothing known about its file, endpoint or price.
     */
    public Optional<RunRecord> find(String runId) {
        Optional<RunRecord> recorded = jdbc.query("SELECT RUN_ID, PROMPTS_FILE, ENDPOINT, SIMULATED, TIME_SCALE,"
                + " PRICE_PER_SECOND, PRICE_NOTE, IDLE_TIMEOUT_MS FROM SDXL_RUN WHERE RUN_ID = ?", (rs, n) -> {
                    boolean simulated = rs.getBoolean("SIMULATED");
                    Double scale = rs.getObject("TIME_SCALE", Double.class);
                    return new RunRecord(rs.getString("RUN_ID"), rs.getString("PROMPTS_FILE"),
                            rs.getString("ENDPOINT"), simulated,
                            scale != null ? scale : simulated ? UNRECORDED_SIMULATOR_SCALE : 1,
                            cost(rs.getBigDecimal("PRICE_PER_SECOND"), rs.getString("PRICE_NOTE"),
                                    rs.getObject("IDLE_TIMEOUT_MS", Long.class)));
                }, runId).stream().findFirst();
        if (recorded.isPresent()) {
            return recorded;
        }
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM SDXL_PROMPT WHERE RUN_ID = ?", Integer.class, runId);
        return rows == null || rows == 0 ? Optional.empty()
                : Optional.of(new RunRecord(runId, null, "unknown (run not recorded)", false, 1,
                        CostSettings.defaults()));
    }

    private static CostSettings cost(BigDecimal perSecond, String note, Long idleMs) {
        CostSettings defaults = CostSettings.defaults();
        return new CostSettings(perSecond == null ? defaults.price() : new Price(perSecond.stripTrailingZeros(), note),
                idleMs == null ? defaults.idleTimeout() : Duration.ofMillis(idleMs));
    }

    /** Every run id the repository knows, recorded or only in the ledger. */
    public List<String> runIds() {
        return jdbc.queryForList("SELECT RUN_ID FROM SDXL_RUN UNION SELECT DISTINCT RUN_ID FROM SDXL_PROMPT"
                + " ORDER BY RUN_ID", String.class);
    }

    /** Runs of the same prompts file (this one included), the latest {@code limit} by first submission. */
    public List<String> runsOfPromptsFile(String promptsFile, int limit) {
        List<String> ids = new ArrayList<>(jdbc.queryForList("SELECT r.RUN_ID FROM SDXL_RUN r LEFT JOIN (SELECT RUN_ID,"
                + " MIN(SUBMITTED_AT) AS FIRST FROM SDXL_PROMPT GROUP BY RUN_ID) p ON p.RUN_ID = r.RUN_ID"
                + " WHERE r.PROMPTS_FILE = ? ORDER BY p.FIRST DESC NULLS LAST, r.RUN_ID DESC LIMIT ?",
                String.class, promptsFile, limit));
        Collections.reverse(ids);
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
        Map<String, Long> recorded = new LinkedHashMap<>();
        long[] retries = {0};
        jdbc.query("SELECT OPERATION, SENT, RETRIES FROM SDXL_API_CALLS WHERE RUN_ID = ?", rs -> {
            recorded.put(rs.getString("OPERATION"), rs.getLong("SENT"));
            retries[0] += rs.getLong("RETRIES");
        }, runId);
        // nothing recorded: a run made before calls were counted, or whose processes never reached the report
        Map<String, Long> sent = new LinkedHashMap<>();
        if (!recorded.isEmpty()) {
            for (Operation op : Operation.values()) {
                sent.put(op.path(), recorded.getOrDefault(op.path(), 0L));
            }
        }
        Long rateLimited = jdbc.query("SELECT RATE_LIMITED FROM SDXL_RUN WHERE RUN_ID = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, runId);
        return new ApiCalls(sent, retries[0], rateLimited == null ? 0 : rateLimited);
    }
}
