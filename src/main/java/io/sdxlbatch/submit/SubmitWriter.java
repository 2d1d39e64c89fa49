package io.sdxlbatch.submit;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.stop.SubmissionLimits;
import io.sdxlbatch.runpod.Backoff;
import io.sdxlbatch.runpod.RunpodException;
import io.sdxlbatch.time.Sleeper;

/**
 * Submits a chunk of rows, one POST each, waiting for room in flight first. Safe to re-run on a chunk rollback:
 * {@link JobSubmitter} skips every row whose job id is already stored.
 */
final class SubmitWriter implements ItemWriter<LedgerEntry> {

    private static final Logger log = LoggerFactory.getLogger(SubmitWriter.class);
    private static final int MAX_BREAKER_WAITS = 10;

    private final JobSubmitter submitter;
    private final InFlightGate gate;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final Sleeper sleeper;
    private final Backoff backoff;
    /** Grows while sends fail in a row, so an unreachable endpoint is not raced through row by row. */
    private Duration pause = FIRST_PAUSE;

    private final SubmissionLimits limits;

    SubmitWriter(JobSubmitter submitter, InFlightGate gate, SubmissionLimits limits, Sleeper sleeper,
                 Backoff backoff) {
        this.submitter = submitter;
        this.gate = gate;
        this.limits = limits;
        this.sleeper = sleeper;
        this.backoff = backoff;
    }

    @Override
    public void write(Chunk<? extends LedgerEntry> chunk) throws InterruptedException {
        for (LedgerEntry row : chunk) {
            gate.awaitCapacity();
            // asked after the wait: a deadline may pass, or a signal arrive, while the gate holds us back
            if (!limits.allows(row)) {
                return;
            }
            submitThroughBreaker(row);
        }
    }

    /** An open breaker pauses submission rather than failing the run; it gives up after a few long pauses. */
    private void submitThroughBreaker(LedgerEntry row) throws InterruptedException {
        for (int waits = 0; ; waits++) {
            try {
                JobSubmitter.Outcome outcome = submitter.submit(row);
                if (outcome == JobSubmitter.Outcome.WITHDRAWN) {
                    return;
                }
                if (outcome == JobSubmitter.Outcome.AMBIGUOUS || outcome == JobSubmitter.Outcome.NOT_SENT) {
                    log.warn("line {}: not confirmed by Runpod ({}); trying it again later, pausing {} ms",
                            row.line(), outcome, pause.toMillis());
                    backoff.holdFor(pause);
                    sleeper.sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                } else {
                    pause = FIRST_PAUSE;
                }
                return;
            } catch (RunpodException.CircuitOpen e) {
                if (waits >= MAX_BREAKER_WAITS) {
                    throw e;
                }
                Duration pause = e.retryAfter().orElse(Duration.ofSeconds(30));
                log.warn("Runpod endpoint failing repeatedly; pausing submission for {} s", pause.toSeconds());
                backoff.holdFor(pause);
                sleeper.sleep(pause);
                // a signal or a limit may have come during the pause: the row then stays pending
                if (!limits.allows(row)) {
                    return;
                }
            }
        }
    }
}
