package io.sdxlbatch.runpod;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON for the Runpod wire format. Answers are read as trees rather than bound to classes: fields come and go
 * between Runpod versions and worker output has several shapes, and unknown fields must simply be ignored.
 * Thread-safe.
 */
final class RunpodJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final WorkerResultParser results = new WorkerResultParser(mapper);

    byte[] request(JobRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.set("input", mapper.valueToTree(request.input()));
        if (request.webhook() != null) {
            body.put("webhook", request.webhook().toString());
        }
        if (request.policy() != null) {
            body.set("policy", mapper.valueToTree(request.policy().asJson()));
        }
        return mapper.writeValueAsBytes(body);
    }

    JobStatus status(InputStream body) {
        JsonNode node = object(body);
        String raw = text(node, "status");
        return new JobStatus(text(node, "id"), JobState.parse(raw), raw, number(node, "delayTime"),
                number(node, "executionTime"), text(node, "workerId"), results.output(node.get("output")),
                results.error(node.get("error")));
    }

    EndpointHealth health(InputStream body) {
        JsonNode node = object(body);
        JsonNode jobs = node.path("jobs");
        Map<String, Long> workers = new LinkedHashMap<>();
        node.path("workers").properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                workers.put(e.getKey(), e.getValue().asLong());
            }
        });
        return new EndpointHealth(count(jobs, "completed"), count(jobs, "failed"), count(jobs, "inProgress"),
                count(jobs, "inQueue"), count(jobs, "retried"), workers, timeScale(node.path("simulator")));
    }

    /** Only our simulator sends it; anything odd means real time. */
    private static double timeScale(JsonNode simulator) {
        double scale = simulator.path("timeScale").asDouble(1);
        return scale > 0 && Double.isFinite(scale) ? scale : 1;
    }

    PurgeResult purge(InputStream body) {
        JsonNode node = object(body);
        return new PurgeResult(count(node, "removed"), text(node, "status"));
    }

    private JsonNode object(InputStream body) {
        JsonNode node = mapper.readTree(body);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    private static long count(JsonNode node, String field) {
        Long value = number(node, field);
        return value == null ? 0 : value;
    }
}
