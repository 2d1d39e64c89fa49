package io.sdxlbatch.runpod;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long calls to the endpoint are being held back right now because it refused or failed them (a 429's
 * Retry-After, a retry's back-off, an open circuit breaker): for the progress display, which has no other way to
 * see a wait happening on another thread. Kept as a deadline rather than a flag, so a wait that ends, or is cut
 * short, needs no "clear" that a concurrent wait could race with. Thread-safe.
 */
public final class Backoff {

    private final Clock clock;
    private final AtomicLong until = new AtomicLong();

    public Backoff(Clock clock) {
        this.clock = clock;
    }

    /** Records a wait that starts now; overlapping waits keep the one that ends last. */
    public void holdFor(Duration wait) {
        long end = clock.millis() + Math.max(0, wait.toMillis());
        until.accumulateAndGet(end, Math::max);
    }

    /** Time left of the longest wait in progress; zero when nothing is held back. */
    public Duration remaining() {
        return Duration.ofMillis(Math.max(0, until.get() - clock.millis()));
    }
}
