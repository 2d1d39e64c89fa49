package io.sdxlbatch.sim;

/** The simulator's only real sleep (slow-answer faults, /runsync waits). Stateless and thread-safe. */
final class Pause {

    private Pause() {
    }

    /** Sleeps {@code realMs} wall-clock ms; an interrupt ends the pause early and is kept for the caller. */
    static void realMs(long realMs) {
        if (realMs <= 0) {
            return;
        }
        try {
            Thread.sleep(realMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
