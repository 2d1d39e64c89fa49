package io.sdxlbatch.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.sdxlbatch.run.JobIdentity;

/**
 * Reads the run's job executions from Spring Batch's tables with plain SQL: the commands that need them start no
 * Spring Batch. A run's executions are those whose identifying {@code run.id} parameter is the run id, re-runs for
 * cancelled rows included.
 */
final class JobExecutions {

    private static final String SELECT = "SELECT p.PARAMETER_VALUE AS RUN_ID, e.JOB_EXECUTION_ID, e.STATUS,"
            + " e.EXIT_CODE, e.START_TIME, e.END_TIME FROM BATCH_JOB_EXECUTION e"
            + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
            + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + " WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = ?";

    private final JdbcTemplate jdbc;

    JobExecutions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<JobAttempts> of(String runId) {
        return Optional.ofNullable(collect(SELECT + " AND p.PARAMETER_VALUE = ? ORDER BY e.JOB_EXECUTION_ID",
                JobIdentity.JOB_NAME, JobIdentity.RUN_ID, runId).get(runId));
    }

    /** Every run's attempts, by run id. */
    Map<String, JobAttempts> all() {
        return collect(SELECT + " ORDER BY e.JOB_EXECUTION_ID", JobIdentity.JOB_NAME, JobIdentity.RUN_ID);
    }

    private Map<String, JobAttempts> collect(String sql, Object... args) {
        Map<String, JobAttempts> runs = new LinkedHashMap<>();
        try {
            jdbc.query(sql, (ResultSet rs) -> {
                runs.merge(rs.getString("RUN_ID"), first(rs), (earlier, next) -> earlier.then(next.status(),
                        next.exitCode(), next.lastStart(), next.lastEnd()));
            }, args);
        } catch (BadSqlGrammarException noBatchTables) {
            // a repository in which no job ever started has the ledger's tables only: no executions
            return Map.of();
        }
        return runs;
    }

    private static JobAttempts first(ResultSet rs) throws SQLException {
        LocalDateTime start = time(rs.getTimestamp("START_TIME"));
        return new JobAttempts(rs.getString("STATUS"), rs.getString("EXIT_CODE"), 1, rs.getLong("JOB_EXECUTION_ID"),
                start, start, time(rs.getTimestamp("END_TIME")));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
