package io.sdxlbatch.runpod;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the client spent: requests sent per operation, 429s received, retries made. Thread-safe. */
public final class ApiCallStats {

    private final Map<Operation, LongAdder> sent = new EnumMap<>(Operation.class);
    private final Map<Operation, LongAdder> retries = new EnumMap<>(Operation.class);
    private final LongAdder rateLimited = new LongAdder();

    ApiCallStats() {
        for (Operation op : Operation.values()) {
            sent.put(op, new LongAdder());
            retries.put(op, new LongAdder());
        }
    }

    void countSent(Operation op) {
        sent.get(op).increment();
    }

    void countRetry(Operation op) {
        retries.get(op).increment();
    }

    void countRateLimited() {
        rateLimited.increment();
    }

    public long sent(Operation op) {
        return sent.get(op).sum();
    }

    public long retries(Operation op) {
        return retries.get(op).sum();
    }

    /** HTTP 429 answers received from Runpod (not our own pacing). */
    public long rateLimitedAnswers() {
        return rateLimited.sum();
    }
}
