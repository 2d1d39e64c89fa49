package io.sdxlbatch.harvest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.runpod.JobState;

/**
 * Decides which in-flight jobs are worth a /status call now.
 * <p>
 * <b>Guided by /health.</b> Runpod serves its queue first in, first out, and GET /health counts the jobs queued
 * and running. When those counts can all be ours (they are no more than our jobs in flight), they tell without a
 * single /status call which of our jobs have started (all but the newest {@code inQueue}) and how many of those
 * have finished and wait to be read (started minus {@code inProgress}). Only that many are polled, oldest start
 * first, and the next oldest when one turns out still running: a result is normally read with one /status call
 * within half an interval of finishing, and no call is spent on a queued job.
 * <p>
 * <b>On its own schedule.</b> When /health fails, or counts jobs that are not ours (the endpoint is shared), the
 * counts prove nothing: running jobs and the head of the queue are polled every interval, deeper queued jobs back
 * off exponentially up to {@code maxQueuedInterval}.
 * <p>
 * A guided run still polls jobs now and then in case the counts mislead (a few foreign jobs hiding among ours, a
 * count that lags): a started job every {@link #STARTED_CHECK}, and the {@code queueHead} oldest jobs believed
 * queued every {@link #QUEUED_CHECK}, both on the endpoint's clock and far inside the 30 minutes Runpod keeps a
 * result. A job believed started that answers IN_QUEUE goes to the back of the order, which lets the next one in.
 * <p>
 * Thread-safe: the harvester's poll threads report answers.
 */
final class PollPlanner {

    static final Duration STARTED_CHECK = Duration.ofMinutes(1);
    static final Duration QUEUED_CHECK = Duration.ofMinutes(10);

    /** What the planner knows of one in-flight job. Guarded by the planner's lock. */
    private static final class Track {
        final String jobId;
        /** When it (last) joined Runpod's queue: first in, first out, so this orders the starts. */
        long queuedAt;
        /** Its last answer, or its submission. */
        long askedAt;
        /** Not before this, whatever the mode: after a 429 or a failed call. */
        long notBefore;
        /** When it was first known or inferred started; -1 while it is believed queued. */
        long startedAt = -1;
        /** The schedule without /health: due time and the number of answers deep in the queue in a row. */
        long ownNextAt;
        int quietPolls;

        Track(String jobId, long queuedAt) {
            this.jobId = jobId;
            this.queuedAt = queuedAt;
        }
    }

    private final Duration interval;
    private final Duration maxQueuedInterval;
    private final int queueHead;
    private final Map<Integer, Track> tracks = new HashMap<>();
    /** When the last guided round began, or null when the last round was not guided. */
    private Long guidedRoundAt;

    PollPlanner(Duration interval, Duration maxQueuedInterval, int queueHead) {
        this.interval = interval;
        this.maxQueuedInterval = maxQueuedInterval;
        this.queueHead = queueHead;
    }

    /** Forgets jobs that left flight or got a new job id, and takes in new ones as just submitted. */
    synchronized void track(List<LedgerEntry> inFlight, long now) {
        Set<Integer> lines = new HashSet<>();
        for (LedgerEntry row : inFlight) {
            lines.add(row.line());
            Track known = tracks.get(row.line());
            if (known == null || !known.jobId.equals(row.jobId())) {
                long submitted = row.submittedAt() == null ? now : Math.min(now, row.submittedAt());
                Track track = new Track(row.jobId(), submitted);
                track.askedAt = submitted;
                track.ownNextAt = submitted + interval.toMillis();
                if ("IN_PROGRESS".equals(row.remoteStatus())) {
                    track.startedAt = now;
                }
                tracks.put(row.line(), track);
            }
        }
        tracks.keySet().retainAll(lines);
    }

    /**
     * Begins one pass over the jobs in flight. {@code sighting} is null when /health could not be read;
     * {@code sending} is the number of rows whose submission may be on the endpoint without our having its id.
     */
    synchronized Round round(List<LedgerEntry> inFlight, QueueSighting sighting, int sending, long now) {
        List<LedgerEntry> ordered = inFlight.stream().filter(row -> tracks.containsKey(row.line()))
                .sorted(Comparator.comparingLong((LedgerEntry row) -> tracks.get(row.line()).queuedAt)
                        .thenComparingInt(LedgerEntry::line))
                .toList();
        boolean guided = sighting != null && isAllOurs(sighting, ordered.size(), sending);
        guidedRoundAt = guided ? now : null;
        return guided ? guidedRound(ordered, sighting, now) : ownScheduleRound(ordered, now);
    }

    /** The counts can all be ours: no more jobs queued and running than we have in flight or on the way. */
    static boolean isAllOurs(QueueSighting sighting, int inFlight, int sending) {
        return sighting.inQueue() + sighting.inProgress() <= (long) inFlight + sending;
    }

    private Round guidedRound(List<LedgerEntry> ordered, QueueSighting sighting, long now) {
        int started = (int) Math.max(0, ordered.size() - sighting.inQueue());
        int owed = (int) Math.max(0, started - sighting.inProgress());
        long startedCheck = onOurClock(STARTED_CHECK, sighting);
        long queuedCheck = onOurClock(QUEUED_CHECK, sighting);
        List<LedgerEntry> candidates = new ArrayList<>();
        List<LedgerEntry> checks = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            LedgerEntry row = ordered.get(i);
            Track track = tracks.get(row.line());
            if (i < started && track.startedAt < 0) {
                track.startedAt = now;
            }
            if (track.notBefore > now) {
                continue;
            }
            boolean isStarted = track.startedAt >= 0;
            // a job answered after /health was asked is known unfinished at that moment: not one of the owed
            if (i < started && track.askedAt < sighting.askedAt()) {
                candidates.add(row);
            }
            long lastLook = isStarted ? Math.max(track.askedAt, track.startedAt) : track.askedAt;
            // of the jobs believed queued only the head is checked: a deeper one cannot have started before it, and
            // checking all of a 1,500-deep queue every 10 minutes cost 4 /status per job on the deep-queue benchmark
            boolean checkable = isStarted || i - started < queueHead;
            if (checkable && now >= lastLook + (isStarted ? startedCheck : queuedCheck)) {
                checks.add(row);
            }
        }
        return new Round(true, candidates, checks, owed, Map.of());
    }

    private static long onOurClock(Duration endpointTime, QueueSighting sighting) {
        return (long) (endpointTime.toMillis() / sighting.timeScale());
    }

    private Round ownScheduleRound(List<LedgerEntry> ordered, long now) {
        Map<Integer, Integer> ranks = new HashMap<>();
        List<LedgerEntry> due = new ArrayList<>();
        for (LedgerEntry row : ordered) {
            Track track = tracks.get(row.line());
            // ranks among the jobs last seen queued: the head of Runpod's queue is what can start soon
            if ("IN_QUEUE".equals(row.remoteStatus())) {
                ranks.put(row.line(), ranks.size());
            }
            if (Math.max(track.ownNextAt, track.notBefore) <= now) {
                due.add(row);
            }
        }
        return new Round(false, List.of(), due, 0, ranks);
    }

    /** Records an answer and schedules the job's next poll on its own schedule. */
    private synchronized void answered(int line, long now, JobState state, Integer queueRank) {
        Track track = tracks.get(line);
        if (track == null) {
            return;
        }
        track.askedAt = now;
        switch (state) {
            case IN_QUEUE -> {
                if (track.startedAt >= 0) {
                    // believed started, yet queued: /retry put it at the back, or the queue is not strictly
                    // first in, first out; either way it now waits behind the jobs sent before this moment
                    track.startedAt = -1;
                    track.queuedAt = now;
                }
            }
            case FAILED, TIMED_OUT -> {
                // if it stays in flight, the harvester has retried it: back of the queue
                track.startedAt = -1;
                track.queuedAt = now;
            }
            case IN_PROGRESS -> track.startedAt = track.startedAt < 0 ? now : track.startedAt;
            default -> {
            }
        }
        boolean deep = state == JobState.IN_QUEUE && queueRank != null && queueRank >= queueHead;
        track.quietPolls = deep ? track.quietPolls + 1 : 0;
        long gap = deep ? Math.min(maxQueuedInterval.toMillis(), interval.toMillis() << Math.min(track.quietPolls, 20))
                : interval.toMillis();
        track.ownNextAt = now + gap;
    }

    /** Polls the job again no sooner than {@code delay} from now, e.g. after a 429 or a transient failure. */
    synchronized void later(int line, long now, Duration delay) {
        Track track = tracks.get(line);
        if (track != null) {
            track.notBefore = now + delay.toMillis();
            track.ownNextAt = Math.max(track.ownNextAt, track.notBefore);
        }
    }

    /** When the next round is worth beginning, or null if nothing is tracked. */
    synchronized Long nextDue() {
        if (tracks.isEmpty()) {
            return null;
        }
        if (guidedRoundAt != null) {
            // one /health call serves every job, so guided rounds can come twice per interval: a result is then
            // read within half an interval of finishing, for two cheap calls a second whatever the run's size
            return guidedRoundAt + interval.toMillis() / 2;
        }
        return tracks.values().stream().map(t -> Math.max(t.ownNextAt, t.notBefore)).min(Long::compare)
                .orElse(null);
    }

    /**
     * One pass: the jobs to poll at once, then, while fewer finished jobs were found than the counts say there
     * are, the next likeliest. Used by one thread; answers may come from any.
     */
    final class Round {

        private final boolean guided;
        private final List<LedgerEntry> candidates;
        private final Map<Integer, Integer> queueRanks;
        private final Set<Integer> handedOut = new HashSet<>();
        private final List<LedgerEntry> first = new ArrayList<>();
        private int owed;

        private Round(boolean guided, List<LedgerEntry> candidates, List<LedgerEntry> checks, int owed,
                      Map<Integer, Integer> queueRanks) {
            this.guided = guided;
            this.candidates = candidates;
            this.owed = owed;
            this.queueRanks = queueRanks;
            // the likeliest finished first; a due check that is among them is not asked twice
            first.addAll(take(owed));
            checks.stream().filter(row -> handedOut.add(row.line())).forEach(first::add);
            first.sort(Comparator.comparingInt(LedgerEntry::line));
        }

        boolean guided() {
            return guided;
        }

        /** How many finished jobs the endpoint's counts say are waiting to be read (0 when not guided). */
        int owed() {
            return owed;
        }

        /** The jobs to poll first, in file order. */
        List<LedgerEntry> first() {
            return first;
        }

        /**
         * The jobs to poll next after a batch that found {@code finished} jobs in a final state; empty when the
         * counts are accounted for, there is nobody left to ask, or a call of the batch failed (not the moment
         * to spend more).
         */
        List<LedgerEntry> next(int finished, boolean callFailed) {
            owed -= finished;
            if (!guided || owed <= 0 || callFailed) {
                return List.of();
            }
            return take(owed);
        }

        void answered(LedgerEntry row, long now, JobState state) {
            PollPlanner.this.answered(row.line(), now, state, queueRanks.get(row.line()));
        }

        private List<LedgerEntry> take(int n) {
            List<LedgerEntry> taken = new ArrayList<>();
            for (LedgerEntry row : candidates) {
                if (taken.size() >= n) {
                    break;
                }
                if (handedOut.add(row.line())) {
                    taken.add(row);
                }
            }
            return taken;
        }
    }
}
