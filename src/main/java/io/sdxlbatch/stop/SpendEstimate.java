package io.sdxlbatch.stop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import io.sdxlbatch.cost.Billing;
import io.sdxlbatch.cost.BillingModel;
import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.cost.JobTiming;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;

/**
 * What a run has spent, or committed to spend, so far: the execution Runpod reported for the jobs that ran, the
 * expected execution of those sent and not yet run, then cold start and idle in the proportion the billing model
 * finds in the finished jobs (none before the first). Expected execution is this run's median, or {@code
 * fallbackMs} before any job finished. An estimate, and said to be one.
 */
record SpendEstimate(BigDecimal dollars, long expectedJobMs, double overhead) {

    static SpendEstimate of(List<LedgerEntry> rows, CostSettings cost, long fallbackMs) {
        List<Long> executions = rows.stream().map(LedgerEntry::executionMs).filter(Objects::nonNull).sorted()
                .toList();
        long expected = executions.isEmpty() ? fallbackMs : executions.get((executions.size() - 1) / 2);
        long known = executions.stream().mapToLong(Long::longValue).sum();
        long pending = rows.stream().filter(r -> r.executionMs() == null && inFlight(r.state())).count();
        List<JobTiming> timings = rows.stream().filter(r -> r.submittedAt() != null && r.delayMs() != null
                && r.executionMs() != null).map(r -> new JobTiming(r.line(), r.workerId(), r.submittedAt(),
                r.delayMs(), r.executionMs())).toList();
        Billing billing = BillingModel.bill(timings, cost.price().perSecond(), cost.idleTimeout().toMillis());
        double overhead = billing.executionMs() == 0 ? 1 : (double) billing.billedMs() / billing.executionMs();
        return new SpendEstimate(costOf(known + pending * expected, overhead, cost), expected, overhead);
    }

    /** The estimate once one more job of the expected length is sent. */
    SpendEstimate plusOneJob(CostSettings cost) {
        return new SpendEstimate(dollars.add(costOf(expectedJobMs, overhead, cost)), expectedJobMs, overhead);
    }

    /** Sent and not answered: these will run. A refused, cancelled or expired row without a time will not. */
    private static boolean inFlight(LedgerState state) {
        return state == LedgerState.SENDING || state == LedgerState.QUEUED;
    }

    private static BigDecimal costOf(long executionMs, double overhead, CostSettings cost) {
        return cost.price().perSecond().multiply(BigDecimal.valueOf(executionMs * overhead / 1000.0))
                .setScale(6, RoundingMode.HALF_UP);
    }
}
