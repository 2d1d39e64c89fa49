package io.sdxlbatch.harvest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sdxlbatch.ledger.LedgerEntry;

/**
 * Decides which in-flight jobs are worth a /status call now. Runpod's queue is FIFO, so only running jobs and the
 * head of the queue can have changed: those are polled every {@code interval}; jobs deeper in the queue back off
 * exponentially up to {@code maxQueuedInterval}. Thread-safe: the harvester's poll threads report answers.
 */
final class PollPlanner {

    private record Plan(long nextAt, int quietPolls) {
    }

    private final Duration interval;
    private final Duration maxQueuedInterval;
    private final int queueHead;
    private final Map<Integer, Plan> plans = new java.util.concurrent.ConcurrentHashMap<>();

    PollPlanner(Duration interval, Duration maxQueuedInterval, int queueHead) {
        this.interval = interval;
        this.maxQueuedInterval = maxQueuedInterval;
        this.queueHead = queueHead;
    }

    /** Forgets jobs that left flight and schedules new ones one interval after their submission. */
    void track(List<LedgerEntry> inFlight, long now) {
        Set<Integer> lines = new HashSet<>();
        for (LedgerEntry row : inFlight) {
            lines.add(row.line());
            long submitted = row.submittedAt() == null ? now : row.submittedAt();
            plans.putIfAbsent(row.line(), new Plan(Math.min(now, submitted) + interval.toMillis(), 0));
        }
        plans.keySet().retainAll(lines);
    }

    /** The rows to poll now, in file order. */
    List<LedgerEntry> due(List<LedgerEntry> inFlight, long now) {
        List<LedgerEntry> due = new ArrayList<>();
        for (LedgerEntry row : inFlight) {
            Plan plan = plans.get(row.line());
            if (plan != null && plan.nextAt() <= now) {
                due.add(row);
            }
        }
        due.sort(Comparator.comparing(LedgerEntry::line));
        return due;
    }

    /**
     * Schedules the next poll after an answer. {@code queuePosition} is the job's rank among jobs last seen
     * IN_QUEUE (0 = oldest), or -1 when it is running or its state is unknown.
     */
    void answered(int line, long now, int queuePosition) {
        Plan old = plans.getOrDefault(line, new Plan(now, 0));
        if (queuePosition < 0 || queuePosition < queueHead) {
            plans.put(line, new Plan(now + interval.toMillis(), 0));
            return;
        }
        int quiet = old.quietPolls() + 1;
        long backoff = Math.min(maxQueuedInterval.toMillis(), interval.toMillis() << Math.min(quiet, 20));
        plans.put(line, new Plan(now + backoff, quiet));
    }

    /** Polls the job again after {@code delay}, e.g. after a 429 or a transient failure. */
    void later(int line, long now, Duration delay) {
        Plan old = plans.getOrDefault(line, new Plan(now, 0));
        plans.put(line, new Plan(now + delay.toMillis(), old.quietPolls()));
    }

    /** When the next poll is due, or null if nothing is tracked. */
    Long nextDue() {
        return plans.values().stream().map(Plan::nextAt).min(Long::compare).orElse(null);
    }
}
