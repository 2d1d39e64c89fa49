package io.sdxlbatch.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runpod API calls a run made, by path (/run, /status...), summed over the processes that wrote a report. An empty
 * {@code sent} means none were recorded, not that none were made.
 */
public record ApiCalls(Map<String, Long> sent, long retries, long rateLimited) {

    public ApiCalls {
        sent = Collections.unmodifiableMap(new LinkedHashMap<>(sent));
    }

    public boolean recorded() {
        return !sent.isEmpty();
    }

    public long total() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }
}
