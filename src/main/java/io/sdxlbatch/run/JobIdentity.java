package io.sdxlbatch.run;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * How a run is named in Spring Batch's tables: the job {@value #JOB_NAME} with the identifying parameter
 * {@value #RUN_ID}. Persisted: renaming either breaks the restart of runs already on disk, and the status commands
 * read them with plain SQL.
 *
 * <p>A run that has COMPLETED is one finished job instance, which Spring Batch will not start again. Sending its
 * cancelled rows again ({@code --resubmit-cancelled}) therefore needs a new instance of the same run: the n-th such
 * re-run adds the identifying parameter {@value #RESUBMISSION} = n. The first instance carries only the run id, so
 * runs made before re-runs existed keep their identity, and each re-run restarts like any run if it stops.
 */
public final class JobIdentity {

    public static final String JOB_NAME = "nightly";
    public static final String RUN_ID = "run.id";
    public static final String RESUBMISSION = "resubmission";

    private JobIdentity() {
    }

    /** The parameters of the run's {@code resubmission}-th instance (0: the run as first started). */
    public static JobParameters of(String runId, long resubmission) {
        JobParametersBuilder parameters = new JobParametersBuilder().addString(RUN_ID, runId);
        if (resubmission > 0) {
            parameters.addLong(RESUBMISSION, resubmission);
        }
        return parameters.toJobParameters();
    }

    /** The latest instance the run has: 0 unless it was re-run for cancelled rows. Re-runs are few: counted up. */
    static long latestResubmission(JobRepository repository, String runId) {
        long n = 0;
        while (repository.getLastJobExecution(JOB_NAME, of(runId, n + 1)) != null) {
            n++;
        }
        return n;
    }
}
