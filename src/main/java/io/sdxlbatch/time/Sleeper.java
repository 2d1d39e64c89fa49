package io.sdxlbatch.time;

import java.time.Duration;

/**
 * Waits for a duration. Injected wherever code must pause (retry back-off, poll intervals) so tests can record
 * the waits instead of spending them; {@link #system()} is the only implementation that really sleeps.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper; thread-safe. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
            }
        };
    }
}
