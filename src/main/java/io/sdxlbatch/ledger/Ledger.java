package io.sdxlbatch.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every prompt row and every paid remote side effect of a run. Each write commits on its own, even
 * inside a chunk transaction, so a rollback or a crash can never forget a job id Runpod gave us. Thread-safe.
 */
public final class Ledger {

    private static final String COLUMNS = "RUN_ID, LINE, PROMPT_ID, REQUEST_JSON, CELLS_JSON, STATE, JOB_ID,"
            + " REMOTE_STATUS, ATTEMPTS, RETRIES, POSSIBLE_DUPLICATE, SUBMITTED_AT, COMPLETED_AT, HARVESTED_AT,"
            + " DELAY_MS, EXECUTION_MS, WORKER_ID, SEED, IMAGE_COUNT, IMAGES, ERROR";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    /**
     * Bumped after every write of this ledger commits. The in-flight gate, the harvester and the progress display
     * ask for the same counts many times a second while a run waits on Runpod; while nothing was written, the
     * answers of the last query are still true and no query is needed. Writes from outside this process do not
     * bump it: while a run holds its folder nothing else writes its rows.
     */
    private final AtomicLong version = new AtomicLong();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** An answer and the version it was read at (the version read before the query: never newer than the data). */
    private record Cached(long version, Object answer) {
    }

    public Ledger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A CSV row as the load step hands it over. */
    public record NewRow(int line, String promptId, String requestJson, String cellsJson, LedgerState state,
                         Integer imageCount, String error) {
    }

    /**
     * Adds the rows the run does not have yet, in one transaction: loading is not a paid side effect, and one commit
     * per row (each forced to disk) made 10,000 rows take 8 s before the first job could be sent.
     */
    public void addAllIfAbsent(String runId, List<NewRow> rows) {
        commit(() -> jdbc.batchUpdate(MERGE_ROW, rows.stream().map(r -> new Object[] {runId, r.line(), runId,
                r.line(), r.promptId(), r.requestJson(), r.cellsJson(), r.state().name(), r.imageCount(),
                r.error()}).toList()).length);
    }

    private static final String MERGE_ROW = "MERGE INTO SDXL_PROMPT t USING (VALUES(CAST(? AS VARCHAR(200)),"
            + " CAST(? AS INT))) AS s(RUN_ID, LINE) ON t.RUN_ID = s.RUN_ID AND t.LINE = s.LINE"
            + " WHEN NOT MATCHED THEN INSERT (RUN_ID, LINE, PROMPT_ID, REQUEST_JSON, CELLS_JSON, STATE,"
            + " IMAGE_COUNT, ERROR) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Adds a row unless the run already has one for that line (loading again after a restart changes nothing). */
    public void addIfAbsent(String runId, int line, String promptId, String requestJson, String cellsJson,
                            LedgerState state, Integer imageCount, String error) {
        addAllIfAbsent(runId, List.of(new NewRow(line, promptId, requestJson, cellsJson, state, imageCount, error)));
    }

    /** Rows still to be sent, in file order, after {@code afterLine}. */
    public List<LedgerEntry> toSubmit(String runId, int afterLine, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM SDXL_PROMPT WHERE RUN_ID = ? AND LINE > ?"
                + " AND STATE IN ('PENDING', 'SENDING') ORDER BY LINE LIMIT ?", ROW, runId, afterLine, limit);
    }

    public List<LedgerEntry> inState(String runId, LedgerState state) {
        return jdbc.query("SELECT " + COLUMNS + " FROM SDXL_PROMPT WHERE RUN_ID = ? AND STATE = ? ORDER BY LINE",
                ROW, runId, state.name());
    }

    public List<LedgerEntry> all(String runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM SDXL_PROMPT WHERE RUN_ID = ? ORDER BY LINE", ROW, runId);
    }

    public LedgerEntry get(String runId, int line) {
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM SDXL_PROMPT WHERE RUN_ID = ? AND LINE = ?",
                ROW, runId, line);
    }

    public Map<LedgerState, Integer> countByState(String runId) {
        Map<LedgerState, Integer> counts = cached("counts " + runId, () -> {
            Map<LedgerState, Integer> read = new EnumMap<>(LedgerState.class);
            jdbc.query("SELECT STATE, COUNT(*) FROM SDXL_PROMPT WHERE RUN_ID = ? GROUP BY STATE",
                    rs -> { read.put(LedgerState.valueOf(rs.getString(1)), rs.getInt(2)); }, runId);
            return read;
        });
        // a copy: callers may change theirs, the cached answer must stay as read
        return new EnumMap<>(counts);
    }

    /** Rows in one of these states, read through the state index: cheap however big the run. */
    public int countInState(String runId, LedgerState state) {
        return cached("count " + runId + " " + state, () -> {
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM SDXL_PROMPT WHERE RUN_ID = ? AND STATE = ?",
                    Integer.class, runId, state.name());
            return n == null ? 0 : n;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String question, Supplier<T> query) {
        long now = version.get();
        Cached hit = cache.get(question);
        if (hit != null && hit.version() == now) {
            return (T) hit.answer();
        }
        T answer = query.get();
        cache.put(question, new Cached(now, answer));
        return answer;
    }

    /**
     * Images on disk: staged (HARVESTED) or published (DONE). Counted in SQL from the ';'-separated paths, because
     * the progress display asks every second and a run can have a hundred thousand rows.
     */
    public int imagesOnDisk(String runId) {
        return cached("images " + runId, () -> {
            Integer n = jdbc.queryForObject("SELECT COALESCE(SUM(CHAR_LENGTH(IMAGES) - CHAR_LENGTH(REPLACE(IMAGES,"
                    + " ';', '')) + 1), 0) FROM SDXL_PROMPT WHERE RUN_ID = ? AND STATE IN ('HARVESTED', 'DONE')"
                    + " AND IMAGES IS NOT NULL AND IMAGES <> ''", Integer.class, runId);
            return n == null ? 0 : n;
        });
    }

    /** The reason of the row that failed for good most recently, as "line N: reason"; empty while none has. */
    public Optional<String> lastFailure(String runId) {
        return cached("failure " + runId, () -> jdbc.query("SELECT LINE, ERROR FROM SDXL_PROMPT WHERE RUN_ID = ?"
                        + " AND STATE IN ('FAILED', 'EXPIRED', 'NO_OUTPUT', 'UNDECODABLE')"
                        + " ORDER BY HARVESTED_AT DESC NULLS LAST, LINE DESC LIMIT 1",
                (rs, n) -> "line " + rs.getInt(1) + ": " + rs.getString(2), runId).stream().findFirst());
    }

    /** How many job ids Runpod gave for this row: above 1 means the prompt was paid for more than once. */
    public int jobIdsReceived(String runId, int line) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM SDXL_JOB_ID WHERE RUN_ID = ? AND LINE = ?",
                Integer.class, runId, line);
        return n == null ? 0 : n;
    }

    /** Images asked for by every row already handed to Runpod (or being handed): what an image limit counts. */
    public int imagesSent(String runId) {
        Integer n = jdbc.queryForObject("SELECT COALESCE(SUM(IMAGE_COUNT), 0) FROM SDXL_PROMPT WHERE RUN_ID = ?"
                + " AND STATE NOT IN ('PENDING', 'REJECTED')", Integer.class, runId);
        return n == null ? 0 : n;
    }

    /** How many job ids Runpod gave this run in all: zero means nothing was ever paid for. */
    public int jobIdsReceived(String runId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM SDXL_JOB_ID WHERE RUN_ID = ?", Integer.class, runId);
        return n == null ? 0 : n;
    }

    /** Runs {@code update} in a transaction of its own and returns the number of rows it changed. */
    int commit(Supplier<Integer> update) {
        try {
            Integer changed = ownTransaction.execute(status -> update.get());
            return changed == null ? 0 : changed;
        } finally {
            // after the commit (or the rollback): a reader that saw the old version re-reads, never the reverse
            version.incrementAndGet();
        }
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    private static final RowMapper<LedgerEntry> ROW = (ResultSet rs, int n) -> new LedgerEntry(
            rs.getString("RUN_ID"), rs.getInt("LINE"), rs.getString("PROMPT_ID"), rs.getString("REQUEST_JSON"),
            rs.getString("CELLS_JSON"), LedgerState.valueOf(rs.getString("STATE")), rs.getString("JOB_ID"),
            rs.getString("REMOTE_STATUS"), rs.getInt("ATTEMPTS"), rs.getInt("RETRIES"),
            rs.getBoolean("POSSIBLE_DUPLICATE"), longOrNull(rs, "SUBMITTED_AT"), longOrNull(rs, "COMPLETED_AT"),
            longOrNull(rs, "HARVESTED_AT"), longOrNull(rs, "DELAY_MS"), longOrNull(rs, "EXECUTION_MS"),
            rs.getString("WORKER_ID"), longOrNull(rs, "SEED"), (Integer) rs.getObject("IMAGE_COUNT"),
            rs.getString("IMAGES"), rs.getString("ERROR"));

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
