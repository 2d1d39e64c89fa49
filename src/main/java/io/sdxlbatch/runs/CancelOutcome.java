package io.sdxlbatch.runs;

import io.sdxlbatch.ledger.LedgerEntry;

/** What became of one in-flight row when its job was cancelled, in words for the console. */
public record CancelOutcome(LedgerEntry row, Kind kind, String detail) {

    public enum Kind {
        /** Runpod cancelled the job; the row is CANCELLED. */
        CANCELLED,
        /** The job had already ended on the endpoint: the row is left for the next run to collect or record. */
        ALREADY_FINAL,
        /** 404: the endpoint no longer has the job; the row is left for the next run to record. */
        GONE,
        /** The cancellation was not confirmed (no answer, an error, or a job still running): try again. */
        NOT_CONFIRMED
    }

    /** {@code line 3 (fox), job 1a2b-e1: cancelled}. */
    String describe() {
        return "line " + row.line() + " (" + row.promptId() + "), job " + row.jobId() + ": " + detail;
    }
}
