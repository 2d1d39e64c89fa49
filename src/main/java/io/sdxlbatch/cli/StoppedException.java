package io.sdxlbatch.cli;

/** The command could not go on for a reason outside it (network down...); running it again later may work: exit 1. */
public class StoppedException extends RuntimeException {

    public StoppedException(String message) {
        super(message);
    }
}
