package io.sdxlbatch.sim;

import java.util.OptionalInt;
import java.util.Random;

/**
 * Draws the HTTP-level faults of {@link FaultSettings} from one seeded Random, so a single-threaded run
 * can be reproduced. Thread-safe: every draw holds this object's lock.
 */
final class FaultInjector {

    private static final int[] SERVER_ERRORS = {500, 502, 503};

    private final FaultSettings faults;
    private final Random random;
    private int burstLeft;

    FaultInjector(FaultSettings faults, long seed) {
        this.faults = faults;
        this.random = new Random(seed ^ 0x5EEDFA017L);
    }

    synchronized boolean drop() {
        return hit(faults.drop());
    }

    synchronized boolean dropAfterAccept() {
        return hit(faults.dropAfterAccept());
    }

    /** Real ms to hold the answer back, 0 for most answers. */
    synchronized long slowMs() {
        return hit(faults.slow()) ? faults.slowMs() : 0;
    }

    /** A 429 with its Retry-After seconds; one hit starts a burst so the next few answers are 429 too. */
    synchronized OptionalInt tooManyRequests() {
        if (burstLeft > 0) {
            burstLeft--;
            return OptionalInt.of(1);
        }
        if (hit(faults.http429())) {
            burstLeft = random.nextInt(4);
            return OptionalInt.of(1 + random.nextInt(3));
        }
        return OptionalInt.empty();
    }

    synchronized OptionalInt serverError() {
        return hit(faults.http5xx()) ? OptionalInt.of(SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)])
                : OptionalInt.empty();
    }

    /** Decided per read, so reading the same job again may give good data. */
    synchronized boolean corruptRead() {
        return hit(faults.corrupt());
    }

    private boolean hit(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }
}
