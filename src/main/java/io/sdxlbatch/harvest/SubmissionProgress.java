package io.sdxlbatch.harvest;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the harvester, which runs beside the submit step, that submission has ended (finished or failed) so it
 * can stop once nothing is left in flight. Thread-safe.
 */
public final class SubmissionProgress {

    private final AtomicBoolean ended = new AtomicBoolean();

    /** At the start of every job execution: a restart in the same JVM must not see the last one's end. */
    public void reset() {
        ended.set(false);
    }

    public void ended() {
        ended.set(true);
    }

    public boolean hasEnded() {
        return ended.get();
    }
}
