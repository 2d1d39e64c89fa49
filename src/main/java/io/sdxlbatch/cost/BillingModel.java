package io.sdxlbatch.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds each worker's billed time from Runpod's per-job figures. Runpod reports no boots and no idle time, so
 * both are inferred:
 * <ul>
 * <li>A job wakes its worker (a cold start) when it is the first job seen on that worker id, or when the worker had
 * been without work for longer than the idle timeout, which stops a worker. Its cold start is the part of its wait
 * that the worker can have spent booting: from when the job was accepted (or the worker last stopped, if later) to
 * when it started. Under {@link #MIN_COLD_START_MS} the worker was up already (an active worker, or FlashBoot
 * resuming at once) and no cold start is counted. Over {@link #MAX_COLD_START_MS} the wait was mostly queue (a
 * worker that joined a deep queue took a job that had waited long before it booted), and that much is counted.</li>
 * <li>After its last job a worker idles for the idle timeout and is billed for it; a shorter gap between two jobs is
 * billed idle time too.</li>
 * <li>A job without a worker id cannot be placed on a worker: it counts a cold start only when its wait is far above
 * the run's median wait (twice, and 10 s more), for the excess.</li>
 * </ul>
 */
public final class BillingModel {

    static final long MIN_COLD_START_MS = 1_000;
    /** Runpod's SDXL cold starts take 10-45 s; a boot is never taken to be longer than this. */
    static final long MAX_COLD_START_MS = 60_000;
    static final long OUTLIER_EXTRA_MS = 10_000;

    private BillingModel() {
    }

    public static Billing bill(List<JobTiming> timings, BigDecimal perSecond, long idleTimeoutMs) {
        Map<String, List<JobTiming>> byWorker = new LinkedHashMap<>();
        List<JobTiming> unplaced = new ArrayList<>();
        timings.stream().sorted(Comparator.comparingLong(JobTiming::startedAt).thenComparingInt(JobTiming::line))
                .forEach(t -> {
                    if (t.workerId() == null || t.workerId().isBlank()) {
                        unplaced.add(t);
                    } else {
                        byWorker.computeIfAbsent(t.workerId(), k -> new ArrayList<>()).add(t);
                    }
                });
        Tally tally = new Tally(perSecond);
        byWorker.forEach((worker, jobs) -> sessions(worker, jobs, idleTimeoutMs, tally));
        long medianDelay = medianDelay(timings);
        for (JobTiming t : unplaced) {
            long excess = t.delayMs() - medianDelay;
            boolean cold = t.delayMs() >= 2 * medianDelay && excess >= OUTLIER_EXTRA_MS;
            tally.job(t, cold, cold ? Math.min(excess, MAX_COLD_START_MS) : 0);
        }
        tally.bills.sort(Comparator.comparingInt(JobBill::line));
        return new Billing(tally.bills, tally.sessions, perSecond, idleTimeoutMs, tally.executionMs,
                tally.coldStartMs, tally.idleMs);
    }

    /** One worker's jobs in start order, cut into sessions where the worker must have stopped. */
    private static void sessions(String worker, List<JobTiming> jobs, long idleTimeoutMs, Tally tally) {
        Open open = null;
        long lastStop = Long.MIN_VALUE;
        for (JobTiming job : jobs) {
            if (open != null && job.startedAt() - open.lastEnd > idleTimeoutMs) {
                lastStop = tally.close(open, idleTimeoutMs);
                open = null;
            }
            if (open == null) {
                long earliestBoot = Math.max(job.submittedAt(), lastStop);
                long cold = Math.min(MAX_COLD_START_MS, Math.max(0, job.startedAt() - earliestBoot));
                boolean coldStart = cold >= MIN_COLD_START_MS;
                long coldMs = coldStart ? cold : 0;
                open = new Open(worker, job.startedAt() - coldMs, job.startedAt(), coldMs);
                tally.job(job, coldStart, coldMs);
            } else {
                open.idleMs += Math.max(0, job.startedAt() - open.lastEnd);
                tally.job(job, false, 0);
            }
            open.jobs++;
            open.executionMs += job.executionMs();
            open.lastEnd = Math.max(open.lastEnd, job.endedAt());
        }
        if (open != null) {
            tally.close(open, idleTimeoutMs);
        }
    }

    private static long medianDelay(List<JobTiming> timings) {
        List<Long> delays = timings.stream().map(JobTiming::delayMs).sorted().toList();
        return delays.isEmpty() ? 0 : delays.get((delays.size() - 1) / 2);
    }

    /** A session being built. */
    private static final class Open {
        final String worker;
        final long bootAt;
        final long firstStart;
        final long coldMs;
        long lastEnd;
        long executionMs;
        long idleMs;
        int jobs;

        Open(String worker, long bootAt, long firstStart, long coldMs) {
            this.worker = worker;
            this.bootAt = bootAt;
            this.firstStart = firstStart;
            this.coldMs = coldMs;
            this.lastEnd = firstStart;
        }
    }

    /** Running totals. */
    private static final class Tally {
        final BigDecimal perSecond;
        final List<JobBill> bills = new ArrayList<>();
        final List<WorkerSession> sessions = new ArrayList<>();
        long executionMs;
        long coldStartMs;
        long idleMs;

        Tally(BigDecimal perSecond) {
            this.perSecond = perSecond;
        }

        void job(JobTiming t, boolean coldStart, long coldMs) {
            executionMs += t.executionMs();
            coldStartMs += coldMs;
            BigDecimal cost = Billing.costOf(perSecond, t.executionMs() + coldMs);
            bills.add(new JobBill(t.line(), t.workerId(), t.submittedAt(), t.startedAt(), t.endedAt(), coldStart,
                    coldMs, cost));
        }

        /** The worker idles one idle timeout after its last job, billed, then stops. Returns when it stopped. */
        long close(Open open, long idleTimeoutMs) {
            long stoppedAt = open.lastEnd + idleTimeoutMs;
            long idle = open.idleMs + idleTimeoutMs;
            idleMs += idle;
            sessions.add(new WorkerSession(open.worker, open.bootAt, open.firstStart, open.lastEnd, stoppedAt,
                    open.jobs, open.coldMs, open.executionMs, idle));
            return stoppedAt;
        }
    }
}
