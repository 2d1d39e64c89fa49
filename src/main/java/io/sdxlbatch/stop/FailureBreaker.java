package io.sdxlbatch.stop;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops submission when most of the latest job outcomes are the same failure, or all of them are failures: a
 * worker that crashes on every job would otherwise burn the whole CSV, each job paid for. Every outcome Runpod reports counts, retries included.
 * Thread-safe (the harvester's poll threads report here).
 */
public final class FailureBreaker {

    /** The part of an error that names the failure; the rest tends to hold job-specific details. */
    static final int REASON_LENGTH = 120;

    private static final Logger log = LoggerFactory.getLogger(FailureBreaker.class);

    private final int window;
    private final StopRequest stop;
    private final Clock clock;
    /** A success in {@link #outcomes}; a failure's reason is never blank. */
    private static final String SUCCESS = "";
    /** Latest outcomes, oldest first: {@link #SUCCESS}, else the failure's reason. */
    private final Deque<String> outcomes = new ArrayDeque<>();

    public FailureBreaker(int window, StopRequest stop, Clock clock) {
        this.window = window;
        this.stop = stop;
        this.clock = clock;
    }

    public synchronized void succeeded() {
        // (a success after the trip changes nothing: the stop stays)
        add(SUCCESS);
    }

    public synchronized void failed(String reason) {
        String r = reason == null || reason.isBlank() ? "(no reason given)" : reason.strip();
        add(r.length() > REASON_LENGTH ? r.substring(0, r.lastIndexOf(' ', REASON_LENGTH) > 0
                ? r.lastIndexOf(' ', REASON_LENGTH) : REASON_LENGTH) + "…" : r);
        Map<String, Long> byReason = outcomes.stream().filter(o -> !o.equals(SUCCESS))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map.Entry<String, Long> commonest = byReason.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElseThrow();
        long failures = byReason.values().stream().mapToLong(Long::longValue).sum();
        // more than half the window is one failure already, however the rest fills: that is "most of the last N";
        // a window of nothing but failures, in whatever words, is a broken worker too
        if (commonest.getValue() * 2 > window) {
            trip(commonest.getValue() + " of the last " + window + " jobs failed the same way (" + commonest.getKey()
                    + ")");
        } else if (failures == window) {
            trip("the last " + window + " jobs all failed (most often: " + commonest.getKey() + ")");
        }
    }

    private void trip(String what) {
        if (stop.requested()) {
            return;
        }
        log.warn("stopped sending: {}", what);
        stop.request(StopRequest.Kind.FAILURES, what + "; no new jobs are sent: fix the endpoint, then run the same"
                + " command again", clock.millis());
    }

    private void add(String outcome) {
        outcomes.addLast(outcome);
        while (outcomes.size() > window) {
            outcomes.removeFirst();
        }
    }
}
