package io.sdxlbatch.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests received per operation, rejected ones included. Thread-safe. */
final class RequestCounters {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void increment(String operation) {
        counts.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    long get(String operation) {
        LongAdder adder = counts.get(operation);
        return adder == null ? 0 : adder.sum();
    }
}
