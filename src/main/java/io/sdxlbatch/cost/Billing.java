package io.sdxlbatch.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The estimated bill of a run: Runpod bills every worker per second from start to stop, so billed time is cold
 * start + execution + idle. All of it is an estimate: cold starts are inferred, and idle assumes the endpoint ran
 * only this run's jobs.
 */
public record Billing(List<JobBill> jobs, List<WorkerSession> sessions, BigDecimal perSecond, long idleTimeoutMs,
                      long executionMs, long coldStartMs, long idleMs) {

    public Billing {
        jobs = List.copyOf(jobs);
        sessions = List.copyOf(sessions);
    }

    public long billedMs() {
        return executionMs + coldStartMs + idleMs;
    }

    public int coldStarts() {
        return (int) jobs.stream().filter(JobBill::coldStart).count();
    }

    public BigDecimal executionCost() {
        return cost(executionMs);
    }

    public BigDecimal coldStartCost() {
        return cost(coldStartMs);
    }

    public BigDecimal idleCost() {
        return cost(idleMs);
    }

    public BigDecimal totalCost() {
        return cost(billedMs());
    }

    /** Share of billed time, 0..1 (0 when nothing was billed). */
    public double share(long ms) {
        long billed = billedMs();
        return billed == 0 ? 0 : (double) ms / billed;
    }

    public BigDecimal cost(long ms) {
        return costOf(perSecond, ms);
    }

    /** Dollars for {@code ms} of worker time, to the micro-dollar: per-job figures add up to the totals. */
    static BigDecimal costOf(BigDecimal perSecond, long ms) {
        return perSecond.multiply(BigDecimal.valueOf(ms)).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
    }
}
