package io.sdxlbatch.report;

import java.util.List;
import java.util.Map;

/** A set of millisecond figures, sorted, with their percentiles (nearest rank: every value one really seen). */
public record Distribution(List<Long> sorted) {

    public Distribution {
        sorted = sorted.stream().sorted().toList();
    }

    public static Distribution of(List<Long> values) {
        return new Distribution(values);
    }

    public boolean isEmpty() {
        return sorted.isEmpty();
    }

    /** count, min, p50, p90, p95, p99, max; empty when there are no values. */
    public Map<String, Long> percentiles() {
        return Percentiles.of(sorted);
    }

    /** The p-th percentile, or null when there are no values. */
    public Long p(int p) {
        return sorted.isEmpty() ? null : Percentiles.rank(sorted, p);
    }
}
