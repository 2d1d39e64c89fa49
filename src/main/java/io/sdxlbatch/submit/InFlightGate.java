package io.sdxlbatch.submit;

import java.time.Duration;

import io.sdxlbatch.config.SplitProgress;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.stop.StopRequest;
import io.sdxlbatch.time.Sleeper;

/**
 * Holds submission back while {@code maxInFlight} jobs are queued or running on Runpod. A bounded queue keeps
 * every result within reach of the harvester long before Runpod's 30-minute retention runs out, and keeps /run
 * clear of the 429s Runpod answers when the queue is deep. Thread-safe.
 */
public final class InFlightGate {

    private static final Duration RECHECK = Duration.ofMillis(100);

    private final Ledger ledger;
    private final String runId;
    private final int maxInFlight;
    private final SplitProgress progress;
    private final StopRequest stop;
    private final Sleeper sleeper;

    public InFlightGate(Ledger ledger, String runId, int maxInFlight, SplitProgress progress, StopRequest stop,
                        Sleeper sleeper) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight must be at least 1, was " + maxInFlight);
        }
        this.ledger = ledger;
        this.runId = runId;
        this.maxInFlight = maxInFlight;
        this.progress = progress;
        this.stop = stop;
        this.sleeper = sleeper;
    }

    /**
     * Returns when one more job may be sent, or submission has been stopped (the caller asks the limits). Throws {@link HarvestStoppedException} once the harvester has ended:
     * no slot would ever free up, and a job sent now would be paid for with nobody to collect it.
     */
    public void awaitCapacity() throws InterruptedException {
        while (true) {
            if (progress.hasHarvestEnded()) {
                throw new HarvestStoppedException();
            }
            if (stop.requested() || ledger.countInState(runId, LedgerState.QUEUED) < maxInFlight) {
                return;
            }
            sleeper.sleep(RECHECK);
        }
    }
}
