package io.sdxlbatch.runs;

import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.runpod.JobState;
import io.sdxlbatch.runpod.JobStatus;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runpod.RunpodException;

/**
 * Cancels the jobs of a run's in-flight rows one at a time, and records in the ledger only what Runpod confirms. A job
 * that already ended is not touched: a COMPLETED one is paid for, and the next run collects its images.
 */
public final class JobCanceller {

    private final RunpodClient client;
    private final LedgerTransitions transitions;

    public JobCanceller(RunpodClient client, LedgerTransitions transitions) {
        this.client = client;
        this.transitions = transitions;
    }

    /**
     * @param reason kept as the row's error, e.g. "cancelled by ./run.sh cancel at ..."
     * @throws UsageException when the endpoint refuses every request (the key was rejected)
     */
    public CancelOutcome cancel(LedgerEntry row, String reason, long now) {
        JobStatus answer;
        try {
            answer = client.cancel(row.jobId());
        } catch (RunpodException.NotFound e) {
            // the endpoint itself was found before the first cancel (its /health answered): this is the job
            return new CancelOutcome(row, CancelOutcome.Kind.GONE, "not found (HTTP 404): the endpoint no longer has"
                    + " it; left as it is, the next run records it");
        } catch (RunpodException e) {
            if (e.refusesEveryRequest()) {
                throw new UsageException(e.getMessage());
            }
            return new CancelOutcome(row, CancelOutcome.Kind.NOT_CONFIRMED, "not cancelled: " + e.getMessage());
        }
        if (answer.state() == JobState.CANCELLED) {
            transitions.cancelled(row.runId(), row.line(), reason, now);
            return new CancelOutcome(row, CancelOutcome.Kind.CANCELLED, "cancelled");
        }
        if (answer.isFinal()) {
            return new CancelOutcome(row, CancelOutcome.Kind.ALREADY_FINAL, "already " + answer.rawStatus()
                    + " on the endpoint, not cancelled; left for the next run to "
                    + (answer.state() == JobState.COMPLETED ? "collect (it is paid for)" : "retry or record"));
        }
        return new CancelOutcome(row, CancelOutcome.Kind.NOT_CONFIRMED, "not cancelled: the endpoint answered "
                + answer.rawStatus() + "; left as it is");
    }
}
