package io.sdxlbatch.run;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;

import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.endpoint.ResolvedEndpoint;

/**
 * Records in SDXL_RUN which prompts file, endpoint and process a run belongs to: dry runs read it to estimate from
 * earlier runs on the same endpoint, and a person can see who ran what. Never the API key.
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
        ProcessHandle self = ProcessHandle.current();
        CostSettings cost = options.cost();
        Object[] values = {options.promptsFile().toAbsolutePath().toString(), self.pid(), host(), endpoint.key(),
            endpoint.simulated(), clock.millis(), timeScale, cost.price().perSecond(), cost.price().describe(),
            cost.idleTimeout().toMillis()};
        java.util.List<Object> args = new java.util.ArrayList<>();
        args.add(options.runId());
        args.addAll(java.util.List.of(values));
        args.add(options.runId());
        args.addAll(java.util.List.of(values));
        jdbc.update("MERGE INTO SDXL_RUN t USING (VALUES(CAST(? AS VARCHAR(200)))) AS s(RUN_ID)"
                        + " ON t.RUN_ID = s.RUN_ID"
                        + " WHEN MATCHED THEN UPDATE SET " + COLUMNS.replace(",", " = ?,") + " = ?"
                        + " WHEN NOT MATCHED THEN INSERT (RUN_ID, " + COLUMNS + ") VALUES (?"
                        + ", ?".repeat(values.length) + ")", args.toArray());
    }

    private static final String COLUMNS = "PROMPTS_FILE,PID,HOST,ENDPOINT,SIMULATED,UPDATED_AT,TIME_SCALE,"
            + "PRICE_PER_SECOND,PRICE_NOTE,IDLE_TIMEOUT_MS";

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}
