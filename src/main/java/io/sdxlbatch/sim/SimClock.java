package io.sdxlbatch.sim;

/** Source of SIMULATED epoch milliseconds: the time the endpoint model lives in. Implementations are thread-safe. */
interface SimClock {

    long nowMs();
}
