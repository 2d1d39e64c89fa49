package io.sdxlbatch.harvest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.runpod.JobState;
import io.sdxlbatch.runpod.JobStatus;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runpod.RunpodException;

/**
 * Drives every in-flight job of a run to a final state, one pass at a time: polls the jobs the planner says can
 * have changed, in parallel, and hands each answer to the {@link ResultHandler}, which persists it at once.
 * One thread calls {@link #pass()}; status calls run on a small pool of its own.
 */
public final class Harvester implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Harvester.class);

    private final Ledger ledger;
    private final String runId;
    private final RunpodClient client;
    private final ResultHandler handler;
    private final PollPlanner planner;
    private final Clock clock;
    private final ExecutorService pool;
    private long pausedUntil;

    Harvester(Ledger ledger, String runId, RunpodClient client, ResultHandler handler, HarvestSettings settings,
              Clock clock) {
        this.ledger = ledger;
        this.runId = runId;
        this.client = client;
        this.handler = handler;
        this.clock = clock;
        this.planner = new PollPlanner(settings.pollInterval(), settings.maxQueuedInterval(), settings.queueHead());
        this.pool = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread t = new Thread(runnable, "harvest-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls what is due; returns how many jobs are still in flight afterwards. */
    public int pass() throws InterruptedException {
        long now = clock.millis();
        List<LedgerEntry> inFlight = ledger.inState(runId, LedgerState.QUEUED);
        planner.track(inFlight, now);
        if (now >= pausedUntil) {
            List<String> queue = queueOrder(inFlight);
            List<Future<?>> polls = new ArrayList<>();
            for (LedgerEntry row : planner.due(inFlight, now)) {
                polls.add(pool.submit(() -> poll(row, queue.indexOf(row.jobId()))));
            }
            await(polls);
        }
        return ledger.countByState(runId).getOrDefault(LedgerState.QUEUED, 0);
    }

    /** How long until the next poll is due (for the caller's sleep). */
    public Duration untilNextDue() {
        Long next = planner.nextDue();
        long at = Math.max(next == null ? clock.millis() : next, pausedUntil);
        return Duration.ofMillis(Math.max(0, at - clock.millis()));
    }

    /** Whether rows still wait to be sent (PENDING, or SENDING with no answer stored). */
    public boolean hasUnsentRows() {
        Map<LedgerState, Integer> counts = ledger.countByState(runId);
        return counts.getOrDefault(LedgerState.PENDING, 0) + counts.getOrDefault(LedgerState.SENDING, 0) > 0;
    }

    private void poll(LedgerEntry row, int queuePosition) {
        JobStatus status;
        try {
            status = client.status(row.jobId());
        } catch (RunpodException.NotFound e) {
            // only a 404 of this status call means the job is gone; one from a later /run is another matter
            handler.expired(row);
            return;
        } catch (RunpodException e) {
            failed(row, e);
            return;
        }
        try {
            JobState state = handler.handle(row, status);
            planner.answered(row.line(), clock.millis(), state == JobState.IN_QUEUE ? queuePosition : -1);
        } catch (RunpodException e) {
            failed(row, e);
        }
    }

    private void failed(LedgerEntry row, RunpodException e) {
        if (e.refusesEveryRequest()) {
            throw e;
        }
        if (e instanceof RunpodException.CircuitOpen) {
            Duration pause = e.retryAfter().orElse(Duration.ofSeconds(30));
            if (pause(pause)) {
                log.warn("Runpod endpoint failing repeatedly; pausing status polls for {} s", pause.toSeconds());
            }
            return;
        }
        log.warn("line {}: {}; polling again later", row.line(), e.getMessage());
        planner.later(row.line(), clock.millis(), e.retryAfter().orElse(Duration.ofSeconds(5)));
    }

    /** Returns true when this starts a new pause (so it is logged once, not once per poll thread). */
    private synchronized boolean pause(Duration pause) {
        client.backoff().holdFor(pause);
        boolean starts = pausedUntil <= clock.millis();
        pausedUntil = Math.max(pausedUntil, clock.millis() + pause.toMillis());
        return starts;
    }

    /** Job ids last seen IN_QUEUE, oldest submission first: Runpod serves its queue in this order. */
    private static List<String> queueOrder(List<LedgerEntry> inFlight) {
        return inFlight.stream()
                .filter(r -> "IN_QUEUE".equals(r.remoteStatus()))
                .sorted((a, b) -> Long.compare(a.submittedAt() == null ? 0 : a.submittedAt(),
                        b.submittedAt() == null ? 0 : b.submittedAt()))
                .map(LedgerEntry::jobId)
                .toList();
    }

    private static void await(List<Future<?>> polls) throws InterruptedException {
        for (Future<?> poll : polls) {
            try {
                poll.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
