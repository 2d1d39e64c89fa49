package io.sdxlbatch.report;

import java.util.Map;

/** Runpod API calls a run made, by path (/run, /status...), summed over the processes that wrote a report. */
public record ApiCalls(Map<String, Long> sent, long retries, long rateLimited) {

    public ApiCalls {
        sent = Map.copyOf(sent);
    }

    public long total() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }
}
