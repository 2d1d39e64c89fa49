package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.sdxlbatch.cost.Billing;
import io.sdxlbatch.cost.JobBill;
import io.sdxlbatch.cost.JobTiming;
import io.sdxlbatch.cost.WorkerProjection;
import io.sdxlbatch.cost.WorkerSession;

/**
 * Suggestions that follow from a run's own figures. Each has a threshold that the figures must pass and states the
 * figure; a run that gives no reason to change anything gets no hint.
 */
final class TuningHints {

    /** Cold start share of billed time above which an active worker or FlashBoot is worth a look. */
    static final double COLD_SHARE = 0.20;
    /** Idle gaps up to this long are worth bridging with a longer idle timeout. */
    static final long BRIDGEABLE_GAP_MS = 60_000;
    static final double FAILED_SHARE = 0.05;
    /** A longer night than the projection with more workers by at least this share. */
    static final double WORKER_SAVING = 0.15;
    /** An execution timeout this many times the longest job is worth tightening: a stuck worker bills all of it. */
    static final int TIMEOUT_HEADROOM = 30;

    private TuningHints() {
    }

    /** What the hints look at. {@code executionTimeout}: the policy sent, Runpod's 10 min when none was. */
    record Inputs(Billing billing, List<JobTiming> timings, Distribution execution, Duration executionTimeout,
                  List<FailureGroup> failures, int ranJobs, long wallMs) {
    }

    static List<Hint> of(Inputs in) {
        List<Hint> hints = new ArrayList<>();
        coldStarts(in.billing()).ifPresent(hints::add);
        idleGaps(in.billing()).ifPresent(hints::add);
        moreWorkers(in).ifPresent(hints::add);
        executionTimeout(in).ifPresent(hints::add);
        failures(in).ifPresent(hints::add);
        return hints;
    }

    static Optional<Hint> coldStarts(Billing b) {
        double share = b.share(b.coldStartMs());
        if (b.coldStarts() == 0 || share < COLD_SHARE) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Figures.percent(share) + " of billed time was cold start: consider an"
                + " active worker (always on, billed at a discount) or check that FlashBoot is on.",
                b.coldStarts() + " cold starts, " + Figures.duration(b.coldStartMs()) + " of "
                        + Figures.duration(b.billedMs()) + " billed, " + Figures.usd(b.coldStartCost())
                        + " (estimated)"));
    }

    /**
     * A worker that stopped and booted again after a short gap paid idle timeout + cold start for that gap; an idle
     * timeout as long as the gap would have billed only the gap, at the price of a longer idle tail at the end of
     * every session it does not bridge.
     */
    static Optional<Hint> idleGaps(Billing b) {
        List<WorkerSession> sessions = b.sessions().stream()
                .sorted(Comparator.comparing(WorkerSession::workerId).thenComparingLong(WorkerSession::bootAt))
                .toList();
        long longestGap = 0;
        long savedMs = 0;
        int restarts = 0;
        for (int i = 0; i < sessions.size(); i++) {
            WorkerSession s = sessions.get(i);
            boolean last = i + 1 == sessions.size() || !sessions.get(i + 1).workerId().equals(s.workerId());
            if (last) {
                continue;
            }
            WorkerSession next = sessions.get(i + 1);
            long gap = next.firstStartAt() - s.lastEndAt() - next.coldStartMs();
            if (next.coldStartMs() > 0 && gap <= BRIDGEABLE_GAP_MS) {
                restarts++;
                longestGap = Math.max(longestGap, gap);
                savedMs += b.idleTimeoutMs() + next.coldStartMs() - gap;
            }
        }
        long suggested = (longestGap + 999) / 1000;
        long longerTails = (sessions.size() - restarts) * Math.max(0, suggested * 1000 - b.idleTimeoutMs());
        if (restarts < 2 || savedMs - longerTails <= 0 || b.share(savedMs - longerTails) < 0.05) {
            return Optional.empty();
        }
        return Optional.of(new Hint("Workers stopped and cold-started again " + restarts + " times after"
                + " short idle gaps: an idle timeout of " + suggested + " s would have saved about "
                + Figures.usd(b.cost(savedMs - longerTails)) + ".",
                restarts + " restarts after gaps up to " + Figures.duration(longestGap) + " with an idle timeout of "
                        + Figures.duration(b.idleTimeoutMs()) + "; " + Figures.usd(b.cost(savedMs))
                        + " of cold start and idle saved, " + Figures.usd(b.cost(longerTails))
                        + " of longer idle tails paid"));
    }

    static Optional<Hint> moreWorkers(Inputs in) {
        Billing b = in.billing();
        int workers = peakWorkers(b.sessions());
        List<Long> waits = b.jobs().stream().map(j -> j.startedAt() - j.submittedAt() - j.coldStartMs()).toList();
        Long p95Wait = Distribution.of(waits).p(95);
        Long p50Execution = in.execution().p(50);
        if (workers == 0 || p95Wait == null || p50Execution == null || p95Wait < Math.max(10_000, p50Execution)) {
            return Optional.empty();
        }
        Long coldP50 = Distribution.of(b.jobs().stream().filter(JobBill::coldStart).map(JobBill::coldStartMs)
                .toList()).p(50);
        long cold = coldP50 == null ? 0 : coldP50;
        WorkerProjection.Projection now = WorkerProjection.project(in.timings(), workers, cold, b.idleTimeoutMs());
        List<WorkerProjection.Projection> more = new ArrayList<>();
        for (int w = workers + 1; w <= Math.min(2 * workers + 2, workers + 8); w++) {
            more.add(WorkerProjection.project(in.timings(), w, cold, b.idleTimeoutMs()));
        }
        long best = more.stream().mapToLong(WorkerProjection.Projection::makespanMs).min().orElse(now.makespanMs());
        WorkerProjection.Projection pick = more.stream().filter(p -> p.makespanMs() <= best * 1.1).findFirst()
                .orElse(now);
        if (now.makespanMs() == 0 || pick.makespanMs() > now.makespanMs() * (1 - WORKER_SAVING)) {
            return Optional.empty();
        }
        // the model's saving, applied to the night as it was measured (first submission to last result here)
        long night = in.wallMs();
        long projected = Math.round(night - night * (1 - (double) pick.makespanMs() / now.makespanMs()));
        BigDecimal extra = b.cost(pick.billedMs() - now.billedMs());
        return Optional.of(new Hint("Raising max workers from " + workers + " to " + pick.workers()
                + " would cut the night from " + Figures.duration(night) + " to about " + Figures.duration(projected)
                + (extra.signum() > 0 ? ", for about " + Figures.usd(extra) + " more cold start and idle." : "."),
                "p95 queue wait " + Figures.duration(p95Wait) + " (cold starts left out) with at most " + workers
                        + " workers up at once, against a p50 execution of " + Figures.duration(p50Execution)
                        + "; queue model of this run's jobs with " + pick.workers() + " workers"));
    }

    /** The most workers up at the same time: the endpoint's max workers as this run saw it. */
    static int peakWorkers(List<WorkerSession> sessions) {
        List<long[]> events = new ArrayList<>();
        sessions.forEach(s -> {
            events.add(new long[] {s.bootAt(), 1});
            events.add(new long[] {s.stoppedAt(), -1});
        });
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int up = 0;
        int peak = 0;
        for (long[] e : events) {
            up += (int) e[1];
            peak = Math.max(peak, up);
        }
        return peak;
    }

    static Optional<Hint> executionTimeout(Inputs in) {
        Long longest = in.execution().isEmpty() ? null : in.execution().sorted().get(in.execution().sorted().size() - 1);
        long timeout = in.executionTimeout().toMillis();
        if (longest == null || timeout < 60_000 || timeout < TIMEOUT_HEADROOM * longest) {
            return Optional.empty();
        }
        long suggested = Math.max(30_000, ((3 * longest + 9_999) / 10_000) * 10_000);
        Billing b = in.billing();
        return Optional.of(new Hint("Set --execution-timeout " + suggested / 1000 + "s: a stuck worker"
                + " would then bill at most " + Figures.usd(b.cost(suggested)) + " per job instead of "
                + Figures.usd(b.cost(timeout)) + ".",
                "the longest execution was " + Figures.duration(longest) + " (p99 " + Figures.duration(
                        in.execution().p(99)) + ") but jobs may run " + Figures.duration(timeout)
                        + " before Runpod stops them"));
    }

    static Optional<Hint> failures(Inputs in) {
        int failed = in.failures().stream().filter(f -> aboutTheWorker(f.status())).mapToInt(f -> f.lines().size())
                .sum();
        if (in.ranJobs() == 0 || failed < (double) in.ranJobs() * FAILED_SHARE || failed == 0) {
            return Optional.empty();
        }
        FailureGroup top = in.failures().stream().filter(f -> !f.status().equals("REJECTED")
                        && !f.status().equals("CANCELLED"))
                .max(Comparator.comparingInt(f -> f.lines().size())).orElseThrow();
        return Optional.of(new Hint(failed + " of " + in.ranJobs() + " jobs ("
                + Figures.percent((double) failed / in.ranJobs()) + ") did not produce images: look at the worker"
                + " before the next night.",
                "most often " + top.status() + ": " + top.reason() + " (" + top.lines().size() + " rows)"));
    }

    /**
     * Failures that count against the worker: not rejected rows (never sent), not expired results (our harvesting
     * was late) and not jobs we cancelled ourselves.
     */
    private static boolean aboutTheWorker(String status) {
        return !status.equals("EXPIRED") && !status.equals("REJECTED") && !status.equals("CANCELLED");
    }
}
