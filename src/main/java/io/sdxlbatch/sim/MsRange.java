package io.sdxlbatch.sim;

import java.util.Random;

/**
 * An inclusive range of simulated milliseconds from which a duration is drawn.
 * Immutable and thread-safe.
 */
public record MsRange(long minMs, long maxMs) {

    public MsRange {
        if (minMs < 0 || maxMs < minMs) {
            throw new IllegalArgumentException("range must satisfy 0 <= min <= max, got " + minMs + "-" + maxMs);
        }
    }

    /** A range holding exactly one value. */
    public static MsRange of(long ms) {
        return new MsRange(ms, ms);
    }

    /** Parses "10000-45000" or a single number "5000". */
    static MsRange parse(String text) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-', 1);
        if (dash < 0) {
            return of(Long.parseLong(trimmed));
        }
        return new MsRange(Long.parseLong(trimmed.substring(0, dash).trim()),
                Long.parseLong(trimmed.substring(dash + 1).trim()));
    }

    long draw(Random random) {
        return minMs == maxMs ? minMs : minMs + (long) (random.nextDouble() * (maxMs - minMs + 1));
    }

    long mean() {
        return (minMs + maxMs) / 2;
    }

    @Override
    public String toString() {
        return minMs + "-" + maxMs;
    }
}
