package io.sdxlbatch.config;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the submit and harvest steps, which run side by side, must know of each other: the harvester stops once
 * submission has ended and nothing is in flight; submission stops as soon as harvesting has ended, because a job
 * sent with nobody left to collect it is paid for and then lost after Runpod's 30-minute retention. Thread-safe.
 */
public final class SplitProgress {

    private final AtomicBoolean submissionEnded = new AtomicBoolean();
    private final AtomicBoolean harvestEnded = new AtomicBoolean();

    /** At the start of every job execution: a restart in the same JVM must not see the last one's end. */
    public void reset() {
        submissionEnded.set(false);
        harvestEnded.set(false);
    }

    public void submissionEnded() {
        submissionEnded.set(true);
    }

    public boolean hasSubmissionEnded() {
        return submissionEnded.get();
    }

    public void harvestEnded() {
        harvestEnded.set(true);
    }

    public boolean hasHarvestEnded() {
        return harvestEnded.get();
    }
}
