package io.sdxlbatch.stop;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.cost.WorkEstimate;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerEntry;

/**
 * Asked before each job is sent: may it go? Past the deadline, or when its images or its estimated cost would take
 * the run past the limit, the answer is no and submission stops for good (the rest stays pending and resumable).
 * Thread-safe enough for the single submitting thread; the stop itself is shared.
 */
public final class SubmissionLimits {

    /** How long a cost estimate is reused: it reads the whole ledger. */
    static final Duration ESTIMATE_TTL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SubmissionLimits.class);

    private final StopSettings settings;
    private final CostSettings cost;
    private final Ledger ledger;
    private final String runId;
    private final StopRequest stop;
    private final Clock clock;
    private SpendEstimate spend;
    private long spendAt;

    public SubmissionLimits(StopSettings settings, CostSettings cost, Ledger ledger, String runId, StopRequest stop,
                            Clock clock) {
        this.settings = settings;
        this.cost = cost;
        this.ledger = ledger;
        this.runId = runId;
        this.stop = stop;
        this.clock = clock;
    }

    /**
     * False once submission has stopped, for this row's reason or an earlier one. Asked by the submitting thread and
     * by the harvester's poll threads (a failed job sent again), hence synchronized.
     */
    public synchronized boolean allows(LedgerEntry row) {
        if (stop.requested()) {
            return false;
        }
        String limit = limitReached(row);
        if (limit != null) {
            if (stop.request(StopRequest.Kind.LIMIT, limit, clock.millis())) {
                log.warn("stopped sending: {}", limit);
            }
            return false;
        }
        return true;
    }

    private String limitReached(LedgerEntry row) {
        if (settings.deadline() != null && !clock.instant().isBefore(settings.deadline())) {
            return "--deadline reached (" + settings.deadline() + "): no new jobs are sent";
        }
        int images = row.imageCount() == null ? 1 : row.imageCount();
        if (settings.maxImages() != null) {
            int sent = ledger.imagesSent(runId);
            if (sent + images > settings.maxImages()) {
                return "--max-images " + settings.maxImages() + " reached: " + sent + " images sent, line " + row.line()
                        + " would add " + images;
            }
        }
        if (settings.maxCost() != null) {
            SpendEstimate next = spend().plusOneJob(cost);
            if (next.dollars().compareTo(settings.maxCost()) > 0) {
                return "--max-cost $" + settings.maxCost().toPlainString() + " reached: estimated $"
                        + spend.dollars().toPlainString() + " spent or committed, line " + row.line() + " would take"
                        + " it to $" + next.dollars().toPlainString();
            }
            spend = next;
        }
        return null;
    }

    private SpendEstimate spend() {
        if (spend == null || clock.millis() - spendAt > ESTIMATE_TTL.toMillis()) {
            long fallback = Math.round(WorkEstimate.typical().seconds(Map.of()) * 1000);
            spend = SpendEstimate.of(ledger.all(runId), cost, fallback);
            spendAt = clock.millis();
        }
        return spend;
    }

}
