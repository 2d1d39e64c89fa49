package io.sdxlbatch.runs;

import java.time.LocalDateTime;

/**
 * A run's job executions in Spring Batch's tables, across restarts and re-runs. Times are this machine's local
 * time, as Spring Batch stores them.
 *
 * @param status    the last execution's BatchStatus name (COMPLETED, FAILED, STARTED, STOPPED, ...)
 * @param firstId   the first execution's id: ids grow, so it orders runs by when they were first started
 * @param lastEnd   null while the last execution has not ended (or its process died)
 */
record JobAttempts(String status, String exitCode, int count, long firstId, LocalDateTime firstStart,
                   LocalDateTime lastStart, LocalDateTime lastEnd) {

    /**
     * The status, for a run no process works on (the repository is only read while nobody holds the folder's lock):
     * one still STARTED was interrupted, its process is gone.
     */
    String describe() {
        boolean running = status.equals("STARTED") || status.equals("STARTING") || status.equals("STOPPING");
        return running ? status + " (process gone)" : status;
    }

    JobAttempts then(String nextStatus, String nextExitCode, LocalDateTime start, LocalDateTime end) {
        return new JobAttempts(nextStatus, nextExitCode, count + 1, firstId, firstStart, start, end);
    }
}
