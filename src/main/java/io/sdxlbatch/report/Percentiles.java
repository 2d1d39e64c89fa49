package io.sdxlbatch.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nearest-rank percentiles of a list of millisecond figures: every reported value is one Runpod really sent. */
public final class Percentiles {

    private Percentiles() {
    }

    /** min, p50, p90, p95, p99, max and count; empty map when there are no values. */
    public static Map<String, Long> of(List<Long> values) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (values.isEmpty()) {
            return out;
        }
        List<Long> sorted = values.stream().sorted().toList();
        out.put("count", (long) sorted.size());
        out.put("min", sorted.get(0));
        for (int p : new int[] {50, 90, 95, 99}) {
            out.put("p" + p, rank(sorted, p));
        }
        out.put("max", sorted.get(sorted.size() - 1));
        return out;
    }

    /** The smallest value with at least p% of values at or below it. */
    static long rank(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
