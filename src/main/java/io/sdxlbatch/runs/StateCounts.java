package io.sdxlbatch.runs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.report.JobsCsvReport;

/**
 * A run's rows by ledger state, from the job repository or from a progress.json, and the outcomes the run list shows:
 * done, failed (rejected included), cancelled, and not finished yet.
 *
 * @param byState counts by ledger state name, in the ledger's order; names this version does not know come last
 */
record StateCounts(Map<String, Integer> byState) {

    StateCounts {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (LedgerState state : LedgerState.values()) {
            if (byState.getOrDefault(state.name(), 0) > 0) {
                ordered.put(state.name(), byState.get(state.name()));
            }
        }
        byState.forEach((name, n) -> {
            if (n > 0) {
                ordered.putIfAbsent(name, n);
            }
        });
        byState = java.util.Collections.unmodifiableMap(ordered);
    }

    static StateCounts ofRows(List<LedgerEntry> rows) {
        return new StateCounts(rows.stream().collect(Collectors.groupingBy(r -> r.state().name(),
                Collectors.summingInt(r -> 1))));
    }

    int total() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    int done() {
        return count(LedgerState::isSuccess);
    }

    /** Rows that ended without images for a reason other than our own cancellation. */
    int failed() {
        return count(s -> s.isFinal() && !s.isSuccess() && s != LedgerState.CANCELLED);
    }

    int cancelled() {
        return count(s -> s == LedgerState.CANCELLED);
    }

    int unfinished() {
        return count(s -> !s.isFinal());
    }

    /** Sent and not answered for good yet: queued or running on the endpoint, or being sent. */
    int inFlight() {
        return count(s -> s == LedgerState.QUEUED || s == LedgerState.SENDING);
    }

    /** {@code 12: COMPLETED 10, FAILED 1, QUEUED 1}, with DONE called COMPLETED as in the report. */
    String describe() {
        if (byState.isEmpty()) {
            return "none";
        }
        return total() + ": " + byState.entrySet().stream().map(e -> display(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String display(String stateName) {
        return known(stateName).map(JobsCsvReport::status).orElse(stateName);
    }

    private int count(Predicate<LedgerState> which) {
        return byState.entrySet().stream().filter(e -> known(e.getKey()).filter(which).isPresent())
                .mapToInt(Map.Entry::getValue).sum();
    }

    private static Optional<LedgerState> known(String name) {
        return Arrays.stream(LedgerState.values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
