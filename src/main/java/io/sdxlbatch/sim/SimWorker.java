package io.sdxlbatch.sim;

/**
 * One worker of the endpoint. Not thread-safe: mutated only under the {@link EndpointEngine} lock.
 * {@code generation} changes on every state change so stale scheduled events can tell they are stale.
 */
final class SimWorker {

    enum State { COLD, INITIALIZING, IDLE, RUNNING }

    private final String id;
    private State state = State.COLD;
    private long generation;

    SimWorker(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    State state() {
        return state;
    }

    long generation() {
        return generation;
    }

    /** Moves to {@code next} and returns the new generation. */
    long moveTo(State next) {
        state = next;
        return ++generation;
    }
}
