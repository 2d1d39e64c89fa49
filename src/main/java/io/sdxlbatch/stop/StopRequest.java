package io.sdxlbatch.stop;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one switch that ends submission early, whoever pulls it: a signal, a guardrail (deadline, image or cost
 * limit) or the failure breaker. The first reason wins and is what the run reports. Thread-safe.
 */
public final class StopRequest {

    /** Why submission stopped; only a signal also bounds the harvest, by the grace period. */
    public enum Kind { SIGNAL, LIMIT, FAILURES }

    /** @param atMillis when it was asked for, on the run's clock */
    public record Stop(Kind kind, String reason, long atMillis) {
    }

    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private final AtomicInteger signals = new AtomicInteger();
    /** Set before {@link #signals} counts the first signal and before the stop: readers never see one without it. */
    private final AtomicReference<Long> signalledAt = new AtomicReference<>();

    /**
     * A signal arrived: stops submission if nothing has yet, and starts the grace period whatever stopped it.
     *
     * @return how many signals have arrived, this one included
     */
    public int signal(String name, long atMillis) {
        signalledAt.compareAndSet(null, atMillis);
        int n = signals.incrementAndGet();
        if (n == 1) {
            request(Kind.SIGNAL, name + " received", atMillis);
        }
        return n;
    }

    /** When the first signal arrived, if one did: the harvest then ends after the grace period. */
    public OptionalLong signalledAt() {
        Long at = signalledAt.get();
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** @return true if this was the first request */
    public boolean request(Kind kind, String reason, long atMillis) {
        return stop.compareAndSet(null, new Stop(kind, reason, atMillis));
    }

    public Optional<Stop> get() {
        return Optional.ofNullable(stop.get());
    }

    public boolean requested() {
        return stop.get() != null;
    }
}
