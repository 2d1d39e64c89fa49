package io.sdxlbatch.run;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;

import io.sdxlbatch.config.RunOptions;
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

    void record(RunOptions options, ResolvedEndpoint endpoint) {
        ProcessHandle self = ProcessHandle.current();
        jdbc.update("MERGE INTO SDXL_RUN t USING (VALUES(CAST(? AS VARCHAR(200)))) AS s(RUN_ID)"
                        + " ON t.RUN_ID = s.RUN_ID"
                        + " WHEN MATCHED THEN UPDATE SET PROMPTS_FILE = ?, PID = ?, HOST = ?, ENDPOINT = ?,"
                        + " SIMULATED = ?, UPDATED_AT = ?"
                        + " WHEN NOT MATCHED THEN INSERT (RUN_ID, PROMPTS_FILE, PID, HOST, ENDPOINT, SIMULATED,"
                        + " UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)",
                options.runId(), options.promptsFile().toAbsolutePath().toString(), self.pid(), host(),
                endpoint.key(), endpoint.simulated(), clock.millis(),
                options.runId(), options.promptsFile().toAbsolutePath().toString(), self.pid(), host(),
                endpoint.key(), endpoint.simulated(), clock.millis());
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}
