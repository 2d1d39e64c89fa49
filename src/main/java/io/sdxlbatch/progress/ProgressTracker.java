package io.sdxlbatch.progress;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.sdxlbatch.ledger.LedgerState;

/**
 * Turns what the ledger holds into {@link ProgressSnapshot}s. Rates and the ETA are measured from the first
 * observation of this process, so a resumed run is judged by what this process achieves, not by an earlier night.
 * Not thread-safe: one reporter thread calls it at a time.
 */
final class ProgressTracker {

    /**
     * Rows that got their answer: images on disk, a final failure, or cancelled. Rejected rows never ran, so they
     * are not.
     */
    static final Set<LedgerState> ANSWERED = EnumSet.of(LedgerState.HARVESTED, LedgerState.DONE, LedgerState.FAILED,
            LedgerState.EXPIRED, LedgerState.NO_OUTPUT, LedgerState.UNDECODABLE, LedgerState.CANCELLED);
    /** Rows still to be answered: the ones the ETA is about. */
    static final Set<LedgerState> UNANSWERED = EnumSet.of(LedgerState.PENDING, LedgerState.SENDING,
            LedgerState.QUEUED);

    private final String runId;
    private final long pid;
    private final Clock clock;
    private long startedAt = -1;
    private int answeredAtStart;
    private int imagesAtStart;

    ProgressTracker(String runId, long pid, Clock clock) {
        this.runId = runId;
        this.pid = pid;
        this.clock = clock;
    }

    /** The snapshot of this moment; the first call sets the baseline that rates are measured from. */
    ProgressSnapshot next(Map<LedgerState, Integer> counts, int imagesOnDisk, String lastError, Duration backoff) {
        long now = clock.millis();
        int answered = sum(counts, ANSWERED);
        if (startedAt < 0) {
            startedAt = now;
            answeredAtStart = answered;
            imagesAtStart = imagesOnDisk;
        }
        long elapsed = now - startedAt;
        Map<String, Integer> byState = new LinkedHashMap<>();
        counts.forEach((state, n) -> byState.put(state.name(), n));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new ProgressSnapshot(runId, pid, clock.instant(), total, byState, imagesOnDisk,
                imagesPerMinute(imagesOnDisk - imagesAtStart, elapsed),
                eta(sum(counts, UNANSWERED), answered - answeredAtStart, elapsed), backoff.toMillis(), lastError, null);
    }

    /** One decimal: what the display shows, and all a person reading progress.json needs. */
    static double imagesPerMinute(int images, long elapsedMs) {
        if (images <= 0 || elapsedMs <= 0) {
            return 0;
        }
        return Math.round(images * 600_000.0 / elapsedMs) / 10.0;
    }

    /**
     * Seconds until every row is answered at the pace observed so far; null while no row has been answered here,
     * since a pace of nothing (cold starts, a deep queue) says nothing about the end.
     */
    static Long eta(int unanswered, int answeredHere, long elapsedMs) {
        if (unanswered == 0) {
            return 0L;
        }
        if (answeredHere <= 0 || elapsedMs <= 0) {
            return null;
        }
        return (long) Math.ceil(unanswered * (double) elapsedMs / answeredHere / 1000.0);
    }

    private static int sum(Map<LedgerState, Integer> counts, Set<LedgerState> states) {
        return states.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
    }
}
