package io.sdxlbatch.harvest;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.runs.CancelOutcome;
import io.sdxlbatch.runs.JobCanceller;

/**
 * {@code --cancel-on-abort}: after a signal, cancel the run's jobs in flight instead of collecting them. Only what
 * Runpod confirms is recorded CANCELLED (a resume sends those rows again only with --resubmit-cancelled); a job that
 * completed meanwhile is paid for and is still collected.
 */
final class AbortCancel {

    private static final Logger log = LoggerFactory.getLogger(AbortCancel.class);

    private final Ledger ledger;
    private final String runId;
    private final JobCanceller canceller;
    private final Clock clock;
    /** Job ids asked once already: a job that had completed is not asked again on every pass. */
    private final Set<String> asked = new HashSet<>();

    AbortCancel(Ledger ledger, String runId, JobCanceller canceller, Clock clock) {
        this.ledger = ledger;
        this.runId = runId;
        this.canceller = canceller;
        this.clock = clock;
    }

    /**
     * Called on every harvest pass after the signal: a row whose POST was on the wire when it came turns QUEUED
     * only later, and is cancelled on a later pass.
     *
     * @return how many jobs Runpod confirmed cancelled in this call
     */
    int cancelInFlight(String signal) {
        int cancelled = 0;
        for (LedgerEntry row : ledger.inState(runId, LedgerState.QUEUED)) {
            if (!asked.add(row.jobId())) {
                continue;
            }
            CancelOutcome outcome = canceller.cancel(row, "cancelled by us after " + signal + " (--cancel-on-abort)",
                    clock.millis());
            if (outcome.kind() == CancelOutcome.Kind.CANCELLED) {
                cancelled++;
            } else {
                log.info("line {}: job {}: {}", row.line(), row.jobId(), outcome.detail());
            }
        }
        if (cancelled > 0) {
            log.info("{} jobs in flight cancelled (--cancel-on-abort)", cancelled);
        }
        return cancelled;
    }
}
