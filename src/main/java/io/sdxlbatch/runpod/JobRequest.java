package io.sdxlbatch.runpod;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of /run and /runsync. {@code input} goes to the worker as is, so its values must already have the
 * JSON types the worker's schema wants (Integer for integers, never 1024.0); policy and webhook are optional.
 */
public record JobRequest(Map<String, Object> input, JobPolicy policy, URI webhook) {

    public JobRequest {
        Objects.requireNonNull(input, "input");
        input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
    }

    public static JobRequest of(Map<String, Object> input) {
        return new JobRequest(input, null, null);
    }

    public JobRequest withPolicy(JobPolicy newPolicy) {
        return new JobRequest(input, newPolicy, webhook);
    }
}
