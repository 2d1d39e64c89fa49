package io.sdxlbatch.ledger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sdxlbatch.runpod.JobPolicy;
import io.sdxlbatch.runpod.JobRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a request as JSON in the ledger and reads it back unchanged, so a resubmission after a restart sends
 * exactly what the first attempt sent. JSON integers come back as Integer, so 1024 never becomes 1024.0.
 */
public final class RequestCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private RequestCodec() {
    }

    public static String encode(Map<String, Object> input, JobPolicy policy) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("input", input);
        if (policy != null) {
            stored.put("policy", policy.asJson());
        }
        return JSON.writeValueAsString(stored);
    }

    public static String encodeCells(Map<String, String> cells) {
        return JSON.writeValueAsString(cells);
    }

    public static Map<String, String> decodeCells(String json) {
        Map<String, Object> raw = JSON.readValue(json, MAP);
        Map<String, String> cells = new LinkedHashMap<>();
        raw.forEach((k, v) -> cells.put(k, v == null ? "" : v.toString()));
        return cells;
    }

    @SuppressWarnings("unchecked")
    public static JobRequest decode(String json) {
        Map<String, Object> stored = JSON.readValue(json, MAP);
        Map<String, Object> input = (Map<String, Object>) stored.get("input");
        Map<String, Object> p = (Map<String, Object>) stored.get("policy");
        JobPolicy policy = p == null ? null
                : new JobPolicy(millis(p.get("executionTimeout")), millis(p.get("ttl")),
                        p.get("lowPriority") instanceof Boolean b ? b : null);
        return new JobRequest(input, policy, null);
    }

    private static Duration millis(Object value) {
        return value instanceof Number n ? Duration.ofMillis(n.longValue()) : null;
    }
}
