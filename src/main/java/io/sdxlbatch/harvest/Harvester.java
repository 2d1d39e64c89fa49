package io.sdxlbatch.harvest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sdxlbatch.images.ImagePublisher;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.runpod.JobState;
import io.sdxlbatch.runpod.JobStatus;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runpod.RunpodException;

/**
 * Drives every in-flight job of a run to a final state, one pass at a time: reads the endpoint's queue counts
 * (/health), polls the jobs the {@link PollPlanner} says can have changed, in parallel, and hands each answer to
 * the {@link ResultHandler}, which persists it at once.
 * One thread calls {@link #pass()}; status calls run on a small pool of its own.
 */
public final class Harvester implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Harvester.class);

    private final Ledger ledger;
    private final String runId;
    private final RunpodClient client;
    private final ResultHandler handler;
    private final ImagePublisher publisher;
    private final PollPlanner planner;
    private final Clock clock;
    private final ExecutorService pool;
    /** One thread, apart from the poll threads: copying and forcing images to disk must not slow the reading. */
    private final ExecutorService publishing;
    private long pausedUntil;
    /** Whether /health last counted jobs that are not this run's. */
    private boolean shared;

    Harvester(Ledger ledger, String runId, RunpodClient client, ResultHandler handler, ImagePublisher publisher,
              HarvestSettings settings, Clock clock) {
        this.publisher = publisher;
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
        this.publishing = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "harvest-publish");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls what is due; returns how many jobs are still in flight afterwards. */
    public int pass() throws InterruptedException {
        long now = clock.millis();
        int sending = ledger.countInState(runId, LedgerState.SENDING);
        List<LedgerEntry> inFlight = ledger.inState(runId, LedgerState.QUEUED);
        planner.track(inFlight, now);
        if (now >= pausedUntil && !inFlight.isEmpty()) {
            QueueSighting sighting = sight();
            // jobs sent while /health was asked are counted by the endpoint but were not in flight when we looked:
            // counted as on the way, or every burst of submission would look like someone else's jobs
            int onTheWay = Math.max(sending, ledger.countInState(runId, LedgerState.SENDING)
                    + ledger.countInState(runId, LedgerState.QUEUED) - inFlight.size());
            PollPlanner.Round round = planner.round(inFlight, sighting, onTheWay, clock.millis());
            noteSharing(sighting, round);
            List<LedgerEntry> batch = round.first();
            while (!batch.isEmpty()) {
                List<Future<Outcome>> polls = new ArrayList<>();
                for (LedgerEntry row : batch) {
                    polls.add(pool.submit(() -> poll(row, round)));
                }
                List<Outcome> outcomes = await(polls);
                batch = round.next((int) outcomes.stream().filter(o -> o == Outcome.FINISHED).count(),
                        outcomes.contains(Outcome.CALL_FAILED));
            }
        }
        return ledger.countInState(runId, LedgerState.QUEUED);
    }

    /** The endpoint's queue counts, or null when /health cannot be read (then every job keeps its own schedule). */
    private QueueSighting sight() {
        long askedAt = clock.millis();
        try {
            return QueueSighting.of(client.health(), askedAt);
        } catch (RunpodException e) {
            if (e.refusesEveryRequest()) {
                throw e;
            }
            log.debug("/health unreadable ({}); polling each job on its own schedule this pass", e.getMessage());
            return null;
        }
    }

    /** Says once when the endpoint turns out shared, and once when its counts can guide the polls again. */
    private void noteSharing(QueueSighting sighting, PollPlanner.Round round) {
        if (sighting == null) {
            return;
        }
        if (!round.guided() && !shared) {
            log.info("the endpoint's queue holds jobs that are not this run's ({} queued, {} running): polling each"
                    + " job on its own schedule while it does", sighting.inQueue(), sighting.inProgress());
        } else if (round.guided() && shared) {
            log.info("the endpoint's queue holds only this run's jobs again: polling only jobs that finished");
        }
        shared = !round.guided();
    }

    /** How long until the next poll is due (for the caller's sleep). */
    public Duration untilNextDue() {
        Long next = planner.nextDue();
        long at = Math.max(next == null ? clock.millis() : next, pausedUntil);
        return Duration.ofMillis(Math.max(0, at - clock.millis()));
    }

    /** Whether rows still wait to be sent (PENDING, or SENDING with no answer stored). */
    public boolean hasUnsentRows() {
        return ledger.countInState(runId, LedgerState.PENDING) + ledger.countInState(runId, LedgerState.SENDING) > 0;
    }

    /** What one /status call came to, for the round's count of finished jobs. */
    private enum Outcome { FINISHED, UNFINISHED, CALL_FAILED }

    private Outcome poll(LedgerEntry row, PollPlanner.Round round) {
        JobStatus status;
        try {
            status = client.status(row.jobId());
        } catch (RunpodException.NotFound e) {
            // only a 404 of this status call means the job is gone; one from a later /run is another matter
            handler.expired(row);
            return Outcome.FINISHED;
        } catch (RunpodException e) {
            failed(row, e);
            return Outcome.CALL_FAILED;
        }
        // recorded before handling: the handler's own calls (a /retry) must not be mistaken for this answer's age
        round.answered(row, clock.millis(), status.state());
        try {
            handler.handle(row, status);
        } catch (RunpodException e) {
            failed(row, e);
            return Outcome.CALL_FAILED;
        }
        if (status.state() == JobState.COMPLETED) {
            publishing.execute(() -> publishNow(row.line()));
        }
        return status.state().isFinal() ? Outcome.FINISHED : Outcome.UNFINISHED;
    }

    /**
     * Publishes a row right after it is harvested, on the publishing thread, while the run waits on the endpoint
     * anyway, so that the publish step after the harvest finds only leftovers. Best effort: a row that cannot be published here (disk full, a
     * damaged staged file) stays HARVESTED, and the publish step deals with it and reports it.
     */
    private void publishNow(int line) {
        LedgerEntry harvested = ledger.get(runId, line);
        if (harvested == null || harvested.state() != LedgerState.HARVESTED) {
            return;
        }
        try {
            publisher.publish(harvested);
        } catch (RuntimeException e) {
            log.debug("line {}: not published yet ({}); the publish step tries again", line, e.toString());
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

    private static List<Outcome> await(List<Future<Outcome>> polls) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> poll : polls) {
            try {
                outcomes.add(poll.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return outcomes;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        // the publishes already handed over finish first: the publish step must not find a row half-way through
        publishing.shutdown();
        try {
            if (!publishing.awaitTermination(10, TimeUnit.MINUTES)) {
                publishing.shutdownNow();
            }
        } catch (InterruptedException e) {
            publishing.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
