package io.sdxlbatch.sim;

import java.util.function.LongSupplier;

/**
 * Simulated time that runs {@code timeScale} times faster than a monotonic real clock, starting at a given
 * epoch millisecond. Thread-safe: it only reads immutable fields and the injected tick source.
 */
final class ScaledClock implements SimClock {

    private final double timeScale;
    private final LongSupplier nanoTicks;
    private final long startTicks;
    private final long startEpochMs;

    ScaledClock(double timeScale, LongSupplier nanoTicks, long startEpochMs) {
        this.timeScale = timeScale;
        this.nanoTicks = nanoTicks;
        this.startTicks = nanoTicks.getAsLong();
        this.startEpochMs = startEpochMs;
    }

    static ScaledClock system(double timeScale) {
        return new ScaledClock(timeScale, System::nanoTime, System.currentTimeMillis());
    }

    @Override
    public long nowMs() {
        return startEpochMs + (long) ((nanoTicks.getAsLong() - startTicks) * timeScale / 1_000_000.0);
    }

    /** Real milliseconds that pass while {@code simMs} simulated ones do, rounded up. */
    long realMillisFor(long simMs) {
        return (long) Math.ceil(simMs / timeScale);
    }
}
