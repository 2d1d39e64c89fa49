package io.sdxlbatch.run;

import java.sql.SQLException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Recognises a job execution that failed only because the job repository refused a write as a serialization
 * conflict (SQLState 40001). The run's two parallel steps write the same job execution at their boundaries, and
 * HSQLDB now and then rolls one of them back when a step ends at the very moment the other starts (seen when there
 * is nothing left to send). Nothing of the ledger is touched by it, so resuming at once is safe.
 */
final class RepositoryConflict {

    private static final String SERIALIZATION_FAILURE = "40001";

    private RepositoryConflict() {
    }

    static boolean endedBy(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return false;
        }
        var failures = execution.getAllFailureExceptions();
        return !failures.isEmpty() && failures.stream().allMatch(RepositoryConflict::isConflict);
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SERIALIZATION_FAILURE.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
