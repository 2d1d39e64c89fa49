package io.sdxlbatch.cost;

import java.util.Comparator;
import java.util.List;

/**
 * What-if model of an endpoint with a given number of workers: the run's jobs arrive when they were submitted and
 * take as long as they took; each goes to the worker that can start it first, a stopped worker paying a cold start.
 * Runpod's scaler is not public, so this is a model: compare two projections with each other, never a projection
 * with a measurement.
 */
public final class WorkerProjection {

    private WorkerProjection() {
    }

    /** Projected night: first submission to last end, and worker time billed (cold + execution + idle). */
    public record Projection(int workers, long makespanMs, long billedMs, int coldStarts) {
    }

    public static Projection project(List<JobTiming> jobs, int workers, long coldStartMs, long idleTimeoutMs) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker, was " + workers);
        }
        List<JobTiming> arrivals = jobs.stream().sorted(Comparator.comparingLong(JobTiming::submittedAt)
                .thenComparingInt(JobTiming::line)).toList();
        if (arrivals.isEmpty()) {
            return new Projection(workers, 0, 0, 0);
        }
        long[] freeAt = new long[workers];
        long[] bootAt = new long[workers];
        boolean[] up = new boolean[workers];
        long billed = 0;
        int colds = 0;
        long lastEnd = Long.MIN_VALUE;
        for (JobTiming job : arrivals) {
            int best = -1;
            long bestStart = Long.MAX_VALUE;
            for (int w = 0; w < workers; w++) {
                long start = startOn(up[w], freeAt[w], job.submittedAt(), coldStartMs, idleTimeoutMs);
                if (start < bestStart) {
                    bestStart = start;
                    best = w;
                }
            }
            boolean warm = up[best] && job.submittedAt() <= freeAt[best] + idleTimeoutMs;
            if (!warm) {
                if (up[best]) {
                    billed += freeAt[best] + idleTimeoutMs - bootAt[best];
                }
                bootAt[best] = bestStart - coldStartMs;
                colds++;
                up[best] = true;
            }
            freeAt[best] = bestStart + job.executionMs();
            lastEnd = Math.max(lastEnd, freeAt[best]);
        }
        for (int w = 0; w < workers; w++) {
            if (up[w]) {
                billed += freeAt[w] + idleTimeoutMs - bootAt[w];
            }
        }
        return new Projection(workers, lastEnd - arrivals.get(0).submittedAt(), billed, colds);
    }

    /** A worker still warm when the job can start takes it at once; a stopped one boots when the job arrives. */
    private static long startOn(boolean up, long freeAt, long arrival, long coldStartMs, long idleTimeoutMs) {
        long ready = Math.max(arrival, freeAt);
        if (up && ready <= freeAt + idleTimeoutMs) {
            return ready;
        }
        return Math.max(arrival, up ? freeAt + idleTimeoutMs : arrival) + coldStartMs;
    }
}
