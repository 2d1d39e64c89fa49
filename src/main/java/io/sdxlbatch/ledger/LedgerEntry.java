package io.sdxlbatch.ledger;

/**
 * One row of the ledger as stored. Times are epoch milliseconds of this machine's clock; delay and execution
 * are Runpod's own figures, unchanged.
 */
public record LedgerEntry(String runId, int line, String promptId, String requestJson, String cellsJson,
                          LedgerState state, String jobId, String remoteStatus, int attempts, int retries,
                          boolean possibleDuplicate, Long submittedAt, Long completedAt, Long harvestedAt,
                          Long delayMs, Long executionMs, String workerId, Long seed, Integer imageCount,
                          String images, String error) {
}
