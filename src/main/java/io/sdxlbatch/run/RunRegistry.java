package io.sdxlbatch.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;

import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.endpoint.ResolvedEndpoint;

/**
 * Records in SDXL_RUN which prompts file, endpoint and process a run belongs to: dry runs read it to estimate from
 * earlier runs on the same endpoint, reports read the price and clock speed, and a person can see who ran what.
 * Never the API key. Price, idle timeout and time scale stay as the run's first process recorded them: a resume
 * runs the printed command, which does not repeat --gpu, and must not re-cost (or re-time) what was already done.
 */
final class RunRegistry {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RunRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param timeScale endpoint ms per real ms, from the endpoint's /health (1 for Runpod) */
    void record(RunOptions options, ResolvedEndpoint endpoint, double timeScale) {
        String prompts = options.promptsFile().toAbsolutePath().toString();
        long pid = ProcessHandle.current().pid();
        CostSettings cost = options.cost();
        jdbc.update("MERGE INTO SDXL_RUN t USING (VALUES(CAST(? AS VARCHAR(200)))) AS s(RUN_ID)"
                        + " ON t.RUN_ID = s.RUN_ID"
                        + " WHEN MATCHED THEN UPDATE SET PROMPTS_FILE = ?, PID = ?, HOST = ?, ENDPOINT = ?,"
                        + " SIMULATED = ?, UPDATED_AT = ?, TIME_SCALE = COALESCE(t.TIME_SCALE, ?),"
                        + " PRICE_PER_SECOND = COALESCE(t.PRICE_PER_SECOND, ?), PRICE_NOTE = COALESCE(t.PRICE_NOTE, ?),"
                        + " IDLE_TIMEOUT_MS = COALESCE(t.IDLE_TIMEOUT_MS, ?)"
                        + " WHEN NOT MATCHED THEN INSERT (RUN_ID, PROMPTS_FILE, PID, HOST, ENDPOINT, SIMULATED,"
                        + " UPDATED_AT, TIME_SCALE, PRICE_PER_SECOND, PRICE_NOTE, IDLE_TIMEOUT_MS)"
                        + " VALUES (s.RUN_ID, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                options.runId(),
                prompts, pid, host(), endpoint.key(), endpoint.simulated(), clock.millis(), timeScale,
                cost.price().perSecond(), cost.price().describe(), cost.idleTimeout().toMillis(),
                prompts, pid, host(), endpoint.key(), endpoint.simulated(), clock.millis(), timeScale,
                cost.price().perSecond(), cost.price().describe(), cost.idleTimeout().toMillis());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
