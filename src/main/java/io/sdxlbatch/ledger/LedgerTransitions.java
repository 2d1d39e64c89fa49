package io.sdxlbatch.ledger;

/**
 * The state changes of a ledger row, each one committed on its own and guarded by the state it expects, so a
 * repeated or late call (chunk re-processing, a second harvester pass) changes nothing. Thread-safe.
 */
public final class LedgerTransitions {

    private final Ledger ledger;

    public LedgerTransitions(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Writes the intent to POST /run. A row already SENDING had a POST whose answer we never stored, so this one
     * may create a second job: it is flagged as a possible duplicate. Returns false if the row already has a job.
     */
    public boolean intendToSend(String runId, int line) {
        return ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET ATTEMPTS = ATTEMPTS + 1,"
                + " POSSIBLE_DUPLICATE = (POSSIBLE_DUPLICATE OR STATE = 'SENDING'), STATE = 'SENDING'"
                + " WHERE RUN_ID = ? AND LINE = ? AND STATE IN ('PENDING', 'SENDING')", runId, line)) == 1;
    }

    /** Stores the job id Runpod gave, and keeps it in the id history. */
    public void sent(String runId, int line, String jobId, long now) {
        ledger.commit(() -> {
            ledger.jdbc().update("INSERT INTO SDXL_JOB_ID (RUN_ID, LINE, JOB_ID, RECEIVED_AT) VALUES (?, ?, ?, ?)",
                    runId, line, jobId, now);
            return ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = 'QUEUED', JOB_ID = ?, SUBMITTED_AT = ?,"
                    + " REMOTE_STATUS = 'IN_QUEUE', ERROR = NULL WHERE RUN_ID = ? AND LINE = ?",
                    jobId, now, runId, line);
        });
    }

    /** The POST certainly created nothing (refused connection, 429, 503): the row is simply still to be sent. */
    public void notSent(String runId, int line, String reason) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = 'PENDING', ATTEMPTS = ATTEMPTS - 1,"
                + " ERROR = ? WHERE RUN_ID = ? AND LINE = ? AND STATE = 'SENDING'", clip(reason), runId, line));
    }

    /** Remembers the last remote status seen, for status reports and the next poll's schedule. */
    public void remoteStatus(String runId, int line, String status, Long delayMs) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET REMOTE_STATUS = ?,"
                + " DELAY_MS = COALESCE(?, DELAY_MS) WHERE RUN_ID = ? AND LINE = ? AND STATE = 'QUEUED'",
                status, delayMs, runId, line));
    }

    /**
     * Counts a retry before it is asked for, like a submission's intent: a /retry whose answer is lost still
     * counts against --max-retries.
     */
    public void countRetry(String runId, int line) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET RETRIES = RETRIES + 1"
                + " WHERE RUN_ID = ? AND LINE = ? AND STATE = 'QUEUED'", runId, line));
    }

    /** The /retry certainly did not reach Runpod (429, 503, no connection): it does not count. */
    public void uncountRetry(String runId, int line) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET RETRIES = RETRIES - 1"
                + " WHERE RUN_ID = ? AND LINE = ? AND STATE = 'QUEUED' AND RETRIES > 0", runId, line));
    }

    /** The failed job cannot come back under its id: the row is submitted again as a new job (retry counted). */
    public void resubmit(String runId, int line, String reason) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = 'PENDING', JOB_ID = NULL,"
                + " ERROR = ? WHERE RUN_ID = ? AND LINE = ? AND STATE = 'QUEUED'", clip(reason), runId, line));
    }

    /**
     * The images were read and staged; Runpod's timings are kept exactly as reported. {@code note} says what was
     * odd about a result that is still kept (e.g. fewer images than asked for), or is null.
     */
    public void harvested(String runId, int line, RemoteResult result, String stagedImages, String note) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = 'HARVESTED', REMOTE_STATUS = ?,"
                + " COMPLETED_AT = ?, HARVESTED_AT = ?, DELAY_MS = COALESCE(?, DELAY_MS),"
                + " EXECUTION_MS = COALESCE(?, EXECUTION_MS), WORKER_ID = COALESCE(?, WORKER_ID),"
                + " SEED = COALESCE(?, SEED), IMAGES = ?, ERROR = ? WHERE RUN_ID = ? AND LINE = ? AND STATE = 'QUEUED'",
                result.remoteStatus(), result.seenAt(), result.seenAt(), result.delayMs(), result.executionMs(),
                result.workerId(), result.seed(), stagedImages, note, runId, line));
    }

    /** A final failure with its own reason; timings are kept when Runpod sent them. */
    public void failed(String runId, int line, LedgerState outcome, RemoteResult result, String reason) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = ?, REMOTE_STATUS = ?,"
                + " COMPLETED_AT = ?, HARVESTED_AT = ?, DELAY_MS = COALESCE(?, DELAY_MS),"
                + " EXECUTION_MS = COALESCE(?, EXECUTION_MS), WORKER_ID = COALESCE(?, WORKER_ID), ERROR = ?"
                + " WHERE RUN_ID = ? AND LINE = ? AND STATE IN ('QUEUED', 'SENDING', 'PENDING')",
                outcome.name(), result.remoteStatus(), result.seenAt(), result.seenAt(), result.delayMs(),
                result.executionMs(), result.workerId(), clip(reason), runId, line));
    }

    /**
     * Runpod confirmed that it cancelled the row's job at our request, at {@code now}. Only a job still in flight can
     * be cancelled: a row that reached any other state meanwhile keeps it. Returns false if the row was not in flight.
     */
    public boolean cancelled(String runId, int line, String reason, long now) {
        return ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = 'CANCELLED',"
                + " REMOTE_STATUS = 'CANCELLED', COMPLETED_AT = ?, ERROR = ? WHERE RUN_ID = ? AND LINE = ?"
                + " AND STATE IN ('QUEUED', 'SENDING')", now, clip(reason), runId, line)) == 1;
    }

    /**
     * Puts every CANCELLED row of the run back to PENDING, to be sent as a new job; what the cancelled job left
     * behind (its id, status and timings) is cleared so it cannot mix with the new job's. The cancelled job id stays
     * in the id history. Returns how many rows go out again.
     */
    public int resubmitCancelled(String runId) {
        return ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = 'PENDING', JOB_ID = NULL,"
                + " REMOTE_STATUS = NULL, SUBMITTED_AT = NULL, COMPLETED_AT = NULL, HARVESTED_AT = NULL,"
                + " DELAY_MS = NULL, EXECUTION_MS = NULL, WORKER_ID = NULL, ERROR = NULL"
                + " WHERE RUN_ID = ? AND STATE = 'CANCELLED'", runId));
    }

    /** The images are in their final place; {@code images} are paths relative to the run folder. */
    public void published(String runId, int line, String images) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = 'DONE', IMAGES = ?"
                + " WHERE RUN_ID = ? AND LINE = ? AND STATE = 'HARVESTED'", images, runId, line));
    }

    /** A staged image was lost or damaged before publishing: read the job's result again while Runpod keeps it. */
    public void restage(String runId, int line) {
        ledger.commit(() -> ledger.jdbc().update("UPDATE SDXL_PROMPT SET STATE = 'QUEUED', IMAGES = NULL,"
                + " ERROR = 'staged image missing or damaged; reading the result again'"
                + " WHERE RUN_ID = ? AND LINE = ? AND STATE = 'HARVESTED'", runId, line));
    }

    /** Keeps the bucket URLs of a completed job's images, replacing any kept before. */
    public void rememberUrls(String runId, int line, java.util.List<String> urls) {
        ledger.commit(() -> {
            ledger.jdbc().update("DELETE FROM SDXL_IMAGE_URL WHERE RUN_ID = ? AND LINE = ?", runId, line);
            for (int n = 0; n < urls.size(); n++) {
                ledger.jdbc().update("INSERT INTO SDXL_IMAGE_URL (RUN_ID, LINE, N, URL) VALUES (?, ?, ?, ?)",
                        runId, line, n + 1, urls.get(n));
            }
            return urls.size();
        });
    }

    /** The bucket URLs kept for a row, in image order; empty when its images came inline. */
    public java.util.List<String> rememberedUrls(String runId, int line) {
        return ledger.jdbc().queryForList("SELECT URL FROM SDXL_IMAGE_URL WHERE RUN_ID = ? AND LINE = ? ORDER BY N",
                String.class, runId, line);
    }

    /** The row as it is stored now. */
    public LedgerEntry reloaded(LedgerEntry row) {
        return ledger.get(row.runId(), row.line());
    }

    private static String clip(String s) {
        return s == null || s.length() <= 3900 ? s : s.substring(0, 3900) + "...";
    }
}
