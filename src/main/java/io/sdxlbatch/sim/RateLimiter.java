package io.sdxlbatch.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Fixed-window request budgets per operation in REAL time (they pace the client's real requests, so the
 * time scale does not apply); /runsync and /status share one budget as on Runpod. Thread-safe: one lock.
 */
final class RateLimiter {

    private static final class Window {
        long startNanos;
        int used;
    }

    private final RateLimitSettings limits;
    private final LongSupplier nanoTicks;
    private final Map<String, Window> windows = new HashMap<>();

    RateLimiter(RateLimitSettings limits, LongSupplier nanoTicks) {
        this.limits = limits;
        this.nanoTicks = nanoTicks;
    }

    /** Takes one request from the operation's budget; when it is spent, the seconds until the next window. */
    synchronized OptionalLong acquire(String operation) {
        long now = nanoTicks.getAsLong();
        long windowNanos = limits.windowMs() * 1_000_000L;
        Window window = windows.computeIfAbsent(bucket(operation), k -> newWindow(now));
        if (now - window.startNanos >= windowNanos) {
            window.startNanos = now;
            window.used = 0;
        }
        if (window.used < limits.limitOf(operation)) {
            window.used++;
            return OptionalLong.empty();
        }
        long remainingNanos = windowNanos - (now - window.startNanos);
        return OptionalLong.of(Math.max(1, (remainingNanos + 999_999_999L) / 1_000_000_000L));
    }

    private static String bucket(String operation) {
        return "runsync".equals(operation) ? "status" : operation;
    }

    private static Window newWindow(long now) {
        Window window = new Window();
        window.startNanos = now;
        return window;
    }
}
