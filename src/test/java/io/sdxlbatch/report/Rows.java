package io.sdxlbatch.report;

import java.util.Map;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.RequestCodec;
import io.sdxlbatch.runpod.JobPolicy;

/** Hand-made ledger rows for report tests. */
final class Rows {

    static final String RUN = "night-1";

    private Rows() {
    }

    /** A completed row: submitted at {@code submitted} (ms), harvested at {@code harvested}. */
    static LedgerEntry done(int line, String worker, long submitted, long delay, long execution, long harvested) {
        return new LedgerEntry(RUN, line, "p" + line, request(null), "{}", LedgerState.DONE,
                "job-" + line, "COMPLETED", 1, 0, false, submitted, harvested, harvested, delay, execution, worker,
                42L, 1, "images/p" + line + ".png", null);
    }

    static LedgerEntry failed(int line, String worker, long submitted, long delay, long execution, String error) {
        return new LedgerEntry(RUN, line, "p" + line, request(null), "{}", LedgerState.FAILED, "job-" + line,
                "FAILED", 1, 1, false, submitted, submitted + delay + execution, submitted + delay + execution, delay,
                execution, worker, null, null, null, error);
    }

    static LedgerEntry withPolicy(LedgerEntry e, JobPolicy policy) {
        return new LedgerEntry(e.runId(), e.line(), e.promptId(), request(policy), e.cellsJson(), e.state(),
                e.jobId(), e.remoteStatus(), e.attempts(), e.retries(), e.possibleDuplicate(), e.submittedAt(),
                e.completedAt(), e.harvestedAt(), e.delayMs(), e.executionMs(), e.workerId(), e.seed(),
                e.imageCount(), e.images(), e.error());
    }

    private static String request(JobPolicy policy) {
        return RequestCodec.encode(Map.of("prompt", "a fox", "width", 512, "height", 512), policy);
    }
}
